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
from handoff_cli.model.region import split_holidays
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


def calendar_for(settings: Settings, deal: Deal | None = None) -> BusinessCalendar:
    """The business calendar a deal's dates are computed in: deal.timezone and deal.holidays, where the
    dossier gives them, override the repo's timezone, country and subdivision."""
    country, subdivision = settings.country, settings.subdivision
    if deal is not None and deal.holidays:
        country, subdivision = split_holidays(deal.holidays)
    return BusinessCalendar(
        deal_zone(settings, deal), weekend=frozenset(settings.weekend), country=country, subdivision=subdivision
    )
