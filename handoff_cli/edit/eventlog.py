"""`handoff log`: check that an event may be recorded; edit/record.py inserts it and proves the result."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from handoff_cli.core.errors import InputError
from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.edit.record import recorded_text
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


def logged_text(text: str, dossier: Dossier, item: dict[str, Any], *, display: str, max_depth: int) -> str:
    """The file's new text; raises NotRecorded unless it is a valid dossier equal to the old one plus the event."""
    return recorded_text(text, dossier, "events", item, noun="event", display=display, max_depth=max_depth)
