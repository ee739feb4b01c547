"""When a logged item happened: the one check that `log` (events and outcomes) and `accept` (reviews) share."""

from __future__ import annotations

from datetime import datetime, tzinfo

from handoff_cli.core.errors import InputError
from handoff_cli.core.moments import shown


def check_time(
    at: datetime, *, now: datetime, signed: datetime | None, force: bool, what: str, option: str, display: str,
    zone: tzinfo,
) -> None:
    """A time in the future is refused always; one before the signature (aware, if given) unless --force. Both
    are said on the deal's wall clock (`zone`)."""
    if at > now:
        raise InputError(f"{option} {shown(at, zone)} is in the future; {what}", path=display)
    if signed is not None and not force and at < signed:
        raise InputError(
            f"{option} {shown(at, zone)} is before the signature ({shown(signed, zone)}); "
            "pass --force if it really happened before close",
            path=display,
        )
