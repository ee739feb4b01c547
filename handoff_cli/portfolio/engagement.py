"""When CS should engage (docs/method.md, "When CS should engage"): after the sale, or when it is ~70 % done.

Small deal, short cycle and quick implementation -> CS engages after the sale; otherwise CS joins
when the sale is about 70 % done. A fact the dossier does not give counts against "after the sale":
without it nobody can say the onboarding will be simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, time, tzinfo

from handoff_cli.core.moments import aware, local
from handoff_cli.core.vocabulary import DealKind
from handoff_cli.model import Dossier
from handoff_cli.model.common import Stage
from handoff_cli.model.progress import PRE_CLOSE_EVENTS, EventName

# the rule of thumb: average deal < 15,000, sales cycle < 30-60 days, implementation < 2-4 weeks; the upper ends
# of the ranges are used so that only a clearly complex deal pulls CS into the sale
MAX_VALUE = 15_000
MAX_CYCLE_DAYS = 60
MAX_IMPLEMENTATION_DAYS = 28
AFTER_CLOSE = "after close"
AT_70 = "at ~70% of the sale"
ACCOUNT_CSM = "already in (the account's CSM)"
RULE_SHARE = 70  # the share of the sale at which CS joins a complex deal
LATEST_SHARE = 85  # joining later than this is no longer "about 70 %"
# a purchase milestone that names CS records CS joining the sale: "CSM joined the evaluation"
NAMES_CS = re.compile(r"\b(CSMs?|CS|customer success)\b", re.IGNORECASE)
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
    engaged: datetime | None = None  # the first CS involvement (events or purchase milestones), if recorded
    outcome: str | None = None  # a signed deal's engagement against the rule (OUTCOMES)
    verdict: str | None = None  # the same in a sentence, for the report
    due_now: str | None = None  # an open deal past the rule's point with no CS yet: why CS is due now


def share(close: datetime, moment: datetime, cycle: int | None) -> int | None:
    """How far through the sale `moment` is, in percent, for a sale of `cycle` days closing at `close`."""
    if not cycle:
        return None
    return max(0, round(100 * (1 - (close - moment).total_seconds() / (cycle * 86400))))


def _rule(advice: Advice, *, as_share: bool = False) -> str:
    """'for 150,000 USD ... the rule says at ~70% of the sale'; `as_share` beside a share of the sale: '~70%'."""
    says = f"~{RULE_SHARE}%" if as_share and advice.when == AT_70 else advice.when
    return f"for {advice.facts} the rule says {says}" if advice.facts else f"the rule says {says}"


def judge(advice: Advice, signed: datetime, engaged: datetime | None, cycle: int | None) -> tuple[str, str]:
    """A signed deal: when CS engaged against when the rule says it should have, as (outcome, sentence)."""
    rule = _rule(advice)
    if engaged is None:
        return NOT_YET, f"no CS step logged yet; {rule}"
    when = f"{engaged:%Y-%m-%d}"
    if engaged >= signed:
        outcome = AS_RULE if advice.when == AFTER_CLOSE else LATE
        return outcome, f"CS engaged after close ({when}); {rule}"
    part = share(signed, engaged, cycle)
    late = part is not None and part > LATEST_SHARE
    outcome = EARLY if advice.when == AFTER_CLOSE else LATE if late else AS_RULE
    if part is None:
        return outcome, f"CS joined before close ({when}); {rule}"
    return outcome, f"CS joined at ~{part}% of the sale ({when}); {_rule(advice, as_share=True)}"


def first_involvement(dossier: Dossier, tz: tzinfo) -> datetime | None:
    """The first time CS took part in the deal: a CS step or a step of the sale logged in the events, or a purchase
    milestone that names CS ("CSM joined the evaluation")."""
    events = dossier.handoff.events or () if dossier.handoff else ()
    found = [aware(e.at, tz) for e in events if e.event in CS_STEPS or e.event in PRE_CLOSE_EVENTS]
    purchase = dossier.customer.purchase if dossier.customer else None
    for milestone in (purchase.milestones or ()) if purchase else ():
        if NAMES_CS.search(milestone.what):
            found.append(aware(datetime.combine(milestone.date, time()), tz))
    return min(found, default=None)


def advise(dossier: Dossier, tz: tzinfo, *, as_of: datetime, contact: datetime | None = None) -> Advice:
    """The rule for any deal, and when CS first took part (up to `as_of`); `contact` is the first CS contact as the
    clock counts it (the CSM's welcome email included). Naive times are read in `tz`."""
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
    if deal.kind is not DealKind.NEW:
        # the rule is about meeting a new customer: an expansion or a renewal already has the account's CSM
        return Advice(deal.id, deal.account, is_open, ACCOUNT_CSM, (), (), _listed(facts))
    advice = Advice(deal.id, deal.account, is_open, AT_70 if reasons else AFTER_CLOSE, tuple(reasons),
                    tuple(caveats), _listed(facts))

    involved = first_involvement(dossier, tz)
    engaged = min([t for t in (involved, contact) if t is not None and t <= as_of], default=None)
    engaged = local(engaged, tz) if engaged else None  # the report says the deal's own day
    if is_open or deal.signed_at is None:
        close = dossier.deal.expected_close
        # an open deal CS has joined: how far into the sale, as for a signed one, against its expected close
        verdict = None
        if close and engaged:
            verdict = judge(advice, aware(datetime.combine(close, time()), tz), engaged, cycle)[1]
        due_now = _due_now(advice, dossier, engaged, cycle, as_of, tz)
        return replace(advice, engaged=engaged, verdict=verdict, due_now=due_now)
    outcome, verdict = judge(advice, aware(deal.signed_at, tz), engaged, cycle)
    return replace(advice, engaged=engaged, outcome=outcome, verdict=verdict)


def _due_now(advice: Advice, dossier: Dossier, engaged: datetime | None, cycle: int | None, as_of: datetime,
             tz: tzinfo) -> str | None:
    """An open deal whose sale is past the rule's point (by its expected close and cycle) with no CS in it yet."""
    close = dossier.deal.expected_close
    if advice.when != AT_70 or engaged is not None or close is None:
        return None
    done = share(aware(datetime.combine(close, time()), tz), as_of, cycle)
    if done is None or done < RULE_SHARE:
        return None
    return f"CS is due to engage now: the sale is ~{min(done, 100)}% done (expected close {close})"


def _listed(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)
