"""`handoff log`: check that an event may be recorded, and the entry; edit/rewrite.py writes it."""

from __future__ import annotations

from datetime import datetime
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


def check_event(dossier: Dossier, event: EventName, *, force: bool, display: str) -> None:
    """Refused unless --force: an event already logged (its time is checked by edit/logged_time.py)."""
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

