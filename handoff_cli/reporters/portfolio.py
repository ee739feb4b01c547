"""`handoff report` in each of its formats; reporters/__init__.py's REPORT names these functions."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console

from handoff_cli.portfolio.report_document import Report
from handoff_cli.reporters.base import write_json
from handoff_cli.reporters.portfolio_text import md_lines, text_lines

ReportWriter = Callable[[Report, Console], None]


def text(doc: Report, console: Console) -> None:
    console.out("\n".join(text_lines(doc)), highlight=False)


def markdown(doc: Report, console: Console) -> None:
    console.out("\n".join(md_lines(doc)), highlight=False)


def json_report(doc: Report, console: Console) -> None:
    write_json(console, doc)


def html_report(doc: Report, console: Console) -> None:
    from handoff_cli.reporters.portfolio_html import html

    console.out(html(doc), highlight=False, end="")
