"""Delivery adherence: were the promises and the plan delivered on time? Commitments and milestones, and go-live.

An item is counted once it is settled or its date has passed: done by its due date (on time), done after it
(late), or still owed after it (overdue). An item not yet due, or dropped, is not counted. A renegotiated
item is measured against its new date: the renegotiation is on record (`previous_due`), the delay agreed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from handoff_cli.model import Dossier
from handoff_cli.model.trackable import dated, delivered_on
from handoff_cli.model.tracking import OWED
from handoff_cli.portfolio.report_document import Adherence
from handoff_cli.portfolio.wilson import rate

MEASURED = ("commitments", "milestones")  # the checklist is the handoff's own housekeeping, not delivery
ON_TIME, LATE, OVERDUE = "on_time", "late", "overdue"


@dataclass(frozen=True)
class Delivered:
    """One commitment, milestone or go-live that has come due: how it went and by how many days."""

    what: str
    verdict: str  # ON_TIME, LATE or OVERDUE
    days_late: int


def delivery(dossier: Dossier, today: date) -> list[Delivered]:
    """The deal's commitments and milestones that have come due by `today`, then its go-live if it has."""
    out: list[Delivered] = []
    for section, item in dated(dossier):
        if section.name not in MEASURED or item.due is None:
            continue
        if (done := delivered_on(item)) is not None:
            out.append(Delivered(item.title, ON_TIME if done <= item.due else LATE, max(0, (done - item.due).days)))
        elif item.state in OWED and item.due < today:
            out.append(Delivered(item.title, OVERDUE, (today - item.due).days))
    plan = dossier.implementation
    if plan is not None and plan.go_live is not None:
        if plan.went_live is not None:
            late = (plan.went_live - plan.go_live).days
            out.append(Delivered("go-live", LATE if late > 0 else ON_TIME, max(0, late)))
        elif plan.go_live < today:
            out.append(Delivered("go-live", OVERDUE, (today - plan.go_live).days))
    return out


def adherence(found: Sequence[Delivered]) -> Adherence:
    """The figures for a deal or a group of deals: counts, the on-time share, days late; go-live apart."""
    items = [d for d in found if d.what != "go-live"]
    live = [d for d in found if d.what == "go-live"]
    share = rate(sum(d.verdict == ON_TIME for d in items), len(items))
    return {
        "due": len(items), "on_time": _count(items, ON_TIME), "late": _count(items, LATE),
        "overdue": _count(items, OVERDUE), "percent": share.percent, "days_late": sum(d.days_late for d in items),
        "go_live": {"due": len(live), "on_time": _count(live, ON_TIME), "late": _count(live, LATE),
                    "overdue": _count(live, OVERDUE), "days_late": sum(d.days_late for d in live)},
    }  # fmt: skip


def _count(found: Sequence[Delivered], verdict: str) -> int:
    return sum(d.verdict == verdict for d in found)
