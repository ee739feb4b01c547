"""`handoff report --format html`: the report document turned into the page's view (the wording and figures
text and Markdown use, charts as bars), rendered by the packaged templates/report/report.html.j2; so is
`report --by csm`'s page, the CSM view alone."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from handoff_cli.core.printable import printable
from handoff_cli.portfolio.report_document import CsmReport, Report
from handoff_cli.render.loader import packaged_dir
from handoff_cli.reporters.change_text import html_groups
from handoff_cli.reporters.csm_text import csm_sections
from handoff_cli.reporters.deal_text import (
    COLUMNS,
    TREND_COLUMNS,
    by_urgency,
    deal_cells,
    due_key,
    due_soon_line,
    trend_cells,
)
from handoff_cli.reporters.outcomes_text import sections
from handoff_cli.reporters.portfolio_text import (
    engagement_lines,
    follow_up_lines,
    pipeline_lines,
    rows,
    skipped_lines,
    worst_line,
)


@cache
def _template() -> Any:
    # the packaged template only: a deals repo overrides documents sent to customers, not this report
    env = Environment(loader=FileSystemLoader(str(packaged_dir() / "report")), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template("report.html.j2")


def chart(key: str, title: str, data: Mapping[str, float | None], *, bad: bool = False, unit: str = "",
          scale: float | None = None, name: Callable[[str], str] = str) -> dict[str, Any]:
    """One bar per entry, scaled to `scale` (e.g. 100 for rates) or else to the largest value.

    The axis is drawn whatever the values, so an all-zero chart still reads as "all zero" and not as a
    chart that failed to draw; a missing value (None) draws no bar and says so. Each bar carries the JSON
    report's figure as data-value, so a test (or a script) can check that the picture and the numbers agree.
    """
    top = scale or max((v for v in data.values() if v is not None), default=0) or 1
    bars = [
        {"name": name(label), "label": label, "share": f"{min(1.0, max(0.0, (value or 0) / top)):.4g}",
         "value": "" if value is None else f"{value:g}",
         "figure": "no data" if value is None else f"{value:g}{unit}"}
        for label, value in data.items()
    ]  # fmt: skip
    return {"key": key, "title": title, "bad": bad, "bars": bars, "top": f"{top:g}{unit}"}


def view(doc: Report) -> dict[str, Any]:
    overall, segments, o = doc["overall"], doc["by_segment"], doc["outcomes"]
    labels = [label for label, _ in rows(overall)]
    groups = []
    for title, group in (("By segment", doc["by_segment"]), ("By sales rep", doc["by_rep"])):
        names = list(group)
        columns = [rows(group[n]) for n in names]
        groups.append({"title": title, "names": names,
                       "rows": [[label] + [c[i][1] for c in columns] for i, label in enumerate(labels)]})
    return {
        "as_of": doc["as_of"], "timezone": doc["timezone"], "flag": overall["completion"]["flag"],
        "top_charts": [
            chart("completeness_bands", "Deals per completeness band", overall["completeness"]["bands"],
                  name=lambda band: f"{band}% complete"),
            chart("breaches_by_clock", "Breaches by clock (breached or met late)", overall["breaches_by_clock"],
                  bad=True),
            chart("completion_by_segment", "Completion rate by segment",
                  {k: m["completion"]["rate"] for k, m in segments.items()}, unit="%", scale=100),
            chart("patterns", "Failure patterns (deals)", doc["patterns"]["counts"], bad=True),
            chart("rating_by_rep", "CSM rating by sales rep (1-5)",
                  {k: m["reviews"]["mean_rating"] for k, m in doc["by_rep"].items()}, scale=5),
            chart("rejection_reasons", "Rejection reasons (deals)", overall["reviews"]["reasons"], bad=True),
        ],
        "overall": [list(row) for row in rows(overall)],
        "groups": groups,
        "pipeline": pipeline_lines(doc),
        "csm": _tables(csm_sections(doc["by_csm"])),
        "changes": html_groups(doc),
        "worst": [worst_line(w) for w in doc["worst_first"]],  # the list's own numbering gives the rank
        "patterns": [[f"{p['deal_id']} {p['account']}", p["title"], p["evidence"]] for p in doc["patterns"]["deals"]],
        "engagement": engagement_lines(doc),
        "follow_ups": follow_up_lines(doc),
        "signed": o["signed"],
        "outcome_charts": [
            chart("churn_by_quality", "Churn by handoff quality at signature (%)",
                  {k: b["churn"]["percent"] for k, b in o["retention"]["by_band"].items()}, bad=True, unit="%",
                  scale=100),
            chart("survey_by_rep", "Customer survey by sales rep (1-5)",
                  {k: s["mean"] for k, s in o["survey"]["by_rep"].items()}, scale=5),
        ],
        "outcomes": [(title[0].upper() + title[1:], [list(r) for r in body]) for title, body in sections(doc)],
        "invalid": skipped_lines(doc),
        "deals": deal_table(doc),
        "due_soon": [{"text": due_soon_line(x), "link": x["link"]} for x in doc["due_soon"]],
        "trend": _trend(doc),
        "csm_only": False,
    }  # fmt: skip


def deal_table(doc: Report) -> dict[str, Any]:
    """The per-deal table: each cell's text, and the key it sorts by (a number for the score, the ISO moment
    for the next clock due) so the page's small sorting script compares like with like."""
    body = []
    for d in by_urgency(doc):
        cells = deal_cells(d)
        keys = [cells[0], d["status"], f"{d['score']:09.3f}", due_key(d), *cells[4:]]
        body.append({"link": d["link"], "deal_id": d["deal_id"],
                     "cells": [{"text": t, "key": k} for t, k in zip(cells, keys, strict=True)]})  # fmt: skip
    return {"header": list(COLUMNS), "rows": body}


def _trend(doc: Report) -> dict[str, Any] | None:
    if "trend" not in doc:
        return None
    months = doc["trend"]
    return {
        "charts": [
            chart("trend_completeness", "Completeness by month (mean)", {t["month"]: t["completeness"] for t in months},
                  unit="%", scale=100),
            chart("trend_on_time", "On-time rate by month", {t["month"]: t["on_time_rate"] for t in months},
                  unit="%", scale=100),
        ],
        "header": list(TREND_COLUMNS), "rows": [trend_cells(t) for t in months],
    }  # fmt: skip


def _tables(found: list[tuple[str, list[tuple[str, str]]]]) -> list[tuple[str, list[list[str]]]]:
    return [(title, [list(r) for r in body]) for title, body in found]


def html(doc: Report) -> str:
    return str(_template().render(view(doc)))


def csm_only_html(doc: CsmReport) -> str:
    """`report --by csm` as one HTML page: the CSM view alone."""
    page = {"as_of": doc["as_of"], "timezone": doc["timezone"], "csm": _tables(csm_sections(doc["by_csm"])),
            "invalid": [printable(line) for line in doc["invalid"]], "csm_only": True}  # fmt: skip
    return str(_template().render(page))
