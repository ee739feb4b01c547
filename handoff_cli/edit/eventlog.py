"""`handoff log`: check that an event may be recorded, and the entry; edit/rewrite.py writes it."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from handoff_cli.core.errors import InputError
from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.core.moments import shown
from handoff_cli.model import Dossier
from handoff_cli.model.progress import RECURRING_EVENTS, EventName


def event_name(value: str, *, display: str) -> EventName:
    try:
        return EventName(value)
    except ValueError:
        names = [e.value for e in EventName]
        # the CSM's check-in and the rep's are different people's work: one is never offered for the other
        rep = "rep" in value.lower()
        near = [n for n in names if not (n.endswith("check_in") and n.startswith("rep_") != rep)]
        hint = did_you_mean(value, near) or f"; known events: {', '.join(names)}"
        raise InputError(f"unknown event '{value}'{hint}", path=display) from None


def check_event(dossier: Dossier, event: EventName, *, zone: tzinfo, force: bool, display: str) -> None:
    """Refused unless --force: a one-time event already logged (check-ins and QBRs recur); its time is checked by
    edit/logged_time.py."""
    earlier = dossier.handoff.first(event) if dossier.handoff else None
    if earlier is not None and not force and event not in RECURRING_EVENTS:
        message = f"{event.value} is already logged at {shown(earlier.at, zone)}; pass --force to log it again"
        raise InputError(message, path=display)


def entry(event: EventName, at: datetime, *, by: str | None, note: str | None) -> dict[str, Any]:
    item: dict[str, Any] = {"event": event.value, "at": at}
    if by is not None:
        item["by"] = by
    if note is not None:
        item["note"] = note
    return item

