"""`handoff mark`: record that a commitment, milestone, risk or checklist item changed status."""

from __future__ import annotations

from datetime import date, tzinfo
from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import ConfigOpt, logged_at, project
from handoff_cli.core.errors import InputError


def mark(
    path: Annotated[Path, typer.Argument(metavar="DEAL.yaml", help="The dossier that holds the item.")],
    section: Annotated[str, typer.Argument(metavar="LIST", help="commitments, milestones, risks or checklist.")],
    title: Annotated[
        str, typer.Argument(metavar="ITEM", help="The item's title (what, name, risk or item), or its unique start.")
    ],
    status: Annotated[
        str,
        typer.Argument(
            metavar="STATUS",
            help="open, done, dropped or renegotiated; a risk: open, mitigated, occurred or closed.",
        ),
    ],
    at: Annotated[
        str | None,
        typer.Option(metavar="DATETIME", show_default=False, help="When it changed (ISO 8601); default: now."),
    ] = None,
    by: Annotated[str | None, typer.Option(help="Who changed it.", show_default=False)] = None,
    due: Annotated[
        str | None,
        typer.Option(metavar="DATE", show_default=False, help="renegotiated: the newly agreed due date."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Record it even if dated before the signature or already in this status.")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Record that a promise or plan item is done, dropped or renegotiated, or where a risk stands.

    Writes status, status_at and status_by on the item; renegotiated moves due to --due, the old date kept.

    `handoff sla` lists items past due and still open; `handoff report` measures delivery on time from them.

    The item is found by its title or a start of it only it has, case aside. Only its status keys change.

    Refused (exit 2, nothing written): an unknown list, status or item, an ambiguous start, a future time.

    Also refused unless --force is given: a time before the signature, the status the item already has.

    Exit 1, nothing written: an invalid dossier, or one that would not validate with the new status.

    Examples:

      handoff mark deals/acme.yaml commitments "Shopify Plus" done --at 2027-01-12 --by "Kofi Mensah"

      handoff mark deals/acme.yaml milestones "Gorgias tickets" renegotiated --due 2027-02-12

      handoff mark deals/acme.yaml risks "Nobody on our side" mitigated
    """
    from handoff_cli.core.moments import deal_zone, shown
    from handoff_cli.edit.marking import find, section_named, status_named, status_values
    from handoff_cli.edit.record import SetKeys
    from handoff_cli.edit.rewrite import rewrite
    from handoff_cli.model import Dossier

    display = str(path)
    chosen = section_named(section, display=display)
    wanted = status_named(chosen, status, display=display)
    new_due = _day(due, display) if due is not None else None
    proj = project(config)
    found: list[str] = []

    zones: list[tzinfo] = []  # the deal's, for the confirmation

    def decide(dossier: Dossier) -> SetKeys:
        # --at without an offset, and now, in the deal's own zone; checked as every logged time is
        zones.append(deal_zone(proj.settings, dossier.deal))
        when = logged_at(at, zones[-1], option="--at", display=display,
                         what="log a status change once it has happened", signed=dossier.deal.signed_at, force=force)
        items = chosen.items(dossier)
        index = find(chosen, items, title, display=display)
        values = status_values(items[index], wanted, at=when, zone=zones[-1], by=by, due=new_due, force=force,
                               display=display)
        found.append(items[index].title)
        return SetKeys((*chosen.where, index), values)

    change = rewrite(path, proj, decide)
    moved = f" (due {change.values['due']})" if "due" in change.values else ""
    typer.echo(f"marked {chosen.noun} '{found[0]}' {wanted}{moved} at {shown(change.values['status_at'], zones[-1])} "
               f"in {path}")  # fmt: skip


def _day(value: str, display: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--due '{value}' is not a date, e.g. 2027-01-15", path=display) from None
