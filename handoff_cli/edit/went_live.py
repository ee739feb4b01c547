"""`handoff log DEAL went_live`: the day the customer actually went live, written to implementation.went_live.

The promise is implementation.go_live; the report's delivery adherence compares the two. A go-live is a day
on the deal's own calendar, not a moment, so it is checked as a day: not after today there, not before the
signature's day unless --force, and not recorded twice unless --force.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from handoff_cli.core.errors import InputError
from handoff_cli.core.moments import aware
from handoff_cli.edit.record import SetKeys
from handoff_cli.model import Dossier

NAME = "went_live"


def went_live_day(value: str | None, zone: tzinfo, *, now: datetime, display: str) -> date:
    """--at as a day (a date-time counts by its day in the deal's zone); default today there."""
    today = now.astimezone(zone).date()
    if value is None:
        return today
    try:
        day = date.fromisoformat(value)
    except ValueError:
        try:
            day = aware(datetime.fromisoformat(value), zone).astimezone(zone).date()
        except ValueError:
            raise InputError(f"--at '{value}' is not a date, e.g. 2027-01-31", path=display) from None
    if day > today:
        raise InputError(f"--at {day} is in the future; log the go-live once it has happened", path=display)
    return day


def went_live_change(dossier: Dossier, day: date, zone: tzinfo, *, force: bool, display: str) -> SetKeys:
    """The key to write; refused without an implementation section, before signature, or a second time."""
    plan = dossier.implementation
    if plan is None:
        raise InputError("the dossier has no implementation section; write implementation.go_live, the "
                         "promised date, first", path=display)  # fmt: skip
    signed = dossier.deal.signed_at
    signed_day = aware(signed, zone).astimezone(zone).date() if signed else None
    if signed_day is not None and day < signed_day and not force:
        raise InputError(f"--at {day} is before the signature ({signed_day}); pass --force if it really went live "
                         "before close", path=display)  # fmt: skip
    if plan.went_live is not None and not force:
        raise InputError(f"went_live is already recorded: {plan.went_live}; pass --force to record another day",
                         path=display)  # fmt: skip
    return SetKeys(("implementation",), {NAME: day}, noun="go-live day")
