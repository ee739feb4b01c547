"""`handoff report`: the portfolio view a CS lead asks for, as text, Markdown, JSON or one HTML page."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from handoff_cli.cli.options import (
    AsOf,
    ConfigOpt,
    ForceOpt,
    OutOpt,
    Paths,
    ReportFormat,
    console,
    dossier_paths,
    moment,
    project,
    say,
    say_skipped,
    tell,
)
from handoff_cli.core.exit_codes import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from handoff_cli.settings import Project


class ReportBy(StrEnum):
    CSM = "csm"


def report(
    paths: Paths = None,
    as_of: AsOf = None,
    format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="text for people, md for a wiki, json for scripts, html to attach."),
    ] = ReportFormat.TEXT,
    by: Annotated[
        ReportBy | None,
        typer.Option("--by", help="csm: only the CSM view (open deals, overdue, clocks due within 7 days, due next)."),
    ] = None,
    change_control: Annotated[
        bool | None,
        typer.Option(
            "--change-control/--no-change-control",
            show_default=False,
            help="List, per rep, commitments changed after signature (read from git); default: the change_control "
            "setting, on.",
        ),
    ] = None,
    config: ConfigOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """Report on every handoff for a CS lead: metrics, worst deals, failure patterns, when CS should engage.

    Overall, by segment and by sales rep: completeness, completion rate, time to first contact and to kickoff.

    By CSM: open deals, overdue items, clocks that run out within 7 days, and what is due next (--by csm: only that).

    Also breaches by clock and the costliest gaps (the rules whose misses take the most points off).

    Worst deals first: lowest completeness, then most clocks breached or met late, each with its owner.

    Failure patterns per deal with their evidence, and the CS-engagement advice for every deal.

    For a signed deal it says when CS engaged, against when the rule says it should have.

    Outcomes: the customer's survey rating, time to first value, delivery adherence and 90-day health.

    Retention, churn and expansion by handoff quality at signature (docs/outcomes.md).

    Inside git: per sales rep, the commitments added or changed in commits after signature (--no-change-control: not).

    Exit 0; exit 1 when a file could not be read as a dossier (the report still covers the others).

    A report informs, it does not gate on scores or clocks: use `handoff sla` or `handoff validate` in CI.

    Examples:

      handoff report deals/

      handoff report deals/ --format html --out handoff-report.html

      handoff report deals/ --format md --as-of 2026-11-30T09:00

      handoff report deals/ --by csm
    """
    from handoff_cli.gate.checks import Checker
    from handoff_cli.portfolio.document import csm_document, document
    from handoff_cli.portfolio.facts import collect
    from handoff_cli.portfolio.outcomes import known_outcomes
    from handoff_cli.portfolio.signature_quality import quality_at_signature
    from handoff_cli.reporters import REPORT, REPORT_BY_CSM

    proj = project(config)
    targets = dossier_paths(paths, proj)
    checker = Checker.create(proj, as_of=moment(as_of, proj.settings.tz))  # the rules' policy, built once
    portfolio = collect(targets, checker)
    show: Callable[[Console], None]
    wanted = proj.settings.change_control if change_control is None else change_control
    if by is ReportBy.CSM:
        show = partial(REPORT_BY_CSM[format], csm_document(portfolio))
    else:
        quality = quality_at_signature(known_outcomes(portfolio), checker)
        show = partial(REPORT[format], document(portfolio, quality=quality, change_control=wanted))
    if out is None:
        show(console())
    else:
        _write(out, force, proj, show)
    for skipped in portfolio.invalid:
        tell(skipped)
    say_skipped(portfolio.unreadable)
    if portfolio.unreadable:
        raise typer.Exit(ExitCode.USAGE)  # unreadable input, after the others were reported
    if portfolio.invalid:
        raise typer.Exit(ExitCode.FINDINGS)


def _write(out: Path, force: bool, proj: Project, report: Callable[[Console], None]) -> None:
    """--out: the report as it would print, unstyled, replacing the file at once (never half-written)."""
    from io import StringIO

    from rich.console import Console

    from handoff_cli.edit.atomic_write import write_new

    buffer = StringIO()
    report(Console(file=buffer, color_system=None, highlight=False, soft_wrap=True))
    write_new(out, buffer.getvalue(), repo=proj.root, force=force, wait=proj.settings.lock_wait)
    say(f"wrote {out}")
