"""Moments written as bare dates: `at: 2026-02-04` reads as midnight, which shifts clocks and the report's medians."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handoff_cli.core.codes import CODES
from handoff_cli.core.field_paths import dotted
from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.positions import Positions

CODE = "HV014"
NAME, WHY = CODES[CODE].name, CODES[CODE].why
_BARE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _moments(data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location, text as typed) of every field that holds a moment rather than a day."""
    if not isinstance(data, dict):
        return
    deal, progress = data.get("deal"), data.get("handoff")
    if isinstance(deal, dict) and isinstance(deal.get("signed_at"), str):
        yield ("deal", "signed_at"), deal["signed_at"]
    for section in ("events", "reviews"):
        items = progress.get(section) if isinstance(progress, dict) else None
        for n, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get("at"), str):
                yield ("handoff", section, n, "at"), item["at"]


def bare_dates(data: Any, positions: Positions, display: str) -> list[Finding]:
    """A warning for each moment that carries no time of day (the dossier is still valid)."""
    found = []
    for loc, text in _moments(data):
        if _BARE.fullmatch(text.strip()):
            line, col = positions.value(loc)
            message = (f"{dotted(loc)}: '{text.strip()}' has no time of day and is read as midnight; "
                       f"write when it happened, e.g. {text.strip()}T10:00")
            found.append(Finding(CODE, NAME, Severity.WARNING, display, line, col, dotted(loc), message, WHY))
    return found
