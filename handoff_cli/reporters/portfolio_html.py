"""`handoff report --format html`: one self-contained page (inline CSS, no scripts, no links out)."""

from __future__ import annotations

from html import escape
from typing import Any

from handoff_cli.reporters.bar_chart import CSS as CHART_CSS
from handoff_cli.reporters.bar_chart import chart
from handoff_cli.reporters.change_text import html_parts as change_parts
from handoff_cli.reporters.csm_text import html_parts
from handoff_cli.reporters.html_table import table
from handoff_cli.reporters.outcomes_html import outcome_parts
from handoff_cli.reporters.portfolio_text import engagement_lines, rows, worst_lines

Doc = dict[str, Any]
CSS = """body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2330;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #dde;padding:.3rem .6rem;text-align:left;
vertical-align:top}th{background:#f3f4f8}.flag{color:#b00020;font-weight:600}"""


def html(doc: Doc) -> str:
    overall = doc["overall"]
    segments = doc["by_segment"]
    charts = [
        chart("completeness_bands", "Deals per completeness band", overall["completeness"]["bands"],
              name=lambda band: f"{band}% complete"),
        chart("breaches_by_clock", "Breaches by clock (breached or met late)", overall["breaches_by_clock"], bad=True),
        chart("completion_by_segment", "Completion rate by segment",
              {k: m["completion"]["rate"] for k, m in segments.items()}, unit="%", scale=100),
        chart("patterns", "Failure patterns (deals)", doc["patterns"]["counts"], bad=True),
        chart("rating_by_rep", "CSM rating by sales rep (1-5)",
              {k: m["reviews"]["mean_rating"] for k, m in doc["by_rep"].items()}, scale=5),
        chart("rejection_reasons", "Rejection reasons (deals)", overall["reviews"]["reasons"], bad=True),
    ]  # fmt: skip
    parts = [f"<h1>Handoff report</h1><p>As of {escape(doc['as_of'])} ({escape(doc['timezone'])}).</p>"]
    if overall["completion"]["flag"]:
        parts.append('<p class="flag">Handoff completion rate is below 90%: a process problem.</p>')
    parts += ["".join(charts), "<h2>Overall</h2>", table(["metric", "value"],
              [[escape(k), escape(v)] for k, v in rows(overall)])]  # fmt: skip
    for title, key in (("By segment", "by_segment"), ("By sales rep", "by_rep")):
        names = list(doc[key])
        columns = [rows(doc[key][n]) for n in names]
        body = [[escape(label)] + [escape(c[i][1]) for c in columns] for i, (label, _) in enumerate(rows(overall))]
        parts += [f"<h2>{title}</h2>", table(["metric", *names], body)]
    parts += html_parts(doc) + change_parts(doc)
    patterns = [
        [escape(f"{p['deal_id']} {p['account']}"), escape(p["title"]),
         "<ul>" + "".join(f"<li>{escape(e)}</li>" for e in p["evidence"]) + "</ul>"]
        for p in doc["patterns"]["deals"]
    ]  # fmt: skip
    # the rank is the list's own numbering
    worst = [f"<li>{escape(line.split('. ', 1)[1])}</li>" for line in worst_lines(doc)]
    parts += ["<h2>Worst deals first</h2><ol>", *worst, "</ol>"]
    parts += ["<h2>Failure patterns</h2>", table(["deal", "pattern", "evidence"], patterns)]
    parts += ["<h2>When CS should engage</h2><ul>"] + [f"<li>{escape(x)}</li>" for x in engagement_lines(doc)]
    parts.append("</ul>")
    parts += outcome_parts(doc)
    if doc["invalid"]:
        parts += ["<h2>Skipped</h2><ul>", *(f"<li>{escape(x)}</li>" for x in doc["invalid"]), "</ul>"]
    return _page(parts)


def csm_only_html(doc: Doc) -> str:
    """`report --by csm` as one HTML page: the CSM view alone."""
    parts = [f"<h1>Handoff report by CSM</h1><p>As of {escape(doc['as_of'])} ({escape(doc['timezone'])}).</p>"]
    parts += html_parts(doc)[1:]
    if doc["invalid"]:
        parts += ["<h2>Skipped</h2><ul>", *(f"<li>{escape(x)}</li>" for x in doc["invalid"]), "</ul>"]
    return _page(parts)


def _page(parts: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Handoff report</title>'
        f"<style>{CSS}\n{CHART_CSS}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n"
    )
