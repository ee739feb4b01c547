"""Business-day arithmetic: each country's own week, public holidays and make-up working days from the
`holidays` package, the repo's `weekend` over them, and DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

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


def _package(country: str) -> holidays.HolidayBase:
    return holidays.country_holidays(country)


def test_israel_works_sunday_to_thursday() -> None:
    cal = calendar_for(Settings(timezone="Asia/Jerusalem", country="IL"))
    thursday = datetime(2026, 11, 5, 15, 0, tzinfo=ZoneInfo("Asia/Jerusalem"))
    # Friday and Saturday are the weekend: the next business day is Sunday
    assert cal.add_business_days(thursday, 1) == datetime(2026, 11, 8, 15, 0, tzinfo=ZoneInfo("Asia/Jerusalem"))
    assert not cal.is_business_day(date(2026, 11, 6)) and cal.is_business_day(date(2026, 11, 8))


def test_the_uae_week_follows_its_2022_change() -> None:
    cal = calendar_for(Settings(timezone="Asia/Dubai", country="AE"))
    # until 2021 the weekend was Friday and Saturday; since 2022 it is Saturday and Sunday
    assert cal.add_business_days(datetime(2021, 11, 4, 9, 0, tzinfo=UTC), 1).date() == date(2021, 11, 7)
    assert cal.add_business_days(datetime(2026, 11, 5, 9, 0, tzinfo=UTC), 1).date() == date(2026, 11, 6)


def test_china_counts_its_make_up_working_days() -> None:
    cal = calendar_for(Settings(timezone="Asia/Shanghai", country="CN"))
    # Saturday 10 October 2026 is worked, in exchange for a day off in the National Day week
    assert cal.is_business_day(date(2026, 10, 10))
    friday = datetime(2026, 10, 9, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert cal.add_business_days(friday, 1).date() == date(2026, 10, 10)
    assert cal.business_days_between(date(2026, 9, 30), date(2026, 10, 12)) == 4  # 8, 9, 10 and 12 October


@pytest.mark.parametrize("country", ["IL", "AE", "CN", "DE"])
def test_business_days_are_the_packages_working_days(country: str) -> None:
    cal, package = calendar_for(Settings(country=country)), _package(country)
    start = date(2025, 12, 20)
    for offset in range(0, 400, 3):
        day = start + timedelta(days=offset)
        assert cal.is_business_day(day) == package.is_working_day(day), day
        moment = datetime.combine(day, time(9, 0), tzinfo=UTC)
        for n in (1, 5):
            assert cal.add_business_days(moment, n).date() == package.get_nth_working_day(day, n), (day, n)
        later = day + timedelta(days=10)
        assert cal.business_days_between(day, later) == package.get_working_days_count(day + timedelta(days=1), later)


def test_a_weekend_setting_replaces_the_countrys_week() -> None:
    israel = calendar_for(Settings(country="IL", weekend=[5, 6]))
    assert israel.is_business_day(date(2026, 11, 6))  # a Friday, worked under this setting
    assert not israel.is_business_day(date(2026, 11, 8))
    uae = calendar_for(Settings(country="AE", weekend=[6]))  # the setting wins over a week that changed by year
    assert uae.is_business_day(date(2021, 11, 5)) and uae.is_business_day(date(2026, 11, 7))
    assert not uae.holiday(date(2026, 11, 7)) and not uae.is_business_day(date(2026, 11, 8))
