"""`handoff log`: check that an event may be recorded, and the entry; edit/rewrite.py writes it."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from handoff_cli.core.errors import InputError
from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.model import Dossier
from handoff_cli.model.progress import EventName


def event_name(value: str, *, display: str) -> EventName:
    try:
        return EventName(value)
    except ValueError:
        names = [e.value for e in EventName]
        hint = did_you_mean(value, names) or f"; known events: {', '.join(names)}"
        raise InputError(f"unknown event '{value}'{hint}", path=display) from None


def check_time(dossier: Dossier, at: datetime, *, now: datetime, tz: tzinfo, force: bool, what: str,
               display: str) -> None:
    """What every logged item is refused for: a future time always; a time before signature unless --force."""
    if at > now:
        raise InputError(f"--at {at.isoformat()} is in the future; log {what} once it has happened", path=display)
    signed = dossier.deal.signed_at
    if signed is not None and not force:
        signed = signed if signed.tzinfo else signed.replace(tzinfo=tz)
        if at < signed:
            raise InputError(
                f"--at {at.isoformat()} is before the signature ({signed.isoformat()}); "
                "pass --force if it really happened before close",
                path=display,
            )


def check_event(
    dossier: Dossier, event: EventName, at: datetime, *, now: datetime, tz: tzinfo, force: bool, display: str
) -> None:
    """The refusals: a future time always; before signature or already logged unless --force."""
    check_time(dossier, at, now=now, tz=tz, force=force, what="an event", display=display)
    earlier = dossier.handoff.first(event) if dossier.handoff else None
    if earlier is not None and not force:
        message = f"{event.value} is already logged at {earlier.at.isoformat()}; pass --force to log it again"
        raise InputError(message, path=display)


def entry(event: EventName, at: datetime, *, by: str | None, note: str | None) -> dict[str, Any]:
    item: dict[str, Any] = {"event": event.value, "at": at}
    if by is not None:
        item["by"] = by
    if note is not None:
        item["note"] = note
    return item

