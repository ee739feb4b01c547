"""The 30-60-90 day plan: dated weeks from the kickoff or signature, filled from the dossier and the segment cadence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from handoff_cli.model import Dossier
from handoff_cli.model.common import Level
from handoff_cli.render.cadence import CADENCE
from handoff_cli.render.documents import Contact, criterion, day
from handoff_cli.render.needs import champion
from handoff_cli.render.timeline import KeyDate, Schedule, anchor, first_value, key_dates, next_business_day

WEEKS = 13  # days 0-90
PHASES = ("Days 0-30: set up and first value", "Days 31-60: adoption", "Days 61-90: prove value")
_SEVERITY = {Level.CRITICAL: 0, Level.HIGH: 1, Level.MEDIUM: 2, Level.LOW: 3}


@dataclass(frozen=True)
class Week:
    number: int
    start: str
    end: str
    items: list[str]


@dataclass(frozen=True)
class Phase:
    title: str
    weeks: list[Week] = field(default_factory=list)


@dataclass(frozen=True)
class Plan:
    account: str
    deal_id: str
    segment: str
    csm: Contact
    champion: str | None
    starts: str             # the day the 90 days count from
    starts_from: str        # "kickoff" or "contract signature"
    cadence: str
    outcomes: list[str]
    criteria: list[str]
    phases: list[Phase]
    before: list[str]       # dated items earlier than the start
    after: list[str]        # dated items beyond the 90 days
    undated: list[str]
    risks: list[str]


def plan(dossier: Dossier, schedule: Schedule) -> Plan:
    goals = dossier.goals
    assert goals and goals.outcomes and goals.success_criteria  # needs.PLAN
    start, starts_from = anchor(dossier, schedule.cal.tz) or (None, "")
    assert start is not None
    day0 = start.date()
    keys = key_dates(dossier, schedule)
    dated, undated = _items(dossier, schedule, day0, keys)
    review = next(k.due.date() for k in keys if k.key == "qbr")
    phases = [Phase(title) for title in PHASES]
    last = day0
    for n in range(1, WEEKS + 1):
        first = day0 + timedelta(days=7 * (n - 1))
        # the review may have moved past day 90 to a business day: the last week stretches to hold it
        last = max(first + timedelta(days=6), review) if n == WEEKS else first + timedelta(days=6)
        week = Week(n, day(first), day(last), [f"{day(d)}: {t}" for d, t in dated if first <= d <= last])
        offset = (first - day0).days  # a week belongs to the phase its first day falls in
        phases[0 if offset <= 30 else 1 if offset <= 60 else 2].weeks.append(week)
    risks = sorted(dossier.risks.entries or [], key=lambda r: _SEVERITY[r.severity]) if dossier.risks else []
    lead = champion(dossier)
    return Plan(
        account=dossier.deal.account, deal_id=dossier.deal.id, segment=dossier.deal.segment.value,
        csm=Contact.of(dossier.deal.csm), champion=lead.name if lead else None,
        starts=day(day0), starts_from=starts_from, cadence=CADENCE[dossier.deal.segment].summary,
        outcomes=list(goals.outcomes), criteria=[criterion(c) for c in goals.success_criteria], phases=phases,
        before=[f"{day(d)}: {t}" for d, t in dated if d < day0],
        after=[f"{day(d)}: {t}" for d, t in dated if d > last], undated=undated,
        risks=[f"{r.risk} ({r.severity.value}): {r.mitigation or 'no mitigation yet'}" for r in risks],
    )


def _items(dossier: Dossier, schedule: Schedule, day0: date,
           keys: list[KeyDate]) -> tuple[list[tuple[date, str]], list[str]]:
    """Every dated thing the plan shows, in date order (ties keep the order below), and the undated ones."""
    impl, goals, cadence, cal = dossier.implementation, dossier.goals, CADENCE[dossier.deal.segment], schedule.cal
    assert goals is not None
    dated: list[tuple[date, str]] = []
    undated: list[str] = []
    value = first_value(dossier, schedule)
    first_name = value[1] if value else None
    for key in keys:
        if key.key in ("internal-meeting", "intro-email"):
            continue  # the rep's deadlines: the calendar has them, the onboarding plan does not
        title = key.title
        if key.key == "first-value":
            # the deadline of the clock; the dossier's own milestone in the window is listed on its planned day
            title = "First value milestone due" + (f" (planned: {first_name})" if first_name else
                    f" (agree it at kickoff; toward: {goals.outcomes[0] if goals.outcomes else 'the main goal'})")
        if key.key == "qbr":
            title = f"{cadence.review} (day 90)"
        # a step already logged shows on the day it happened, not on its deadline
        dated.append((key.done.date(), f"{title} (done)") if key.done else (key.due.date(), title))
    for m in impl.milestones or [] if impl else []:
        is_first = first_name == m.name and value is not None and m.due == value[0]
        label = ("First value milestone: " if is_first else "Milestone: ") + m.name
        label += f" (exit: {m.exit_criteria})" if m.exit_criteria else ""
        if m.due:
            dated.append((m.due, label))
        else:
            undated.append(label)
    if impl and impl.go_live:
        dated.append((impl.go_live, "Go-live target"))
    for t in impl.training or [] if impl else []:
        label = f"Training: {t.audience}" + (f", {t.format}" if t.format else "")
        if t.date:
            dated.append((t.date, label))
        else:
            undated.append(label)
    for c in dossier.commitments or []:
        label = f"Commitment due: {c.what}" + (f" (owner: {c.owner})" if c.owner else "")
        label += "" if c.cs_validated else " [not yet validated by CS]"
        if c.due:
            dated.append((c.due, label))
    for s in goals.success_criteria or []:
        if s.by:
            dated.append((s.by, f"Success criterion due: {criterion(s, dated=False)}"))
    if cadence.check_in:
        for n in range(cadence.every_days, cadence.until_day + 1, cadence.every_days):
            dated.append((next_business_day(cal, day0 + timedelta(days=n)), cadence.check_in))
    for n, what in cadence.touchpoints:
        dated.append((next_business_day(cal, day0 + timedelta(days=n)), what))
    # rep's hand-back note to the customer at 30-45 days (docs/method.md, other clocks)
    dated.append((next_business_day(cal, day0 + timedelta(days=30)), "Sales rep's hand-back note to the champion"))
    dated.sort(key=lambda pair: pair[0])  # stable: same-day items keep the order above
    return dated, undated
