"""One file's check as a compact JSON text: what workers send back and what the cache keeps.

Every result of a run passes through this form, computed or cached alike, so the output cannot
depend on where a result came from. The file's name is not in it (the same content may sit under
two names); it is given back when the entry is read.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from typing import Any

from handoff_cli.core.findings import CategoryScore, FileResult, Finding, Score, Severity, Waived


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
            "i": [result.deal_id, result.segment, result.stage, result.signed_at],
            "w": [[w.code, w.name, w.reason, w.approved_by, w.expires] for w in result.waived],
            "t": [_finite(after), _finite(until)],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def read(text: str) -> Any:
    """An entry just computed, as data: `passed`, `holds` and `result` take it from here."""
    return json.loads(text)


def stored(text: str) -> Any | None:
    """A cached entry as data, or None when the text is not one this code wrote (a damaged or foreign
    row): the file is then checked afresh like any miss, and its entry written again."""
    try:
        raw = json.loads(text)
    except ValueError:
        return None
    return raw if _well_formed(raw) else None


def passed(raw: Any) -> bool:
    """As FileResult.passed, without building the result."""
    return not any(f[2] == "error" for f in raw["f"])


def holds(raw: Any, as_of: float) -> bool:
    """Whether the result is still true at `as_of` (see engine/cache_validity.py)."""
    after, until = raw["t"]
    return (after is None or after <= as_of) and (until is None or as_of < until)


def result(text: str, display: str) -> FileResult:
    """The result, sharing every string and score that repeats across files: JSON and SARIF hold every
    result of a run at once, so each costs little more than its own findings."""
    raw = json.loads(text)
    findings = [
        Finding(_i(code), _i(name), Severity(sev), display, line, col, _i(field), message, _i(why), points)
        for code, name, sev, line, col, field, message, why, points in raw["f"]
    ]
    score = None if raw["s"] is None else _score_of(tuple(tuple(c) for c in raw["s"]))
    deal_id, segment, stage, signed_at = raw["i"]
    waived = [Waived(*w) for w in raw["w"]]
    return FileResult(display, findings, score, raw["m"], deal_id, _maybe(segment), _maybe(stage), waived, signed_at)


_KEYS = {"f", "s", "m", "i", "w", "t"}
_SEVERITIES = frozenset(s.value for s in Severity)
_NUMBER = (int, float)


def _well_formed(raw: Any) -> bool:
    """Every field of `dump`'s shape, with the types `result` and the reporters take for granted.

    One generator per list with exact type tests, no loop over columns: this runs for every cached
    file of a run."""
    if type(raw) is not dict or raw.keys() != _KEYS:
        return False
    found, score, ident, window, waived = raw["f"], raw["s"], raw["i"], raw["t"], raw["w"]
    return (
        type(found) is list
        and all(
            type(f) is list and len(f) == 9 and type(f[0]) is str and type(f[1]) is str and f[2] in _SEVERITIES
            and type(f[3]) is int and type(f[4]) is int and type(f[5]) is str and type(f[6]) is str
            and type(f[7]) is str and type(f[8]) in _NUMBER
            for f in found
        )
        and (score is None or (type(score) is list and all(
            type(c) is list and len(c) == 3 and type(c[0]) is str and type(c[1]) in _NUMBER and type(c[2]) in _NUMBER
            for c in score
        )))
        and type(ident) is list and len(ident) == 4 and all(v is None or type(v) is str for v in ident)
        and type(window) is list and len(window) == 2 and all(v is None or type(v) in _NUMBER for v in window)
        and type(raw["m"]) in _NUMBER
        and type(waived) is list and all(
            type(w) is list and len(w) == 5 and all(type(v) is str for v in w) for w in waived
        )
    )  # fmt: skip


_i = sys.intern


def _maybe(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


@cache
def _score_of(categories: tuple[tuple[str, float, float], ...]) -> Score:
    return Score(tuple(CategoryScore(*c) for c in categories))


def _finite(moment: float) -> float | None:
    return None if moment in (float("inf"), float("-inf")) else moment
