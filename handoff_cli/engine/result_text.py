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

from handoff_cli.core.findings import CategoryScore, FileResult, Finding, Score, Severity, Waived


@dataclass(frozen=True, slots=True)
class Entry:
    result: FileResult
    after: float  # the result holds for as_of in [after, until): see engine/cache_validity.py
    until: float


def dump(result: FileResult, after: float, until: float) -> str:
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
            "t": [_finite(after), _finite(until)],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def load(text: str, display: str) -> Entry:
    """The entry, sharing every string and score that repeats across files: a run over a whole repo
    holds all its results until the end, so each costs little more than its own findings."""
    raw = json.loads(text)
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
        float("-inf") if after is None else after,
        float("inf") if until is None else until,
    )


_i = sys.intern


def _maybe(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


@cache
def _score_of(categories: tuple[tuple[str, float, float], ...]) -> Score:
    return Score(tuple(CategoryScore(*c) for c in categories))


def _finite(moment: float) -> float | None:
    return None if moment in (float("inf"), float("-inf")) else moment
