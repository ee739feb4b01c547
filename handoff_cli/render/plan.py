"""The 30-60-90 day plan: dated weeks from the kickoff or signature, filled from the dossier and the segment cadence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from handoff_cli.model import Dossier
from handoff_cli.render.cadence import CADENCE, check_ins, summary
from handoff_cli.render.documents import Contact, Criterion, Line, criterion_of, day
from handoff_cli.render.needs import champion
from handoff_cli.render.plan_lines import SEVERITY, dated, items, risk
from handoff_cli.render.timeline import Schedule, anchor, in_order, key_dates

WEEKS = 13  # days 0-90
# (key, title): templates in other languages name a phase by its key
PHASES = (("set-up", "Days 0-30: set up and first value"), ("adoption", "Days 31-60: adoption"),
          ("prove-value", "Days 61-90: prove value"))


@dataclass(frozen=True)
class Week:
    number: int
    start: str              # first and last day in English, `Fri 2026-11-06`
    end: str
    items: list[Line]       # each with its day as the fact `on`
    first: date             # the same days, for `| date` in other languages
    last: date


@dataclass(frozen=True)
class Phase:
    key: str
    title: str
    weeks: list[Week] = field(default_factory=list)


@dataclass(frozen=True)
class Plan:
    account: str
    deal_id: str | None     # our CRM's id: the CSM's plan only
    segment: str            # names the cadence; the CSM's plan prints it
    csm: Contact
    champion: str | None
    starts: str             # the day the 90 days count from, in English
    starts_on: date         # the same day, for `| date` in other languages
    starts_from: str        # "kickoff" or "contract signature"
    cadence: str            # the cadence in English; other languages word it by `segment` or by the three below
    check_in_days: int      # days between check-ins (0: none recurring), the playbook's or the team's setting
    playbook_cadence: bool  # the segment playbook's own cadence, not one set in handoff.toml
    check_ins_until: int    # the last day a recurring check-in may fall on
    outcomes: list[str]
    criteria: list[Criterion]
    phases: list[Phase]
    before: list[Line]      # dated items earlier than the start
    after: list[Line]       # dated items beyond the 90 days
    undated: list[Line]
    risks: list[Line]
    internal: bool          # True: the CSM's plan, which says so in its first line


def plan(dossier: Dossier, schedule: Schedule, *, customer: bool = False) -> Plan:
    """The CSM's plan from the whole dossier, or with `customer` the customer's plan, from the customer's view
    (render/customer_view.py): their milestones, meetings and success criteria, no risks or internal checkpoints."""
    goals = dossier.goals
    assert goals and goals.outcomes and goals.success_criteria  # needs.PLAN
    start, starts_from = anchor(dossier, schedule.cal.tz) or (None, "")
    assert start is not None
    day0 = start.date()
    keys = in_order(key_dates(dossier, schedule), schedule.cal)
    on_day, undated = items(dossier, schedule, day0, keys, customer=customer)
    review = next(k.due.date() for k in keys if k.key == "qbr")
    phases = [Phase(key, title) for key, title in PHASES]
    last = day0
    for n in range(1, WEEKS + 1):
        first = day0 + timedelta(days=7 * (n - 1))
        # the review may have moved past day 90 to a business day: the last week stretches to hold it
        last = max(first + timedelta(days=6), review) if n == WEEKS else first + timedelta(days=6)
        week = Week(n, day(first), day(last), [dated(d, t) for d, t in on_day if first <= d <= last], first, last)
        offset = (first - day0).days  # a week belongs to the phase its first day falls in
        phases[0 if offset <= 30 else 1 if offset <= 60 else 2].weeks.append(week)
    risks = sorted(dossier.risks.entries or [], key=lambda r: SEVERITY[r.severity]) if dossier.risks else []
    lead = champion(dossier)
    cadence = CADENCE[dossier.deal.segment]
    every, playbook, until = check_ins(cadence, schedule.check_in_days)
    return Plan(
        account=dossier.deal.account, deal_id=None if customer else dossier.deal.id, segment=dossier.deal.segment.value,
        csm=Contact.of(dossier.deal.csm), champion=lead.name if lead else None,
        starts=day(day0), starts_on=day0, starts_from=starts_from, cadence=summary(cadence, schedule.check_in_days),
        check_in_days=every, playbook_cadence=playbook, check_ins_until=until,
        outcomes=list(goals.outcomes), criteria=[criterion_of(c) for c in goals.success_criteria], phases=phases,
        before=[dated(d, t) for d, t in on_day if d < day0],
        after=[dated(d, t) for d, t in on_day if d > last], undated=undated,
        risks=[] if customer else [risk(r) for r in risks], internal=not customer,
    )

