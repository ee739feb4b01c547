"""`handoff report` in each of its formats; reporters/__init__.py's REPORT names these functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console

from handoff_cli.reporters.base import write_json
from handoff_cli.reporters.portfolio_text import md_lines, text_lines

Doc = dict[str, Any]
ReportWriter = Callable[[Doc, Console], None]


def text(doc: Doc, console: Console) -> None:
    console.out("\n".join(text_lines(doc)), highlight=False)


def markdown(doc: Doc, console: Console) -> None:
    console.out("\n".join(md_lines(doc)), highlight=False)


def json_report(doc: Doc, console: Console) -> None:
    write_json(console, doc)


def html_report(doc: Doc, console: Console) -> None:
    from handoff_cli.reporters.portfolio_html import html

    console.out(html(doc), highlight=False, end="")
