"""One file's check as a compact JSON text: what workers send back and what the cache keeps.

Every result of a run passes through this form, computed or cached alike, so the output cannot
depend on where a result came from. The file's name is not in it (the same content may sit under
two names); it is given back when the entry is read.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

from handoff_cli.gate.copied_text import Print
from handoff_cli.gate.findings import CategoryScore, FileResult, Finding, Score, Severity, Waived


@dataclass(frozen=True, slots=True)
class Entry:
    result: FileResult
    prints: list[Print]
    after: float  # the result holds for as_of in [after, until): see engine/cache_validity.py
    until: float


def dump(result: FileResult, prints: list[Print], after: float, until: float) -> str:
    return json.dumps(
        {
            "f": [
                [f.code, f.name, f.severity.value, f.line, f.col, f.field, f.message, f.why, f.points]
                for f in result.findings
            ],
            "s": None
            if result.score is None
            else [[c.category, c.earned, c.possible] for c in result.score.categories],
            "m": result.min_score,
            "i": [result.deal_id, result.segment, result.stage],
            "w": [[w.code, w.name, w.reason, w.approved_by, w.expires] for w in result.waived],
            "p": prints,
            "t": [_finite(after), _finite(until)],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def load(text: str, display: str) -> Entry:
    """The entry, sharing every string and score that repeats across files: a run over a whole repo
    holds all its results until the end, so each costs little more than its own findings."""
    return _entry(json.loads(text), display)


def _entry(raw: Any, display: str) -> Entry:
    findings = [
        Finding(_i(code), _i(name), Severity(sev), display, line, col, _i(field), message, _i(why), points)
        for code, name, sev, line, col, field, message, why, points in raw["f"]
    ]
    score = None if raw["s"] is None else _score_of(tuple(tuple(c) for c in raw["s"]))
    deal_id, segment, stage = raw["i"]
    waived = [Waived(*w) for w in raw["w"]]
    result = FileResult(display, findings, score, raw["m"], deal_id, _maybe(segment), _maybe(stage), waived)
    after, until = raw["t"]
    return Entry(
        result,
        [(_i(f), d, line, col) for f, d, line, col in raw["p"]],
        float("-inf") if after is None else after,
        float("inf") if until is None else until,
    )


def load_stored(text: str, display: str) -> Entry | None:
    """A cached entry, or None when the text is not one this code wrote (a damaged or foreign row):
    the file is then checked afresh like any miss, and its entry written again."""
    try:
        raw = json.loads(text)
    except ValueError:
        return None
    return _entry(raw, display) if _well_formed(raw) else None


_NUMBER = (int, float)
_FINDING = (str, str, str, int, int, str, str, str, _NUMBER)
_PRINT = (str, int, int, int)


def _rows(value: object, kinds: tuple[type | tuple[type, ...], ...]) -> bool:
    return isinstance(value, list) and all(
        isinstance(row, list)
        and len(row) == len(kinds)
        and all(isinstance(v, k) and not isinstance(v, bool) for v, k in zip(row, kinds, strict=True))
        for row in value
    )


def _well_formed(raw: object) -> bool:
    """Every field of `dump`'s shape, with the types `load` and the reporters take for granted."""
    if not isinstance(raw, dict) or raw.keys() != {"f", "s", "m", "i", "w", "p", "t"}:
        return False
    ident, window = raw["i"], raw["t"]
    return (
        _rows(raw["f"], _FINDING)
        and all(f[2] in Severity._value2member_map_ for f in raw["f"])
        and (raw["s"] is None or _rows(raw["s"], (str, _NUMBER, _NUMBER)))
        and isinstance(raw["m"], _NUMBER)
        and isinstance(ident, list)
        and len(ident) == 3
        and all(v is None or isinstance(v, str) for v in ident)
        and _rows(raw["w"], (str, str, str, str, str))
        and _rows(raw["p"], _PRINT)
        and isinstance(window, list)
        and len(window) == 2
        and all(v is None or isinstance(v, _NUMBER) for v in window)
    )


_i = sys.intern


def _maybe(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


@cache
def _score_of(categories: tuple[tuple[str, float, float], ...]) -> Score:
    return Score(tuple(CategoryScore(*c) for c in categories))


def _score(score: Score | None) -> list[list[object]] | None:
    return None if score is None else [[c.category, c.earned, c.possible] for c in score.categories]


def _finite(moment: float) -> float | None:
    return None if moment in (float("inf"), float("-inf")) else moment
