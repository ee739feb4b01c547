"""When a logged item happened: the one check that `log` (events and outcomes) and `accept` (reviews) share."""

from __future__ import annotations

from datetime import datetime

from handoff_cli.core.errors import InputError


def check_time(
    at: datetime, *, now: datetime, signed: datetime | None, force: bool, what: str, option: str, display: str
) -> None:
    """A time in the future is refused always; one before the signature (aware, if given) unless --force."""
    if at > now:
        raise InputError(f"{option} {at.isoformat()} is in the future; {what}", path=display)
    if signed is not None and not force and at < signed:
        raise InputError(
            f"{option} {at.isoformat()} is before the signature ({signed.isoformat()}); "
            "pass --force if it really happened before close",
            path=display,
        )
