"""A deal's own time zone and public-holiday calendar, for deals repos that serve several regions."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import AfterValidator

from handoff_cli.core.errors import InputError
from handoff_cli.core.field_paths import did_you_mean


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        hint = did_you_mean(value, available_timezones()) or "; use an IANA name such as Europe/Berlin"
        raise ValueError(f"not a known time zone{hint}") from None
    return value


def split_holidays(code: str) -> tuple[str, str | None]:
    """'US-NY' -> ('US', 'NY'); 'DE' -> ('DE', None)."""
    country, _, subdivision = code.partition("-")
    return country, subdivision or None


def _holiday_calendar(value: str) -> str:
    # imported only when a deal names a calendar: the package is large
    import holidays

    supported = holidays.list_supported_countries()
    country, subdivision = split_holidays(value)
    if country not in supported:
        raise ValueError("not a country the holidays package knows; write a code such as DE, US-NY or GB-SCT")
    if subdivision is not None and subdivision not in supported[country]:
        known = ", ".join(f"{country}-{s}" for s in supported[country][:8]) or f"none (write {country})"
        more = " ..." if len(supported[country]) > 8 else ""
        raise ValueError(f"{country} has no subdivision {subdivision}; known: {known}{more}")
    return value


TimeZoneName = Annotated[str, AfterValidator(_zone)]
HolidayCalendar = Annotated[str, AfterValidator(_holiday_calendar)]


def check_region(*, timezone: str | None, holidays: str | None) -> None:
    """--timezone and --holidays of `handoff init`: the same checks as the dossier's, as a one-line error."""
    for option, value, check in (("--timezone", timezone, _zone), ("--holidays", holidays, _holiday_calendar)):
        if value is not None:
            try:
                check(value)
            except ValueError as exc:
                raise InputError(f"{option} {value!r}: {exc}") from None
