"""`handoff log`: check that an event may be recorded, insert it, and prove the result before anyone writes it."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from handoff_cli.errors import HandoffError, InputError
from handoff_cli.findings import EXIT_FINDINGS
from handoff_cli.loader import load_text
from handoff_cli.model import Dossier
from handoff_cli.model.progress import EventName
from handoff_cli.positions import did_you_mean
from handoff_cli.sla.insert import append_event
from handoff_cli.validation import validate


class NotLogged(HandoffError):
    """The dossier would not be valid with the new event in it; nothing is written. Exits 1, like a finding."""

    exit_code = EXIT_FINDINGS


def event_name(value: str, *, display: str) -> EventName:
    try:
        return EventName(value)
    except ValueError:
        names = [e.value for e in EventName]
        hint = did_you_mean(value, names) or f"; known events: {', '.join(names)}"
        raise InputError(f"unknown event '{value}'{hint}", path=display) from None


def check_event(
    dossier: Dossier, event: EventName, at: datetime, *, now: datetime, tz: tzinfo, force: bool, display: str
) -> None:
    """The refusals: a future time always; before signature or already logged unless --force."""
    if at > now:
        raise InputError(f"--at {at.isoformat()} is in the future; log an event once it has happened", path=display)
    signed = dossier.deal.signed_at
    if signed is not None and not force:
        signed = signed if signed.tzinfo else signed.replace(tzinfo=tz)
        if at < signed:
            raise InputError(
                f"--at {at.isoformat()} is before the signature ({signed.isoformat()}); "
                "pass --force if it really happened before close",
                path=display,
            )
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
    """The file's new text; raises NotLogged unless it is a valid dossier equal to the old one plus the event."""
    new_text = append_event(text, item)
    loaded, problems = load_text(new_text, display, max_depth=max_depth)
    after = None
    if loaded is not None:
        after, problems = validate(loaded, display)
    if after is None:
        first = problems[0]
        message = f"with the new event the dossier would not be valid: line {first.line}: {first.message}"
        raise NotLogged(f"{message}; nothing was written", path=display)
    before, now = dossier.model_dump(), after.model_dump()
    old_events = (before.get("handoff") or {}).get("events") or []
    new_events = (now.get("handoff") or {}).get("events") or []
    same_rest = _without_events(before) == _without_events(now)
    if not same_rest or new_events[:-1] != old_events or new_events[-1]["event"] != item["event"]:
        raise NotLogged(
            "the event could not be added without changing other content; nothing was written", path=display
        )
    return new_text


def _without_events(data: dict[str, Any]) -> dict[str, Any]:
    handoff = {k: v for k, v in (data.get("handoff") or {}).items() if k != "events" and v is not None}
    return {**data, "handoff": handoff}
