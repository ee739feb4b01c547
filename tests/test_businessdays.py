"""Business-day arithmetic: weekends, public holidays from the `holidays` package, and DST changes."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from handoff_cli.clocks.businessdays import BusinessCalendar, calendar_for
from handoff_cli.clocks.clocks import DEFAULTS
from handoff_cli.clocks.evaluate import deadline
from handoff_cli.settings import Settings

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
CLOCK = {c.name: c for c in DEFAULTS}


def us() -> BusinessCalendar:
    return calendar_for(Settings(timezone="America/New_York", country="US"))


def test_weekend_is_skipped() -> None:
    cal = calendar_for(Settings())
    friday = datetime(2026, 11, 6, 16, 0, tzinfo=ZoneInfo("UTC"))
    assert cal.add_business_days(friday, 1) == datetime(2026, 11, 9, 16, 0, tzinfo=ZoneInfo("UTC"))
    assert cal.add_business_days(friday, 5) == datetime(2026, 11, 13, 16, 0, tzinfo=ZoneInfo("UTC"))
    assert not cal.is_business_day(date(2026, 11, 7))
    assert cal.business_days_between(date(2026, 11, 6), date(2026, 11, 9)) == 1


def test_custom_weekend() -> None:
    cal = calendar_for(Settings(weekend=[4, 5]))  # Friday and Saturday
    thursday = datetime(2026, 11, 5, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert cal.add_business_days(thursday, 1).date() == date(2026, 11, 8)


def test_public_holiday_is_skipped() -> None:
    cal = us()
    assert cal.holiday(date(2026, 11, 26)) == "Thanksgiving Day"
    assert not cal.is_business_day(date(2026, 11, 26))
    wednesday = datetime(2026, 11, 25, 10, 0, tzinfo=NY)
    # Thursday is Thanksgiving, then the weekend: the next business day is Friday, then Monday
    assert cal.add_business_days(wednesday, 1) == datetime(2026, 11, 27, 10, 0, tzinfo=NY)
    assert cal.add_business_days(wednesday, 2) == datetime(2026, 11, 30, 10, 0, tzinfo=NY)
    assert cal.business_days_between(date(2026, 11, 25), date(2026, 11, 30)) == 2
    assert cal.business_days_between(date(2026, 11, 30), date(2026, 11, 25)) == -2


def test_subdivision_holiday() -> None:
    bavaria = calendar_for(Settings(timezone="Europe/Berlin", country="DE", subdivision="BY"))
    berlin = calendar_for(Settings(timezone="Europe/Berlin", country="DE", subdivision="BE"))
    all_saints = date(2026, 11, 1)  # a Sunday in 2026; Epiphany (6 Jan 2027, Wednesday) is Bavarian only
    assert bavaria.holiday(all_saints) is not None
    assert not bavaria.is_business_day(date(2027, 1, 6))
    assert berlin.is_business_day(date(2027, 1, 6))


def test_business_days_keep_local_time_across_dst() -> None:
    cal = us()
    # US clocks fall back on Sunday 2026-11-01: Friday 16:30 EDT + 5 business days is Friday 16:30 EST
    friday = datetime(2026, 10, 30, 16, 30, tzinfo=NY)
    due = cal.add_business_days(friday, 5)
    assert due == datetime(2026, 11, 6, 16, 30, tzinfo=NY)
    assert due.utcoffset() != friday.utcoffset()
    assert deadline(CLOCK["joint_meeting"], friday, cal) == due


def test_hours_are_elapsed_time_across_dst() -> None:
    cal = calendar_for(Settings(timezone="Europe/Berlin", country="DE"))
    # Europe falls back on Sunday 2026-10-25 03:00 -> 02:00: 24 h after Saturday 12:00 is Sunday 11:00 local
    saturday = datetime(2026, 10, 24, 12, 0, tzinfo=BERLIN)
    assert deadline(CLOCK["internal_meeting"], saturday, cal) == datetime(2026, 10, 25, 11, 0, tzinfo=BERLIN)
    # calendar days keep the wall-clock time instead: 7 days after is Saturday 12:00 again
    assert deadline(CLOCK["kickoff"], saturday, cal) == datetime(2026, 10, 31, 12, 0, tzinfo=BERLIN)


def test_holiday_and_weekend_in_one_business_day_deadline() -> None:
    cal = calendar_for(Settings(timezone="Europe/Berlin", country="DE"))
    # Christmas Eve 2026 is a Thursday; 25 and 26 December are holidays, then the weekend
    thursday = datetime(2026, 12, 24, 9, 0, tzinfo=BERLIN)
    assert cal.add_business_days(thursday, 1) == datetime(2026, 12, 28, 9, 0, tzinfo=BERLIN)
