"""The report's outcomes on the HTML page: the same tables as text and Markdown, and two charts."""

from __future__ import annotations

from html import escape
from typing import Any

from handoff_cli.reporters.bar_chart import chart
from handoff_cli.reporters.outcomes_text import sections

Doc = dict[str, Any]


def outcome_charts(doc: Doc) -> list[str]:
    o = doc["outcomes"]
    return [
        chart("churn_by_quality", "Churn by handoff quality at signature (%)",
              {k: b["churn"]["percent"] for k, b in o["retention"]["by_band"].items()}, bad=True, unit="%", scale=100),
        chart("survey_by_rep", "Customer survey by sales rep (1-5)",
              {k: s["mean"] for k, s in o["survey"]["by_rep"].items()}, scale=5),
    ]  # fmt: skip


def outcome_parts(doc: Doc) -> list[str]:
    from handoff_cli.reporters.html_table import table

    parts = [f"<h2>Outcomes</h2><p>{doc['outcomes']['signed']} signed deals.</p>", "".join(outcome_charts(doc))]
    for title, rows in sections(doc):
        parts += [f"<h3>{escape(title[0].upper() + title[1:])}</h3>",
                  table(["", ""], [[escape(k), escape(v)] for k, v in rows])]  # fmt: skip
    return parts
