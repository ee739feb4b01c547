"""`handoff mark`: which item is meant, whether the new status may be recorded, and the keys it writes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import Any

from handoff_cli.core.errors import InputError
from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.core.moments import shown
from handoff_cli.model.progress import ChecklistItem
from handoff_cli.model.risks import Risk
from handoff_cli.model.trackable import SECTIONS, Item, Section
from handoff_cli.model.tracking import ItemStatus


def section_named(name: str, *, display: str) -> Section:
    if name in SECTIONS:
        return SECTIONS[name]
    hint = did_you_mean(name, SECTIONS) or f"; use one of {', '.join(SECTIONS)}"
    raise InputError(f"unknown list '{name}'{hint}", path=display)


def status_named(section: Section, value: str, *, display: str) -> str:
    names = [s.value for s in section.statuses]
    if value in names:
        return value
    hint = did_you_mean(value, names) or f"; a {section.noun} is {', '.join(names)}"
    raise InputError(f"unknown status '{value}' for a {section.noun}{hint}", path=display)


def find(section: Section, items: Sequence[Item], title: str, *, display: str) -> int:
    """The index of the item whose title is `title` or, failing that, the only one that starts with it
    (case does not matter)."""
    wanted = title.strip().casefold()
    titles = [i.title for i in items]
    exact = [n for n, t in enumerate(titles) if t.casefold() == wanted]
    matches = exact or [n for n, t in enumerate(titles) if wanted and t.casefold().startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        named = ", ".join(f"'{titles[n]}'" for n in matches)
        raise InputError(f"'{title}' starts {len(matches)} {section.name}: {named}; give more of the title",
                         path=display)  # fmt: skip
    if not titles:
        raise InputError(f"the dossier lists no {section.name}", path=display)
    hint = did_you_mean(title, titles) or f"; the {section.name}: {', '.join(repr(t) for t in titles)}"
    raise InputError(f"no {section.noun} starts with '{title}'{hint}", path=display)


def status_values(
    item: Item, status: str, *, at: datetime, zone: tzinfo, by: str | None, due: date | None, force: bool,
    display: str,
) -> dict[str, Any]:
    """The keys to write: status, status_at, status_by; a renegotiation's new due and the one it replaces."""
    renegotiated = status == ItemStatus.RENEGOTIATED.value
    if renegotiated and due is None:
        raise InputError("renegotiated needs --due, the newly agreed date", path=display)
    if due is not None and not renegotiated:
        raise InputError(f"--due goes with renegotiated, not {status}", path=display)
    if item.state.value == status and not renegotiated and not force:
        when = f" at {shown(item.status_at, zone)}" if item.status_at else ""
        raise InputError(f"'{item.title}' is already {status}{when}; pass --force to record it again", path=display)
    values: dict[str, Any] = {"status": status, "status_at": at}
    if by is not None:
        values["status_by"] = by
    if renegotiated:
        old = None if isinstance(item, Risk) else item.due
        if old == due:
            raise InputError(f"'{item.title}' is already due {due}; --due is the new date", path=display)
        values["due"] = due
        if old is not None:
            values["previous_due"] = old
    if isinstance(item, ChecklistItem) and item.done != (status == ItemStatus.DONE.value):
        values["done"] = status == ItemStatus.DONE.value  # the older flag says the same as the status
    return values
