"""`handoff report`: the portfolio view a CS lead asks for, as text, Markdown, JSON or one HTML page."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from handoff_cli.cli.options import AsOf, ConfigOpt, Paths, console, moment, project


class ReportFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    JSON = "json"
    HTML = "html"


def report(
    paths: Paths = None,
    as_of: AsOf = None,
    format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="text for people, md for a wiki, json for scripts, html to attach."),
    ] = ReportFormat.TEXT,
    config: ConfigOpt = None,
) -> None:
    """Report on every handoff for a CS lead: the metrics, the worst deals, the failure patterns, and when CS
    should engage.

    Overall, by segment and by sales rep: completeness, completion rate, time to first contact and to kickoff.

    Also breaches by clock and the costliest gaps (the rules whose misses take the most points off).

    Worst deals first: lowest completeness, then most clocks breached or met late, each with its owner.

    Failure patterns per deal with their evidence; the CS-engagement advice for open deals, and for signed
    deals when CS engaged against when the rule says it should have.

    Exit 0; exit 1 when a file could not be read as a dossier (the report still covers the others).

    A report informs, it does not gate on scores or clocks: use `handoff sla` or `handoff validate` in CI.

    Examples:

      handoff report deals/

      handoff report deals/ --format html > handoff-report.html

      handoff report deals/ --format md --as-of 2026-11-30T09:00
    """
    from handoff_cli.portfolio.document import document
    from handoff_cli.portfolio.facts import collect
    from handoff_cli.reporters.portfolio import REPORT

    proj = project(config)
    targets = paths or [proj.root / p for p in proj.settings.paths]
    portfolio = collect(targets, proj, as_of=moment(as_of, proj.settings.tz))
    REPORT[format](document(portfolio), console())
    if portfolio.invalid:
        raise typer.Exit(1)
