"""Business days from the maintained `holidays` package: a country's own week (Friday and Saturday in Israel),
its public holidays and its make-up working days (China's weekend workdays), in a timezone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache, cached_property
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from handoff_cli.core.errors import ConfigError
from handoff_cli.core.moments import deal_zone
from handoff_cli.model.deal import Deal
from handoff_cli.model.region import calendar_codes, split_holidays
from handoff_cli.settings import Settings

if TYPE_CHECKING:
    from holidays import HolidayBase


class BusinessCalendar:
    """`weekend` (Monday is 0) replaces the country's week when given; else the country's week applies,
    Saturday and Sunday without a country."""

    def __init__(
        self,
        tz: ZoneInfo,
        *,
        weekend: frozenset[int] | None = None,
        country: str | None = None,
        subdivision: str | None = None,
    ) -> None:
        self.tz = tz
        self.weekend = weekend
        self.country = country
        self.subdivision = subdivision

    @cached_property
    def _days(self) -> HolidayBase:
        # imported on first use: the package is large
        import holidays

        try:
            found = holidays.country_holidays(self.country, subdiv=self.subdivision) if self.country else None
        except (NotImplementedError, KeyError) as exc:
            raise ConfigError(
                f"no public-holiday calendar for country={self.country!r} subdivision={self.subdivision!r}: {exc}"
            ) from None
        days = found if found is not None else holidays.HolidayBase()  # no country: no holidays, Sat-Sun
        if self.weekend is not None:
            weekend = set(self.weekend)
            days.weekend = weekend
            # countries whose week changed over time (AE in 2022, a state of MY) answer per date: the setting wins
            days._get_weekend = lambda dt: weekend  # type: ignore[method-assign]
        return days  # fills in each year lazily, on first lookup

    def holiday(self, day: date) -> str | None:
        return self._days.get(day)

    def is_business_day(self, day: date) -> bool:
        return self._days.is_working_day(day)

    def add_business_days(self, start: datetime, days: int) -> datetime:
        """`days` business days after `start`, keeping its local time of day (a deadline five business
        days after a Friday 16:00 signature is the next Friday 16:00, skipping holidays)."""
        local = start.astimezone(self.tz)
        if days <= 0:
            return local
        due = self._days.get_nth_working_day(local.date(), days)
        return local + timedelta(days=(due - local.date()).days)  # same wall-clock time, as aware arithmetic is

    def business_days_between(self, start: date, end: date) -> int:
        """Business days after `start` up to and including `end` (negative when end is earlier)."""
        if start == end:
            return 0
        sign, (low, high) = (1, (start, end)) if end > start else (-1, (end, start))
        return sign * self._days.get_working_days_count(low + timedelta(days=1), high)


class CombinedCalendar(BusinessCalendar):
    """Several regions' calendars in one zone: a business day is a working day in every one of them. The package
    answers for one country at a time, so here the days are stepped through and each region asked."""

    def __init__(self, parts: list[BusinessCalendar]) -> None:
        super().__init__(parts[0].tz, weekend=parts[0].weekend)
        self.parts = parts

    def holiday(self, day: date) -> str | None:
        return next((name for part in self.parts if (name := part.holiday(day)) is not None), None)

    def is_business_day(self, day: date) -> bool:
        return all(part.is_business_day(day) for part in self.parts)

    def add_business_days(self, start: datetime, days: int) -> datetime:
        local = start.astimezone(self.tz)
        moved = 0
        while moved < days:
            local += timedelta(days=1)  # aware arithmetic keeps the wall-clock time
            moved += self.is_business_day(local.date())
        return local

    def business_days_between(self, start: date, end: date) -> int:
        sign, (low, high) = (1, (start, end)) if end >= start else (-1, (end, start))
        return sign * sum(self.is_business_day(low + timedelta(days=n)) for n in range(1, (high - low).days + 1))


def calendar_for(settings: Settings, deal: Deal | None = None) -> BusinessCalendar:
    """The business calendar a deal's dates are computed in: deal.timezone and deal.holidays, where the
    dossier gives them, override the repo's timezone, country and subdivision; the repo's `weekend`, when
    set, overrides each country's week."""
    tz = deal_zone(settings, deal)
    weekend = frozenset(settings.weekend) if settings.weekend is not None else None
    codes = calendar_codes(deal.holidays if deal is not None else None)
    if not codes:
        return _calendar(tz, weekend, settings.country, settings.subdivision)
    parts = [_calendar(tz, weekend, c, s) for c, s in map(split_holidays, codes)]
    return parts[0] if len(parts) == 1 else CombinedCalendar(parts)


@cache  # a portfolio's deals share a few calendars; each one's holidays are worked out once per run, not per deal
def _calendar(tz: ZoneInfo, weekend: frozenset[int] | None, country: str | None,
              subdivision: str | None) -> BusinessCalendar:  # fmt: skip
    return BusinessCalendar(tz, weekend=weekend, country=country, subdivision=subdivision)
