"""The four lists whose items carry a status, by the names `handoff mark` and the reports use for them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from handoff_cli.model import Dossier
from handoff_cli.model.commitments import Commitment
from handoff_cli.model.implementation import Milestone
from handoff_cli.model.progress import ChecklistItem
from handoff_cli.model.risks import Risk
from handoff_cli.model.tracking import ItemStatus, RiskStatus

Item = Commitment | Milestone | Risk | ChecklistItem
DatedItem = Commitment | Milestone | ChecklistItem


@dataclass(frozen=True)
class Section:
    name: str  # as typed on the command line: commitments, milestones, risks, checklist
    noun: str  # one item, in messages
    where: tuple[str, ...]  # the list's keys in the dossier
    statuses: type[StrEnum]
    items: Callable[[Dossier], Sequence[Item]]


def _milestones(d: Dossier) -> Sequence[Milestone]:
    return (d.implementation.milestones or []) if d.implementation else []


def _risks(d: Dossier) -> Sequence[Risk]:
    return (d.risks.entries or []) if d.risks else []


def _checklist(d: Dossier) -> Sequence[ChecklistItem]:
    return (d.handoff.checklist or []) if d.handoff else []


SECTIONS = {
    s.name: s
    for s in (
        Section("commitments", "commitment", ("commitments",), ItemStatus, lambda d: d.commitments or []),
        Section("milestones", "milestone", ("implementation", "milestones"), ItemStatus, _milestones),
        Section("risks", "risk", ("risks", "register"), RiskStatus, _risks),
        Section("checklist", "checklist item", ("handoff", "checklist"), ItemStatus, _checklist),
    )
}
DATED = ("commitments", "milestones", "checklist")  # the sections whose items have a due date


def dated(dossier: Dossier) -> list[tuple[Section, DatedItem]]:
    """Every item with a due date, of the sections that have one, in file order."""
    found: list[tuple[Section, DatedItem]] = []
    for name in DATED:
        section = SECTIONS[name]
        found += [(section, i) for i in section.items(dossier) if not isinstance(i, Risk) and i.due is not None]
    return found


def delivered_on(item: DatedItem) -> date | None:
    """The day a done item was marked done (in the offset it was written with), else None."""
    if item.state is not ItemStatus.DONE or item.status_at is None:
        return None
    return item.status_at.date()
