"""`handoff sla`: where every clock of every deal stands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from handoff_cli.cli.options import (
    AsOf,
    CheckFormat,
    CheckFormatOpt,
    ConfigOpt,
    NoCacheOpt,
    Paths,
    WorkersOpt,
    console,
    dossier_paths,
    moment,
    project,
    say_skipped,
    tell,
)
from handoff_cli.cli.stdin_args import StdinNameOpt, stdin_dossier


class Only(StrEnum):
    BREACHED = "breached"
    AT_RISK = "at-risk"


def sla(
    paths: Paths = None,
    as_of: AsOf = None,
    only: Annotated[
        Only | None, typer.Option("--only", help="Show only clocks in this state.", show_default=False)
    ] = None,
    clocks_only: Annotated[
        bool, typer.Option("--clocks-only", help="Only the clocks: no overdue commitments, milestones or checklist.")
    ] = False,
    format: CheckFormatOpt = CheckFormat.TEXT,
    config: ConfigOpt = None,
    stdin_filename: StdinNameOpt = None,
    workers: WorkersOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show every deal's handoff clocks, most urgent first: breached, at risk, open, waiting, met late, met.

    Each row: when the clock is due, how late or how much time is left, who owns the next step (rep or CSM).

    Below them: commitments, milestones and checklist items past due and not done, with owner and escalation.

    Exit 1 when any clock is breached or any item is overdue (for CI and a daily schedule), else 0.

    Examples:

      handoff sla deals/

      handoff sla deals/ --only breached --as-of 2026-11-23T09:00

      handoff sla deals/acme.yaml --format json

      handoff sla - --stdin-filename deals/acme.yaml < deals/acme.yaml
    """
    from handoff_cli.clocks.evaluate import Status
    from handoff_cli.clocks.table import order_warnings, sla_table
    from handoff_cli.reporters import SLA

    proj = project(config)
    stdin = stdin_dossier(paths, stdin_filename, proj.settings.max_file_bytes)
    when = moment(as_of, proj.settings.tz)
    if stdin:
        result = sla_table([], proj, as_of=when, stdin=stdin, items=not clocks_only)
    else:
        from handoff_cli.engine.runner import Plan, default_workers
        from handoff_cli.engine.sla_run import sla_all
        from handoff_cli.repo.files import expand_names

        # the dossiers from the result cache and the pool validate uses: a warm run reads no YAML
        plan = Plan(proj, when, None, workers or default_workers(), cache=not no_cache)
        result = sla_all(expand_names(dossier_paths(paths, proj)), plan, items=not clocks_only)
    shown = result.only(frozenset({Status(only.value)})) if only else result
    SLA[format.resolve()](shown, console())
    say_skipped(result.unreadable)
    for line in order_warnings(result.rows):
        typer.echo(line, err=True)
    for skipped in result.invalid:
        tell(skipped)
    raise typer.Exit(result.exit_code)
