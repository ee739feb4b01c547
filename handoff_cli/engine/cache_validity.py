"""How long a check's result stays true: the span of moments around `as_of` in which no date in the
dossier changes side (a signature or event in the future, a waiver that lapses).

Rules compare dates and times in the file with the moment of the check; nothing else about the
result depends on when it runs. So a cached result is reused for any `as_of` inside its window, and
a file without dates near today keeps its result for as long as its content and settings stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from handoff_cli.core.field_paths import texts
from handoff_cli.core.moments import aware

_DATELIKE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EPOCH = re.compile(r"\d{9,11}(\.\d+)?")  # the schema also reads a date-time written as Unix seconds
FOREVER = (float("-inf"), float("inf"))


def window(data: Any, as_of: datetime, tz: tzinfo) -> tuple[float, float]:
    """(after, until) as POSIX timestamps: the result holds for every as_of with after <= as_of < until."""
    now = as_of.timestamp()
    after, until = FOREVER
    for moment in (flip for _, text in texts(data) for flip in _flips(text.strip(), tz)):
        if moment <= now:
            after = max(after, moment)
        else:
            until = min(until, moment)
    return after, until


def _flips(text: str, tz: tzinfo) -> Iterator[float]:
    """Every moment at which a comparison with a date or time in the file can change its answer.

    A date counts from the start of its day and of the next (a waiver `expires` on its last day);
    a date-time at its own moment, read in `tz` (the deal's zone) when it has no offset."""
    if _EPOCH.fullmatch(text):
        yield float(text)
    elif _DATELIKE.match(text):
        try:
            day = date.fromisoformat(text[:10])
        except ValueError:
            return
        # the calendar's last day has no next day to flip at
        for start in (day, day + timedelta(days=1)) if day < date.max else (day,):
            yield datetime.combine(start, time(), tz).timestamp()
        if len(text) > 10:
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                return
            yield aware(moment, tz).timestamp()
