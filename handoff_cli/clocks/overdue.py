"""Promised and planned work past its due date and still owed: the items `handoff sla` lists beside the clocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handoff_cli.model import Dossier
from handoff_cli.model.trackable import dated
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

    def sort_key(self) -> tuple[date, str, str]:
        return self.due, self.path, self.title


def owed_items(dossier: Dossier, *, path: str) -> list[DueItem]:
    """Every item with a due date that is still open or renegotiated, earliest due first."""
    deal = dossier.deal
    manager = deal.cs_manager.name if deal.cs_manager else None
    csm = deal.csm.name if deal.csm else None
    found = [
        DueItem(path, deal.id, deal.account, section.name, item.title, item.due, item.owner, manager, csm)
        for section, item in dated(dossier)
        if item.state in OWED and item.due is not None
    ]
    return sorted(found, key=DueItem.sort_key)


@dataclass(frozen=True, slots=True)
class Late:
    item: DueItem
    days: int  # whole days past due, counted on the deal's own calendar


def overdue(items: list[DueItem], today: date) -> list[Late]:
    """The items due before `today`, the deal's own date at the moment asked about."""
    return [Late(i, (today - i.due).days) for i in items if i.due < today]
