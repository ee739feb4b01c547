"""Every deal x clock of a set of dossiers, most urgent first: the data behind `handoff sla`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from handoff_cli.clocks.businessdays import calendar_for
from handoff_cli.clocks.clocks import clocks_for
from handoff_cli.clocks.evaluate import ClockStatus, SlaResult, evaluate, signed
from handoff_cli.clocks.overdue import overdue, owed_items
from handoff_cli.core.errors import DossierInvalid
from handoff_cli.core.moments import deal_zone
from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.model import Dossier
from handoff_cli.repo.files import expand
from handoff_cli.settings import Project


def deal_clocks(dossier: Dossier, project: Project, *, as_of: datetime, path: str) -> list[ClockStatus]:
    """One deal's clocks under the project's settings (its segment's targets, calendar and at-risk share)."""
    sla = project.settings.sla
    clocks = clocks_for(dossier.deal.segment, sla)
    cal = calendar_for(project.settings, dossier.deal)
    return evaluate(dossier, clocks, as_of=as_of, cal=cal, at_risk=sla.at_risk, path=path)


# a moment after every logged event: documents show what was logged, whenever they are rendered
_EVERYTHING_LOGGED = datetime.max.replace(tzinfo=UTC)


def deal_schedule(dossier: Dossier, project: Project) -> list[ClockStatus]:
    """The deal's running clocks with their due dates and logged stops, computed exactly as `handoff sla` does:
    the plan, the agendas and the calendar take their dates from here."""
    return [c for c in deal_clocks(dossier, project, as_of=_EVERYTHING_LOGGED, path="") if c.start is not None]


def sla_table(paths: Sequence[Path], project: Project, *, as_of: datetime, items: bool = True) -> SlaResult:
    """A file that is not a valid dossier is listed as skipped, not fatal: one bad file must not hide the rest.

    `items`: also the commitments, milestones and checklist items past due and still owed."""
    result = SlaResult(as_of, project.settings.timezone, overdue=[] if items else None)
    for path in expand(paths):
        try:
            dossier, _ = load_dossier(path, project)
        except DossierInvalid as exc:
            result.invalid.append(exc)
            continue
        if not signed(dossier):
            result.unsigned.append(f"{path}: {dossier.deal.id} is not signed yet; its clocks have not started")
        result.rows.extend(deal_clocks(dossier, project, as_of=as_of, path=str(path)))
        if result.overdue is not None and signed(dossier):
            today = as_of.astimezone(deal_zone(project.settings, dossier.deal)).date()
            result.overdue.extend(overdue(owed_items(dossier, path=str(path)), today))
    result.rows.sort(key=ClockStatus.sort_key)
    if result.overdue:
        result.overdue.sort(key=lambda late: (-late.days, late.item.path, late.item.title))
    return result
