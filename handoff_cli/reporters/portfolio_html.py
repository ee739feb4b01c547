"""`handoff report --format html`: one self-contained page (inline CSS and SVG, no scripts, no links out).

Every chart bar carries data-label and data-value with the JSON report's figure, so a test (or a
script) can check that the picture and the numbers agree.
"""

from __future__ import annotations

from html import escape
from typing import Any

from handoff_cli.reporters.portfolio_text import engagement_lines, rows, worst_lines

Doc = dict[str, Any]
BAR_W, GAP, HEIGHT = 56, 14, 160
CSS = """body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2330;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #dde;padding:.3rem .6rem;text-align:left;
vertical-align:top}th{background:#f3f4f8}.flag{color:#b00020;font-weight:600}
figure{display:inline-block;margin:0 2rem 1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}
svg text{font:11px system-ui,sans-serif;fill:#1d2330}.bar{fill:#4f6bd8}.bar.bad{fill:#d8574f}"""


def chart(key: str, title: str, data: dict[str, float | None], *, bad: bool = False, unit: str = "") -> str:
    """A bar chart as inline SVG; bars scale to the largest value, a missing value draws no bar."""
    top = max((v for v in data.values() if v is not None), default=0) or 1
    width = len(data) * (BAR_W + GAP) + GAP
    bars = []
    for i, (label, value) in enumerate(data.items()):
        x = GAP + i * (BAR_W + GAP)
        h = round((value or 0) / top * (HEIGHT - 40))
        shown = "-" if value is None else f"{value:g}{unit}"
        bars.append(
            f'<rect class="bar{" bad" * bad}" x="{x}" y="{HEIGHT - 30 - h}" width="{BAR_W}" height="{h}" '
            f'data-label="{escape(label)}" data-value="{"" if value is None else f"{value:g}"}"/>'
            f'<text x="{x + BAR_W / 2:g}" y="{HEIGHT - 34 - h}" text-anchor="middle">{escape(shown)}</text>'
            f'<text x="{x + BAR_W / 2:g}" y="{HEIGHT - 14}" text-anchor="middle">{escape(label[:12])}</text>'
        )
    svg = f'<svg width="{width}" height="{HEIGHT}" role="img" aria-label="{escape(title)}">{"".join(bars)}</svg>'
    return f'<figure data-chart="{key}"><figcaption>{escape(title)}</figcaption>{svg}</figure>'


def table(header: list[str], body: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in body)
    return f"<table><tr>{head}</tr>{rows}</table>"


def html(doc: Doc) -> str:
    overall = doc["overall"]
    segments = doc["by_segment"]
    charts = [
        chart("completeness_bands", "Completeness (deals per band, %)", overall["completeness"]["bands"]),
        chart("breaches_by_clock", "Breaches by clock (breached or met late)", overall["breaches_by_clock"], bad=True),
        chart("completion_by_segment", "Completion rate by segment",
              {k: m["completion"]["rate"] for k, m in segments.items()}, unit="%"),
        chart("patterns", "Failure patterns (deals)", doc["patterns"]["counts"], bad=True),
        chart("rating_by_rep", "CSM rating by sales rep (1-5)",
              {k: m["reviews"]["mean_rating"] for k, m in doc["by_rep"].items()}),
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
    if doc["invalid"]:
        parts += ["<h2>Skipped</h2><ul>", *(f"<li>{escape(x)}</li>" for x in doc["invalid"]), "</ul>"]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Handoff report</title>'
        f"<style>{CSS}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n"
    )
