"""The report's change control after signature in text, Markdown and HTML, from the report document."""

from __future__ import annotations

from html import escape
from typing import Any

from handoff_cli.reporters.markdown import cell

Doc = dict[str, Any]
TITLE = "commitments changed after signature (git)"


def _lines(doc: Doc) -> list[tuple[str, list[str]]]:
    return [(rep, [f"{c['deal_id']}: '{c['commitment']}' {c['change']} in {c['commit']} by {c['author']} "
                   f"({c['date']})" for c in found])
            for rep, found in doc["change_control"]["by_rep"].items()]  # fmt: skip


def text_lines(doc: Doc) -> list[str]:
    if "change_control" not in doc:
        return []  # asked for with --change-control
    out = ["", TITLE]
    for rep, lines in _lines(doc):
        out += [f"  rep {rep}: {len(lines)}"] + [f"    {line}" for line in lines]
    return out if len(out) > 2 else [*out, "  none"]


def md_lines(doc: Doc) -> list[str]:
    if "change_control" not in doc:
        return []
    out = ["", f"## {TITLE[0].upper()}{TITLE[1:]}", ""]
    for rep, lines in _lines(doc):
        out += [f"- rep {cell(rep)}: {len(lines)}"] + [f"  - {cell(line)}" for line in lines]
    return out if len(out) > 3 else [*out, "none"]


def html_parts(doc: Doc) -> list[str]:
    if "change_control" not in doc:
        return []
    parts = [f"<h2>{escape(TITLE[0].upper() + TITLE[1:])}</h2>"]
    for rep, lines in _lines(doc):
        parts += [f"<h3>{escape(f'Rep {rep}: {len(lines)}')}</h3><ul>", *(f"<li>{escape(x)}</li>" for x in lines),
                  "</ul>"]  # fmt: skip
    return parts if len(parts) > 1 else [*parts, "<p>none</p>"]
