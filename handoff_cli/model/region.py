"""A deal's own time zone and public-holiday calendar, for deals repos that serve several regions."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from handoff_cli.core.errors import InputError
from handoff_cli.core.holiday_calendars import check_country, split_holidays
from handoff_cli.core.time_zones import check_zone

__all__ = ["HolidayCalendars", "TimeZoneName", "calendar_codes", "check_region", "split_holidays"]


def calendar_codes(value: str | list[str] | None) -> list[str]:
    """deal.holidays as a list of codes, however it was written."""
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def _holiday_calendars(value: str | list[str]) -> str | list[str]:
    for code in calendar_codes(value):
        check_country(code)
    return value


TimeZoneName = Annotated[str, AfterValidator(check_zone)]
# a deal run from several regions: a business day is a working day in every one of its calendars
HolidayCalendars = Annotated[str | Annotated[list[str], Field(min_length=1)], AfterValidator(_holiday_calendars)]


def check_region(*, timezone: str | None, holidays: str | None) -> None:
    """--timezone and --holidays of `handoff init`: the same checks as the dossier's, as a one-line error."""
    for option, value, check in (("--timezone", timezone, check_zone), ("--holidays", holidays, check_country)):
        if value is not None:
            try:
                check(value)
            except ValueError as exc:
                raise InputError(f"{option} {value!r}: {exc}") from None
