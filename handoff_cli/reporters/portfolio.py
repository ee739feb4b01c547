"""`handoff report` in each of its formats; reporters/__init__.py's REPORT names these functions, and
REPORT_BY_CSM the csm_* ones (`report --by csm`, the CSM view alone)."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console

from handoff_cli.portfolio.report_document import CsmReport, Report
from handoff_cli.reporters.base import write_json, write_text
from handoff_cli.reporters.portfolio_text import csm_only_md, csm_only_text, md_lines, text_lines

ReportWriter = Callable[[Report, Console], None]
CsmWriter = Callable[[CsmReport, Console], None]  # `report --by csm`


def text(doc: Report, console: Console) -> None:
    write_text(console, "\n".join(text_lines(doc)))


def markdown(doc: Report, console: Console) -> None:
    write_text(console, "\n".join(md_lines(doc)))


def json_report(doc: Report, console: Console) -> None:
    write_json(console, doc)


def html_report(doc: Report, console: Console) -> None:
    from handoff_cli.reporters.portfolio_html import html

    write_text(console, html(doc), end="")


def csm_text(doc: CsmReport, console: Console) -> None:
    write_text(console, "\n".join(csm_only_text(doc)))


def csm_markdown(doc: CsmReport, console: Console) -> None:
    write_text(console, "\n".join(csm_only_md(doc)))


def csm_json(doc: CsmReport, console: Console) -> None:
    write_json(console, doc)


def csm_html(doc: CsmReport, console: Console) -> None:
    from handoff_cli.reporters.portfolio_html import csm_only_html

    write_text(console, csm_only_html(doc), end="")
