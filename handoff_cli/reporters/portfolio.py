"""`handoff report` formats by name; the --format choices are these keys (a test keeps them equal)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console

from handoff_cli.reporters.base import write_json
from handoff_cli.reporters.portfolio_html import csm_only_html, html
from handoff_cli.reporters.portfolio_text import csm_only_md, csm_only_text, md_lines, text_lines

Doc = dict[str, Any]
ReportWriter = Callable[[Doc, Console], None]


def _printer(render: Callable[[Doc], list[str]]) -> Callable[[Doc, Console], None]:
    def report(doc: Doc, console: Console) -> None:
        console.out("\n".join(render(doc)), highlight=False)

    return report


def _json(doc: Doc, console: Console) -> None:
    write_json(console, doc)


def _html(doc: Doc, console: Console) -> None:
    console.out(html(doc), highlight=False, end="")


REPORT: dict[str, ReportWriter] = {
    "text": _printer(text_lines),
    "md": _printer(md_lines),
    "json": _json,
    "html": _html,
}
# `report --by csm`: the CSM view alone, in the same formats
BY_CSM: dict[str, ReportWriter] = {
    "text": _printer(csm_only_text),
    "md": _printer(csm_only_md),
    "json": _json,
    "html": lambda doc, console: console.out(csm_only_html(doc), highlight=False, end=""),
}
