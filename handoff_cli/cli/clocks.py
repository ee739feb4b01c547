"""`handoff sla` (where every clock of every deal stands) and `handoff log` (record that a step happened)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import (
    AsOf,
    CheckFormat,
    CheckFormatOpt,
    ConfigOpt,
    Paths,
    console,
    dossier_paths,
    moment,
    project,
    say,
    say_skipped,
)
from handoff_cli.errors import InputError


class Only(StrEnum):
    BREACHED = "breached"
    AT_RISK = "at-risk"


def sla(
    paths: Paths = None,
    as_of: AsOf = None,
    only: Annotated[
        Only | None, typer.Option("--only", help="Show only clocks in this state.", show_default=False)
    ] = None,
    format: CheckFormatOpt = CheckFormat.TEXT,
    config: ConfigOpt = None,
) -> None:
    """Show every deal's handoff clocks, most urgent first: breached, at risk, open, waiting, met late, met.

    Each row: when the clock is due, how late or how much time is left, who owns the next step (rep or CSM).

    Exit 1 when any clock is breached (for CI and a daily schedule), else 0.

    Examples:

      handoff sla deals/

      handoff sla deals/ --only breached --as-of 2026-11-23T09:00

      handoff sla deals/acme.yaml --format json
    """
    from handoff_cli.clocks.evaluate import Status
    from handoff_cli.clocks.table import sla_table
    from handoff_cli.reporters import SLA

    proj = project(config)
    targets = dossier_paths(paths, proj)
    result = sla_table(targets, proj, as_of=moment(as_of, proj.settings.tz))
    shown = result.only(frozenset({Status(only.value)})) if only else result
    SLA[format.resolve()](shown, console())
    say_skipped(result.unreadable)
    raise typer.Exit(result.exit_code)


def log(
    path: Annotated[Path, typer.Argument(metavar="DEAL.yaml", help="The dossier to record the event in.")],
    event: Annotated[
        str,
        typer.Argument(
            metavar="EVENT",
            help="internal_meeting, intro_email, first_contact, joint_meeting, kickoff, first_value, "
            "qbr_scheduled, qbr or rep_check_in; or an outcome: customer_survey, health, renewed, churned, expanded.",
        ),
    ],
    at: Annotated[
        str | None,
        typer.Option(metavar="DATETIME", show_default=False, help="When it happened (ISO 8601); default: now."),
    ] = None,
    note: Annotated[str | None, typer.Option(help="A short note, e.g. who attended.", show_default=False)] = None,
    by: Annotated[str | None, typer.Option(help="Who did it.", show_default=False)] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Log it even if already logged or dated before the signature.")
    ] = False,
    rating: Annotated[
        str | None, typer.Option(metavar="1-5", show_default=False, help="customer_survey: the customer's rating.")
    ] = None,
    value: Annotated[
        str | None, typer.Option(metavar="HEALTH", show_default=False, help="health: green, yellow or red.")
    ] = None,
    amount: Annotated[
        str | None, typer.Option(show_default=False, help="expanded: the added annual value, in the deal's currency.")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Record that a handoff step happened, under handoff.events in the dossier; the SLA clocks read it.

    Or record a customer outcome under handoff.outcomes, which `handoff report` ties to the handoff's quality.

    Outcomes: customer_survey --rating 1-5, health --value green|yellow|red, renewed, churned, expanded [--amount].

    Only the new event's lines are added; comments, key order, quoting and blank lines stay byte for byte.

    Refused (exit 2, nothing written): an unknown event, a time in the future, an invalid dossier.

    Also refused unless --force is given: a time before the signature, an event already logged.

    An outcome is also refused on an unsigned deal, and after a churn or a second survey or churn without --force.

    Exit 1, nothing written, if the dossier would not validate with the event in it.

    Examples:

      handoff log deals/acme.yaml intro_email

      handoff log deals/acme.yaml joint_meeting --at 2026-11-12T15:00 --by "Kofi Mensah" --note "Megan attended"

      handoff log deals/acme.yaml health --value green --at 2027-02-09
    """
    from handoff_cli.cli.outcome_log import OUTCOMES, known_name, log_outcome, no_details

    known_name(event, display=str(path))
    if event in OUTCOMES:
        details = {"rating": rating, "value": value, "amount": amount}
        log_outcome(path, event, at=at, by=by, note=note, force=force, config=config, **details)
        return
    no_details(event, rating=rating, value=value, amount=amount, display=str(path))
    from handoff_cli.clocks.businessdays import deal_tz
    from handoff_cli.clocks.eventlog import check_event, entry, event_name, logged_text
    from handoff_cli.dossier.for_commands import DossierInvalid, load_dossier
    from handoff_cli.edit.atomic_write import atomic_write
    from handoff_cli.edit.file_lock import locked

    proj = project(config)
    name = event_name(event, display=str(path))
    with locked(path, wait=proj.settings.lock_wait):  # read under the lock, so no other writer's event is lost
        try:
            dossier, _ = load_dossier(path, proj)
        except DossierInvalid as exc:
            raise InputError(f"{exc.message}; nothing was written", path=exc.path) from None
        tz = deal_tz(proj.settings, dossier.deal)  # --at without an offset, and now, in the deal's own zone
        now = datetime.now(tz)
        when = moment(at, tz) if at else now.replace(microsecond=0)
        check_event(dossier, name, when, now=now, tz=tz, force=force, display=str(path))
        text = path.read_bytes().decode("utf-8")
        item = entry(name, when, by=by, note=note)
        new_text = logged_text(text, dossier, item, display=str(path), max_depth=proj.settings.max_depth)
        atomic_write(path, new_text, repo=proj.root)
    say(f"logged {name.value} at {when.isoformat()} in {path}")
