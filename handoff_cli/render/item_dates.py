"""The due dates of the dossier's commitments, milestones and checklist items, for the CSM's calendar."""

from __future__ import annotations

import hashlib
from datetime import datetime, time
from zoneinfo import ZoneInfo

from handoff_cli.core.moments import local
from handoff_cli.model import Dossier
from handoff_cli.model.trackable import dated
from handoff_cli.model.tracking import ItemStatus
from handoff_cli.render.timeline import KeyDate


def item_dates(dossier: Dossier, tz: ZoneInfo) -> list[KeyDate]:
    """One all-day date per item with a due date, a dropped one aside; done ones say when they were done.

    The key (a calendar UID's part) comes from the list and the title, so it survives reordering the list."""
    out: list[KeyDate] = []
    for section, item in dated(dossier):
        if item.due is None or item.state is ItemStatus.DROPPED:
            continue
        digest = hashlib.sha256(item.title.encode("utf-8")).hexdigest()[:12]
        done = local(item.status_at, tz) if item.state is ItemStatus.DONE and item.status_at else None
        owner = f"owner: {item.owner}" if item.owner else "no owner named"
        out.append(KeyDate(f"{section.name}-{digest}", item.title, datetime.combine(item.due, time(0), tzinfo=tz),
                           False, f"{section.noun} {item.state.value}, {owner}", done, item=section.name))  # fmt: skip
    return out
