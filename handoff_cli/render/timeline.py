"""The handoff's key dates for documents: every running clock with the due date `handoff sla` computes, plus the
first QBR at about day 90 (a plan date, not a clock).

The clock dates come from clocks/ (the segment playbook and [sla] included), so the plan, the agendas and the
calendar never disagree with `handoff sla`; a clock the playbook switches off is not here at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from handoff_cli.clocks.businessdays import BusinessCalendar
from handoff_cli.clocks.clocks import Clock
from handoff_cli.clocks.evaluate import ClockStatus
from handoff_cli.clocks.meeting_order import kickoff_too_early
from handoff_cli.core.moments import local
from handoff_cli.model import Dossier
from handoff_cli.model.progress import EventName

QBR_DAY = 90
FIRST_VALUE_FROM = 15  # the first value window opens on day 15 (docs/method.md, the clocks)

# clock name -> (title on the calendar, why it matters)
TITLES: dict[str, tuple[str, str]] = {
    "internal_meeting": ("Internal knowledge transfer (sales -> CS)", "rep, CSM and CS manager, 30-45 minutes"),
    "intro_email": ("Intro email to the champion", "the customer hears from CS while the deal is fresh"),
    "first_contact": ("First CS contact", "the CSM reaches the customer; a meeting or the CSM's welcome counts"),
    "joint_meeting": ("Joint transition meeting", "30-minute video call with the customer"),
    "kickoff": ("Implementation kickoff", "schedule the first QBR during the kickoff"),
    "first_value": ("First value milestone", "an early win builds momentum"),
    "qbr_scheduled": ("First QBR scheduled", "the invite goes out right after the kickoff"),
}


def next_business_day(cal: BusinessCalendar, day: date) -> date:
    """`day` itself when it is a business day, else the first business day after it."""
    if cal.is_business_day(day):
        return day
    return cal.add_business_days(datetime.combine(day, time(12), tzinfo=cal.tz), 1).date()


@dataclass(frozen=True)
class Schedule:
    """What a document needs to date things: the deal's calendar and its clocks as `handoff sla` computes them."""

    cal: BusinessCalendar
    running: tuple[Clock, ...]  # the clocks the deal's segment runs (playbook and [sla] applied)
    clocks: tuple[ClockStatus, ...]  # those that have started, with their due dates
    check_in_days: int | None = None  # the segment's check-in cadence in handoff.toml; None: its playbook's

    def clock(self, name: str) -> ClockStatus | None:
        return next((c for c in self.clocks if c.clock.name == name), None)

    def runs(self, name: str) -> Clock | None:
        return next((c for c in self.running if c.name == name), None)


@dataclass(frozen=True)
class KeyDate:
    key: str          # stable id, used in calendar UIDs
    title: str
    due: datetime     # local time in the deal's zone; date-only dates are at 00:00
    timed: bool       # False: only the day matters
    why: str
    done: datetime | None = None  # when it was logged in `handoff.events`
    within: tuple[float, str] | None = None  # the clock's target (amount, unit), for other languages to word
    since: str | None = None  # the event the clock starts at; None: the contract signature
    moved_from: datetime | None = None  # the clock's own due date, when the plan had to move it (see in_order)
    item: str | None = None  # a tracked item's list (commitments, milestones, checklist); its `title` is the item's


def anchor(dossier: Dossier, tz: ZoneInfo) -> tuple[datetime, str] | None:
    """Where the plan's 90 days start: the logged kickoff if there is one, else the contract signature."""
    kickoff = dossier.handoff.first(EventName.KICKOFF) if dossier.handoff else None
    if kickoff is not None:
        return local(kickoff.at, tz), "kickoff"
    if dossier.deal.signed_at is not None:
        return local(dossier.deal.signed_at, tz), "contract signature"
    return None


def first_value(dossier: Dossier, schedule: Schedule) -> tuple[date, str | None] | None:
    """The first value milestone: the dossier's first milestone due between day 15 and the clock's due date,
    else only the clock's due date; None when the clock does not run."""
    row = schedule.clock("first_value")
    if row is None or row.due is None or row.start is None:
        return None
    low, high = row.start.date() + timedelta(days=FIRST_VALUE_FROM), row.due.date()
    milestones = dossier.implementation.milestones or [] if dossier.implementation else []
    inside = sorted((m.due, m.name) for m in milestones if m.due and low <= m.due <= high)
    return (inside[0][0], inside[0][1]) if inside else (high, None)


def rule(clock: Clock) -> str:
    """`within 5 business days of signature`, from the clock's own target."""
    since = "signature" if clock.start is None else clock.start.value.replace("_", " ")
    return f"within {clock.target} of {since}"


def in_order(dates: list[KeyDate], cal: BusinessCalendar) -> list[KeyDate]:
    """For the plan and the customer's calendar: the kickoff is booked in the joint transition meeting, so it
    never comes before it. When holidays push the joint meeting past the kickoff's deadline, the kickoff moves
    to the next business day after it (`moved_from` keeps the deadline, for the warning that says so); the
    deadlines `handoff sla` reports, and the CSM's calendar of them, stay as they are."""
    joint = next((k for k in dates if k.key == "joint-meeting"), None)
    kickoff = next((k for k in dates if k.key == "kickoff"), None)
    if joint is None or kickoff is None:
        return dates
    held = joint.done or joint.due
    if not kickoff_too_early(joint=held, kickoff_due=kickoff.due, kickoff_done=kickoff.done):
        return dates
    moved = cal.add_business_days(held, 1)
    return [replace(k, due=moved, moved_from=k.due) if k is kickoff else k for k in dates]


def key_dates(dossier: Dossier, schedule: Schedule) -> list[KeyDate]:
    """The handoff's deadlines, each at most once: the running clocks, then the first QBR."""
    out: list[KeyDate] = []
    value = first_value(dossier, schedule)
    for row in schedule.clocks:
        if row.due is None:
            continue  # waiting for its start event (the kickoff): no date yet
        title, why = TITLES[row.clock.name]
        if row.clock.name == "first_value" and value and value[1]:
            title += f": {value[1]}"
        key = row.clock.name.replace("_", "-")
        since = row.clock.start.value if row.clock.start else None
        out.append(KeyDate(key, title, row.due, True, f"{rule(row.clock)}: {why}", row.done,
                           (row.clock.amount, row.clock.unit.value), since))
    start = anchor(dossier, schedule.cal.tz)
    if start is not None:
        review = next_business_day(schedule.cal, start[0].date() + timedelta(days=QBR_DAY))
        qbr = dossier.handoff.first(EventName.QBR) if dossier.handoff else None
        out.append(KeyDate("qbr", "First quarterly business review (QBR)",
                           datetime.combine(review, time(0), tzinfo=schedule.cal.tz), False,
                           "about 90 days in: show the value against the success criteria",
                           local(qbr.at, schedule.cal.tz) if qbr else None))
    return out
