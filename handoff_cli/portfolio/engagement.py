"""When CS should engage (docs/method.md, "When CS should engage"): after the sale, or when it is ~70 % done.

Small deal, short cycle and quick implementation -> CS engages after the sale; otherwise CS joins
when the sale is about 70 % done. A fact the dossier does not give counts against "after the sale":
without it nobody can say the onboarding will be simple.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from handoff_cli.core.moments import aware
from handoff_cli.model import Dossier
from handoff_cli.model.common import Stage
from handoff_cli.model.progress import EventName

# the rule of thumb: average deal < 15,000, sales cycle < 30-60 days, implementation < 2-4 weeks; the upper ends
# of the ranges are used so that only a clearly complex deal pulls CS into the sale
MAX_VALUE = 15_000
MAX_CYCLE_DAYS = 60
MAX_IMPLEMENTATION_DAYS = 28
AFTER_CLOSE = "after close"
AT_70 = "at ~70% of the sale"
# the steps in which CS works on the deal: the rep's briefing of the CSM is the earliest one
CS_STEPS = (EventName.INTERNAL_MEETING, EventName.FIRST_CONTACT, EventName.JOINT_MEETING, EventName.KICKOFF)
# what a signed deal's CS engagement was, against the rule
AS_RULE, LATE, EARLY, NOT_YET = "as the rule says", "later than the rule says", "earlier than needed", "no CS step yet"
OUTCOMES = (AS_RULE, LATE, EARLY, NOT_YET)


@dataclass(frozen=True)
class Advice:
    deal_id: str
    account: str
    open: bool  # not yet closed: the advice can still be followed
    when: str
    reasons: tuple[str, ...]  # what makes the deal complex: CS at ~70 %
    caveats: tuple[str, ...]  # facts the dossier does not give
    facts: str = ""  # "150,000 USD and a 90-day cycle": what the rule was applied to
    engaged: datetime | None = None  # a signed deal's first CS step (CS_STEPS), if logged
    outcome: str | None = None  # a signed deal's engagement against the rule (OUTCOMES)
    verdict: str | None = None  # the same in a sentence, for the report


def _share(signed: datetime, engaged: datetime, cycle: int | None) -> str:
    """', at ~85% of the sale' when the sales cycle says how long the sale ran."""
    if not cycle:
        return ""
    share = 100 * (1 - (signed - engaged).total_seconds() / (cycle * 86400))
    return f", at ~{max(0, round(share))}% of the sale"


def judge(advice: Advice, signed: datetime, engaged: datetime | None, cycle: int | None) -> tuple[str, str]:
    """A signed deal: when CS engaged against when the rule says it should have, as (outcome, sentence)."""
    rule = f"for {advice.facts} the rule says {advice.when}" if advice.facts else f"the rule says {advice.when}"
    if engaged is None:
        return NOT_YET, f"no CS step logged yet; {rule}"
    when = f"{engaged:%Y-%m-%d}"
    if engaged >= signed:
        outcome = AS_RULE if advice.when == AFTER_CLOSE else LATE
        return outcome, f"CS engaged after close ({when}); {rule}"
    outcome = AS_RULE if advice.when == AT_70 else EARLY
    return outcome, f"CS engaged before close ({when}{_share(signed, engaged, cycle)}); {rule}"


def advise(dossier: Dossier, tz: tzinfo, *, contact: datetime | None = None) -> Advice:
    """The rule for any deal; for a signed one also when CS engaged: its first CS step, or `contact`, the
    first CS contact as the clock counts it (the CSM's welcome email included). Naive times are read in `tz`."""
    deal = dossier.deal
    reasons: list[str] = []
    caveats: list[str] = []
    facts: list[str] = []
    if deal.value is None:
        reasons.append("deal value unknown")
    else:
        facts.append(f"{deal.value.amount:,.0f} {deal.value.currency}")
    if deal.value is not None and deal.value.amount >= MAX_VALUE:
        reasons.append(f"deal value {deal.value.amount:,.0f} {deal.value.currency} (>= {MAX_VALUE:,})")
    purchase = dossier.customer.purchase if dossier.customer else None
    cycle = purchase.sales_cycle_days if purchase else None
    if cycle is None:
        caveats.append("sales cycle unknown")
    else:
        facts.append(f"a {cycle}-day cycle")
    if cycle is not None and cycle >= MAX_CYCLE_DAYS:
        reasons.append(f"sales cycle {cycle} days (>= {MAX_CYCLE_DAYS})")
    plan = dossier.implementation
    if plan is None or plan.start is None or plan.go_live is None:
        caveats.append("implementation length unknown (start or go-live missing)")
    else:
        facts.append(f"a {(plan.go_live - plan.start).days}-day implementation")
    if plan and plan.start and plan.go_live and (days := (plan.go_live - plan.start).days) >= MAX_IMPLEMENTATION_DAYS:
        reasons.append(f"implementation {days} days (>= {MAX_IMPLEMENTATION_DAYS})")
    is_open = deal.effective_stage is Stage.PRE_CLOSE
    advice = Advice(deal.id, deal.account, is_open, AT_70 if reasons else AFTER_CLOSE, tuple(reasons),
                    tuple(caveats), _listed(facts))
    if is_open or deal.signed_at is None:
        return advice

    steps = [aware(e.at, tz) for e in (dossier.handoff.events or () if dossier.handoff else ()) if e.event in CS_STEPS]
    engaged = min([*steps, *([contact] if contact else [])], default=None)
    outcome, verdict = judge(advice, aware(deal.signed_at, tz), engaged, cycle)
    return replace(advice, engaged=engaged, outcome=outcome, verdict=verdict)


def _listed(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)
