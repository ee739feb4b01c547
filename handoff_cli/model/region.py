"""A deal's own time zone and public-holiday calendar, for deals repos that serve several regions."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from handoff_cli.core.errors import InputError
from handoff_cli.core.time_zones import check_zone


def split_holidays(code: str) -> tuple[str, str | None]:
    """'US-NY' -> ('US', 'NY'); 'DE' -> ('DE', None)."""
    country, _, subdivision = code.partition("-")
    return country, subdivision or None


def _holiday_calendar(value: str) -> str:
    # imported only when a deal names a calendar: the package is large
    import holidays

    if "," in value:
        raise ValueError(f"several calendars are a list: write [{', '.join(v.strip() for v in value.split(','))}]")
    supported = holidays.list_supported_countries()
    country, subdivision = split_holidays(value)
    if country not in supported:
        raise ValueError("not a country the holidays package knows; write a code such as DE, US-NY or GB-SCT")
    if subdivision is not None and subdivision not in supported[country]:
        known = ", ".join(f"{country}-{s}" for s in supported[country][:8]) or f"none (write {country})"
        more = " ..." if len(supported[country]) > 8 else ""
        raise ValueError(f"{country} has no subdivision {subdivision}; known: {known}{more}")
    return value


def calendar_codes(value: str | list[str] | None) -> list[str]:
    """deal.holidays as a list of codes, however it was written."""
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _holiday_calendars(value: str | list[str]) -> str | list[str]:
    for code in calendar_codes(value):
        _holiday_calendar(code)
    return value


TimeZoneName = Annotated[str, AfterValidator(check_zone)]
# a deal run from several regions: a business day is a working day in every one of its calendars
HolidayCalendars = Annotated[str | Annotated[list[str], Field(min_length=1)], AfterValidator(_holiday_calendars)]


def check_region(*, timezone: str | None, holidays: str | None) -> None:
    """--timezone and --holidays of `handoff init`: the same checks as the dossier's, as a one-line error."""
    for option, value, check in (("--timezone", timezone, check_zone), ("--holidays", holidays, _holiday_calendar)):
        if value is not None:
            try:
                check(value)
            except ValueError as exc:
                raise InputError(f"{option} {value!r}: {exc}") from None
