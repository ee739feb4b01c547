"""Business days: weekends and a country's public holidays (from the maintained `holidays` package), in a timezone."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import cast
from zoneinfo import ZoneInfo

from handoff_cli.core.errors import ConfigError
from handoff_cli.core.moments import deal_zone
from handoff_cli.model.deal import Deal
from handoff_cli.model.region import calendar_codes, split_holidays
from handoff_cli.settings import Settings


class BusinessCalendar:
    def __init__(
        self, tz: ZoneInfo, *, weekend: frozenset[int], country: str | None = None, subdivision: str | None = None
    ) -> None:
        self.tz = tz
        self.weekend = weekend
        self.country = country
        self.subdivision = subdivision

    @cached_property
    def _holidays(self) -> Mapping[date, str]:
        if not self.country:
            return {}
        # imported only when a country is configured: the package is large
        import holidays

        try:
            found = holidays.country_holidays(self.country, subdiv=self.subdivision)
        except (NotImplementedError, KeyError) as exc:
            raise ConfigError(
                f"no public-holiday calendar for country={self.country!r} subdivision={self.subdivision!r}: {exc}"
            ) from None
        return cast(Mapping[date, str], found)  # fills in each year lazily, on first lookup

    def holiday(self, day: date) -> str | None:
        return self._holidays.get(day)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and self.holiday(day) is None

    def add_business_days(self, start: datetime, days: int) -> datetime:
        """`days` business days after `start`, keeping its local time of day (a deadline five business
        days after a Friday 16:00 signature is the next Friday 16:00, skipping holidays)."""
        local = start.astimezone(self.tz)
        moved = 0
        while moved < days:
            local = local + timedelta(days=1)
            if self.is_business_day(local.date()):
                moved += 1
        return local

    def business_days_between(self, start: date, end: date) -> int:
        """Business days after `start` up to and including `end` (negative when end is earlier)."""
        sign, (low, high) = (1, (start, end)) if end >= start else (-1, (end, start))
        count = sum(self.is_business_day(low + timedelta(days=n)) for n in range(1, (high - low).days + 1))
        return sign * count


class CombinedCalendar(BusinessCalendar):
    """Several regions' calendars in one zone: a business day is a working day in every one of them. Business days
    are counted from `is_business_day`, so the base class's counting serves both."""

    def __init__(self, parts: list[BusinessCalendar]) -> None:
        super().__init__(parts[0].tz, weekend=parts[0].weekend)
        self.parts = parts

    def holiday(self, day: date) -> str | None:
        return next((name for part in self.parts if (name := part.holiday(day)) is not None), None)

    def is_business_day(self, day: date) -> bool:
        return all(part.is_business_day(day) for part in self.parts)


def calendar_for(settings: Settings, deal: Deal | None = None) -> BusinessCalendar:
    """The business calendar a deal's dates are computed in: deal.timezone and deal.holidays, where the
    dossier gives them, override the repo's timezone, country and subdivision."""
    tz, weekend = deal_zone(settings, deal), frozenset(settings.weekend)
    codes = calendar_codes(deal.holidays if deal is not None else None)
    if not codes:
        return BusinessCalendar(tz, weekend=weekend, country=settings.country, subdivision=settings.subdivision)
    parts = [BusinessCalendar(tz, weekend=weekend, country=c, subdivision=s) for c, s in map(split_holidays, codes)]
    return parts[0] if len(parts) == 1 else CombinedCalendar(parts)
