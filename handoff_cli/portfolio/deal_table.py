"""The report's per-deal table and its "due next 7 days" list: where each deal stands, what comes due next and
who acts on it, with a link to the dossier."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from handoff_cli.clocks.evaluate import ClockStatus, Status
from handoff_cli.core.vocabulary import Decision
from handoff_cli.portfolio.facts import DealFacts
from handoff_cli.portfolio.pipeline import in_pipeline
from handoff_cli.portfolio.report_document import DueSoon, NextDue

WEEK = timedelta(days=7)  # "due next 7 days"
RUNNING = (Status.BREACHED, Status.AT_RISK, Status.OPEN)  # a clock someone still has to act on

Link = Callable[[str], str]  # a dossier's path -> the address the report links it with


def status(deal: DealFacts) -> str:
    """pipeline (not signed yet); accepted or rejected by the CSM's latest review; else ready when the dossier
    passes `handoff validate`, incomplete when it does not."""
    if in_pipeline(deal):
        return "pipeline"
    review = deal.review
    if review is not None:
        return "accepted" if review.decision is Decision.ACCEPTED else "rejected"
    return "ready" if deal.result.passed else "incomplete"


def next_clock(deal: DealFacts) -> ClockStatus | None:
    """The clock that comes due first among those still running or breached: the next one someone owes."""
    running = [c for c in deal.clocks if c.status in RUNNING and c.due is not None]
    return min(running, key=ClockStatus.sort_key, default=None) if running else None


def next_due(deal: DealFacts) -> NextDue | None:
    c = next_clock(deal)
    if c is None or c.due is None:
        return None
    return {"clock": c.clock.name, "due": c.due.isoformat(), "status": c.status.value, "owner": c.owner.value,
            "owner_name": c.owner_name}  # fmt: skip


def owner(deal: DealFacts) -> str:
    """Who acts next: the next clock's owner by name, else the deal's CSM once signed, else its rep."""
    c = next_clock(deal)
    if c is not None:
        return c.owner_name or f"({c.owner.value})"
    if not in_pipeline(deal) and deal.deal.csm:
        return deal.deal.csm.name
    return deal.rep


def due_soon(deals: Sequence[DealFacts], as_of: datetime, link: Link) -> list[DueSoon]:
    """Every clock still running and every owed item (commitment, milestone, checklist item) that comes due
    from --as-of to 7 days after it, soonest first; the overdue ones are in the CSM view and `handoff sla`."""
    found: list[tuple[str, DueSoon]] = []
    for deal in deals:
        d = deal.deal
        today = as_of.astimezone(deal.tz).date()
        for item in deal.owed:
            if today <= item.due <= today + WEEK:
                found.append((item.due.isoformat(), {
                    "deal_id": d.id, "account": d.account, "path": deal.path, "link": link(deal.path),
                    "what": item.title, "kind": item.list, "due": item.due.isoformat(),
                    "owner": item.owner or item.csm}))  # fmt: skip
        for c in deal.clocks:
            if c.status in (Status.AT_RISK, Status.OPEN) and c.due is not None and as_of <= c.due <= as_of + WEEK:
                found.append((c.due.astimezone(deal.tz).date().isoformat(), {
                    "deal_id": d.id, "account": d.account, "path": deal.path, "link": link(deal.path),
                    "what": c.clock.name, "kind": "clock", "due": c.due.isoformat(),
                    "owner": c.owner_name or f"({c.owner.value})"}))  # fmt: skip
    found.sort(key=lambda pair: (pair[0], pair[1]["due"], pair[1]["deal_id"], pair[1]["what"]))
    return [entry for _, entry in found]
