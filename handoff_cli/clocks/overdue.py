"""Promised and planned work past its due date and still owed: the items `handoff sla` lists beside the clocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from handoff_cli.dossier.positions import Positions
from handoff_cli.model import Dossier
from handoff_cli.model.risks import Risk
from handoff_cli.model.trackable import DATED, SECTIONS
from handoff_cli.model.tracking import OWED


@dataclass(frozen=True, slots=True)
class DueItem:
    path: str
    deal_id: str
    account: str
    list: str  # commitments, milestones or checklist
    title: str
    due: date
    owner: str | None
    escalation: str | None  # the deal's CS manager, who takes a slipped promise up
    csm: str | None
    line: int | None = None  # where the item starts in the file, when it was read from one
    col: int | None = None

    def sort_key(self) -> tuple[date, str, str]:
        return self.due, self.path, self.title


ItemLines = dict[tuple[str, int], tuple[int, int]]  # (list, index) -> (line, col) of each dated item


def item_lines(dossier: Dossier, positions: Positions) -> ItemLines:
    """Where each item of the dated lists starts in the file, kept with a cached dossier."""
    return {(name, index): positions.key((*SECTIONS[name].where, index))
            for name in DATED for index, _ in enumerate(SECTIONS[name].items(dossier))}  # fmt: skip


def owed_items(dossier: Dossier, *, path: str, lines: ItemLines | None = None) -> list[DueItem]:
    """Every item with a due date that is still open or renegotiated, earliest due first; with `lines`, each
    at its line (a CI annotation shows it on the diff)."""
    deal = dossier.deal
    manager = deal.cs_manager.name if deal.cs_manager else None
    csm = deal.csm.name if deal.csm else None
    found: list[DueItem] = []
    for name in DATED:
        section = SECTIONS[name]
        for index, item in enumerate(section.items(dossier)):
            if isinstance(item, Risk) or item.due is None or item.state not in OWED:
                continue
            line, col = (lines or {}).get((name, index), (None, None))
            found.append(DueItem(path, deal.id, deal.account, section.name, item.title, item.due, item.owner,
                                 manager, csm, line, col))  # fmt: skip
    return sorted(found, key=DueItem.sort_key)


@dataclass(frozen=True, slots=True)
class Late:
    item: DueItem
    days: int  # whole days past due, counted on the deal's own calendar


def overdue(items: Sequence[DueItem], today: date) -> list[Late]:
    """The items due before `today`, the deal's own date at the moment asked about."""
    return [Late(i, (today - i.due).days) for i in items if i.due < today]
