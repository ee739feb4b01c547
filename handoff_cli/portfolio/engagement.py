"""When CS should engage (docs/method.md, "When CS should engage"): after the sale, or when it is ~70 % done.

Small deal, short cycle and quick implementation -> CS engages after the sale; otherwise CS joins
when the sale is about 70 % done. A fact the dossier does not give counts against "after the sale":
without it nobody can say the onboarding will be simple.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_cli.model import Dossier
from handoff_cli.model.common import Stage

# the rule of thumb: average deal < 15,000, sales cycle < 30-60 days, implementation < 2-4 weeks; the upper ends
# of the ranges are used so that only a clearly complex deal pulls CS into the sale
MAX_VALUE = 15_000
MAX_CYCLE_DAYS = 60
MAX_IMPLEMENTATION_DAYS = 28
AFTER_CLOSE = "after close"
AT_70 = "at ~70% of the sale"


@dataclass(frozen=True)
class Advice:
    deal_id: str
    account: str
    open: bool  # not yet closed: the advice can still be followed
    when: str
    reasons: tuple[str, ...]  # what makes the deal complex: CS at ~70 %
    caveats: tuple[str, ...]  # facts the dossier does not give


def advise(dossier: Dossier) -> Advice:
    deal = dossier.deal
    reasons: list[str] = []
    caveats: list[str] = []
    if deal.value is None:
        reasons.append("deal value unknown")
    elif deal.value.amount >= MAX_VALUE:
        reasons.append(f"deal value {deal.value.amount:,.0f} {deal.value.currency} (>= {MAX_VALUE:,})")
    purchase = dossier.customer.purchase if dossier.customer else None
    cycle = purchase.sales_cycle_days if purchase else None
    if cycle is None:
        caveats.append("sales cycle unknown")
    elif cycle >= MAX_CYCLE_DAYS:
        reasons.append(f"sales cycle {cycle} days (>= {MAX_CYCLE_DAYS})")
    plan = dossier.implementation
    if plan is None or plan.start is None or plan.go_live is None:
        caveats.append("implementation length unknown (start or go-live missing)")
    elif (days := (plan.go_live - plan.start).days) >= MAX_IMPLEMENTATION_DAYS:
        reasons.append(f"implementation {days} days (>= {MAX_IMPLEMENTATION_DAYS})")
    is_open = deal.effective_stage is Stage.PRE_CLOSE
    return Advice(deal.id, deal.account, is_open, AT_70 if reasons else AFTER_CLOSE, tuple(reasons), tuple(caveats))
