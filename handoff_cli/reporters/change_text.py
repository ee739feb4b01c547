"""The report's change control after signature in text, Markdown and HTML, from the report document."""

from __future__ import annotations

from handoff_cli.portfolio.report_document import Report
from handoff_cli.reporters.markdown import cell

TITLE = "commitments changed after signature (git)"


def _lines(doc: Report) -> list[tuple[str, list[str]]]:
    return [(rep, [f"{c['deal_id']}: '{c['commitment']}' {c['change']} in {c['commit']} by {c['author']} "
                   f"({c['date']})" for c in found])
            for rep, found in doc["change_control"]["by_rep"].items()]  # fmt: skip


def text_lines(doc: Report) -> list[str]:
    if "change_control" not in doc:
        return []  # switched off, or no dossier in git
    out = ["", TITLE]
    for rep, lines in _lines(doc):
        out += [f"  rep {rep}: {len(lines)}"] + [f"    {line}" for line in lines]
    return out if len(out) > 2 else [*out, "  none"]


def md_lines(doc: Report) -> list[str]:
    if "change_control" not in doc:
        return []
    out = ["", f"## {TITLE[0].upper()}{TITLE[1:]}", ""]
    for rep, lines in _lines(doc):
        out += [f"- rep {cell(rep)}: {len(lines)}"] + [f"  - {cell(line)}" for line in lines]
    return out if len(out) > 3 else [*out, "none"]


def html_groups(doc: Report) -> tuple[str, list[tuple[str, list[str]]]] | None:
    """The HTML page's section: its title and, per rep, a heading and the changes; None when not asked for."""
    if "change_control" not in doc:
        return None
    return TITLE[0].upper() + TITLE[1:], [(f"Rep {rep}: {len(lines)}", lines) for rep, lines in _lines(doc)]
