"""The handoff's key dates, computed from the contract signature (or the logged kickoff) with business days.

Hour-based clocks (24 h, 48 h) are wall-clock SLAs and keep their exact time; day-based dates
(kickoff, first value, check-ins, QBR) that land on a weekend or holiday move to the next business day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from handoff_cli.clocks.businessdays import BusinessCalendar
from handoff_cli.model import Dossier
from handoff_cli.model.progress import EventName

# the clocks of docs/method.md, "The process and its clocks"
INTERNAL_MEETING_HOURS = 24
INTRO_EMAIL_HOURS = 48
JOINT_MEETING_BUSINESS_DAYS = 5
KICKOFF_DAYS = 7  # a stricter playbook says 3-5 business days
FIRST_VALUE_WINDOW = (15, 30)
QBR_DAY = 90


def local(moment: datetime, tz: ZoneInfo) -> datetime:
    """A dossier datetime in the configured zone; naive ones were written in that zone."""
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


def next_business_day(cal: BusinessCalendar, day: date) -> date:
    """`day` itself when it is a business day, else the first business day after it."""
    if cal.is_business_day(day):
        return day
    return cal.add_business_days(datetime.combine(day, time(12), tzinfo=cal.tz), 1).date()


def last_business_day_in(cal: BusinessCalendar, first: date, last: date) -> date:
    """The latest business day in [first, last], so a target stays inside its window; `last` if none is."""
    span = (last - first).days
    return next((d for d in (last - timedelta(days=n) for n in range(span + 1)) if cal.is_business_day(d)), last)


@dataclass(frozen=True)
class KeyDate:
    key: str          # stable id, used in calendar UIDs
    title: str
    due: datetime     # local time in the configured zone; date-only dates are at 00:00
    timed: bool       # False: only the day matters
    why: str
    done: datetime | None = None  # when it was logged in `handoff.events`


def anchor(dossier: Dossier, tz: ZoneInfo) -> tuple[datetime, str] | None:
    """Where the 90 days start: the logged kickoff if there is one, else the contract signature."""
    kickoff = dossier.handoff.first(EventName.KICKOFF) if dossier.handoff else None
    if kickoff is not None:
        return local(kickoff.at, tz), "kickoff"
    if dossier.deal.signed_at is not None:
        return local(dossier.deal.signed_at, tz), "contract signature"
    return None


def first_value(dossier: Dossier, cal: BusinessCalendar) -> tuple[date, str | None] | None:
    """The first value milestone: the dossier's first milestone due in days 15-30, else only a target date
    (the last business day of the window); None without a start date."""
    start = anchor(dossier, cal.tz)
    if start is None:
        return None
    low, high = (start[0].date() + timedelta(days=n) for n in FIRST_VALUE_WINDOW)
    milestones = dossier.implementation.milestones or [] if dossier.implementation else []
    inside = sorted((m.due, m.name) for m in milestones if m.due and low <= m.due <= high)
    return (inside[0][0], inside[0][1]) if inside else (last_business_day_in(cal, low, high), None)


def key_dates(dossier: Dossier, cal: BusinessCalendar) -> list[KeyDate]:
    """The handoff's deadlines, each at most once; requires `deal.signed_at`."""
    if dossier.deal.signed_at is None:
        raise ValueError("key dates need deal.signed_at")
    tz = cal.tz
    signed = local(dossier.deal.signed_at, tz)
    start, _ = anchor(dossier, tz) or (signed, "")
    day0 = start.date()

    def on(day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=tz)

    def logged(name: EventName) -> datetime | None:
        event = dossier.handoff.first(name) if dossier.handoff else None
        return local(event.at, tz) if event else None

    value = first_value(dossier, cal)
    assert value is not None  # signed_at is set
    return [
        KeyDate("internal-meeting", "Internal knowledge transfer (sales -> CS)",
                signed + timedelta(hours=INTERNAL_MEETING_HOURS), True,
                "within 24 h of signature: rep, CSM and CS manager, 30-45 minutes",
                logged(EventName.INTERNAL_MEETING)),
        KeyDate("intro-email", "Intro email to the champion", signed + timedelta(hours=INTRO_EMAIL_HOURS), True,
                "within 48 h of signature: the customer hears from CS while the deal is fresh",
                logged(EventName.INTRO_EMAIL)),
        KeyDate("joint-meeting", "Joint transition meeting",
                cal.add_business_days(signed, JOINT_MEETING_BUSINESS_DAYS), True,
                "within 5 business days of signature: 30-minute video call with the customer",
                logged(EventName.JOINT_MEETING)),
        KeyDate("kickoff", "Implementation kickoff",
                on(next_business_day(cal, signed.date() + timedelta(days=KICKOFF_DAYS))), False,
                "within 7 days of signature; schedule the first QBR during the kickoff",
                logged(EventName.KICKOFF)),
        KeyDate("first-value", "First value milestone" + (f": {value[1]}" if value[1] else ""), on(value[0]), False,
                f"days {FIRST_VALUE_WINDOW[0]}-{FIRST_VALUE_WINDOW[1]}: an early win builds momentum",
                logged(EventName.FIRST_VALUE)),
        KeyDate("qbr", "First quarterly business review (QBR)",
                on(next_business_day(cal, day0 + timedelta(days=QBR_DAY))), False,
                "about 90 days in: show the value against the success criteria", logged(EventName.QBR)),
    ]
