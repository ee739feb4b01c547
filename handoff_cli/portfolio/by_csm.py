"""The report's CSM view: each CSM's open deals, overdue items, clocks running out within a week, and what is
due next, so a CS lead sees each CSM's load and what slips next."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from handoff_cli.clocks.evaluate import Status
from handoff_cli.clocks.overdue import overdue
from handoff_cli.portfolio.facts import DealFacts
from handoff_cli.portfolio.report_document import CsmClock, CsmOverdue, CsmView, DueNext

SOON = timedelta(days=7)  # a clock that runs out within a week is at risk
DUE_NEXT = 5  # items and clocks listed per CSM as due next
RUNNING = (Status.OPEN, Status.AT_RISK)


def csm_section(deals: Sequence[DealFacts], as_of: datetime) -> dict[str, CsmView]:
    """By CSM name, in name order; a deal without a CSM is under "(no CSM)"."""
    groups: dict[str, list[DealFacts]] = {}
    for deal in deals:
        if not deal.churned:
            groups.setdefault(deal.csm, []).append(deal)
    return {name: _one(groups[name], as_of) for name in sorted(groups)}


def _one(deals: list[DealFacts], as_of: datetime) -> CsmView:
    late: list[CsmOverdue] = []
    upcoming: list[tuple[str, DueNext]] = []  # (sort key: the due date as text, entry)
    at_risk: list[CsmClock] = []
    for deal in deals:
        today = as_of.astimezone(deal.tz).date()
        items = deal.owed
        late += [{"deal_id": x.item.deal_id, "list": x.item.list, "item": x.item.title, "due": x.item.due.isoformat(),
                  "days_overdue": x.days, "owner": x.item.owner} for x in overdue(items, today)]  # fmt: skip
        coming = [i for i in items if i.due >= today][:DUE_NEXT]  # earliest first: a later one cannot be next
        upcoming += [(i.due.isoformat(), {"deal_id": i.deal_id, "what": i.title, "kind": i.list,
                                          "due": i.due.isoformat()}) for i in coming]  # fmt: skip
        for c in deal.clocks:
            if c.status not in RUNNING or c.due is None:
                continue
            entry: CsmClock = {"deal_id": deal.deal.id, "clock": c.clock.name, "due": c.due.isoformat(),
                     "owner": c.owner.value, "owner_name": c.owner_name}  # fmt: skip
            if c.due <= as_of + SOON:
                at_risk.append(entry)
            upcoming.append((c.due.astimezone(deal.tz).date().isoformat(), {
                "deal_id": entry["deal_id"], "what": c.clock.name, "kind": "clock", "due": entry["due"]}))
    late.sort(key=lambda x: (-x["days_overdue"], x["deal_id"], x["item"]))
    at_risk.sort(key=lambda x: (x["due"], x["deal_id"]))
    upcoming.sort(key=lambda pair: (pair[0], pair[1]["deal_id"], pair[1]["what"]))
    return {
        "open_deals": [{"deal_id": d.deal.id, "account": d.deal.account, "path": d.path}
                       for d in deals],
        "overdue": late,
        "clocks_at_risk": at_risk,
        "due_next": [entry for _, entry in upcoming[:DUE_NEXT]],
    }  # fmt: skip
