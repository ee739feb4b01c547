"""The one rule for a naive date-time: it is in the deal's zone, else the repo's; an aware one is kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from handoff_cli.core.moments import aware, deal_zone, local, zone_name

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class Zoned:
    timezone: str | None


def test_the_deal_s_own_zone_wins_over_the_repo_s() -> None:
    assert deal_zone(Zoned("America/New_York"), Zoned("Europe/Berlin")) == BERLIN


def test_a_deal_without_a_zone_takes_the_repo_s() -> None:
    assert deal_zone(Zoned("America/New_York"), Zoned(None)) == ZoneInfo("America/New_York")
    assert deal_zone(Zoned("America/New_York")) == ZoneInfo("America/New_York")


def test_no_zone_anywhere_is_utc() -> None:
    assert deal_zone(Zoned(None), Zoned(None)) == ZoneInfo("UTC")


def test_a_naive_moment_is_read_on_the_zone_s_wall_clock() -> None:
    moment = aware(datetime(2026, 11, 25, 10, 0), BERLIN)
    assert moment.utcoffset() == timedelta(hours=1)  # CET in November
    assert moment.astimezone(UTC) == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_a_naive_summer_moment_gets_the_summer_offset() -> None:
    assert aware(datetime(2026, 7, 1, 10, 0), BERLIN).utcoffset() == timedelta(hours=2)


def test_an_aware_moment_is_kept_as_written() -> None:
    written = datetime(2026, 11, 25, 10, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert aware(written, BERLIN) is written


def test_local_puts_an_aware_moment_on_the_zone_s_wall_clock() -> None:
    written = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)
    assert local(written, BERLIN) == datetime(2026, 11, 26, 0, 30, tzinfo=BERLIN)
    assert local(written, BERLIN).date().isoformat() == "2026-11-26"  # the next day in Berlin
    assert local(datetime(2026, 11, 25, 23, 30), BERLIN).hour == 23  # a naive one was written there


def test_a_zone_is_named_as_iana_names_it() -> None:
    assert zone_name(BERLIN) == "Europe/Berlin"
    assert zone_name(UTC) == "UTC"
