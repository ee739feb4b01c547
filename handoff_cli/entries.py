"""One file's check as a compact JSON text: what workers send back and what the cache keeps.

Every result of a run passes through this form, computed or cached alike, so the output cannot
depend on where a result came from. The file's name is not in it (the same content may sit under
two names); it is given back when the entry is read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from handoff_cli.copies import Print
from handoff_cli.findings import CategoryScore, FileResult, Finding, Score, Severity, Waived


@dataclass(frozen=True, slots=True)
class Entry:
    result: FileResult
    prints: list[Print]
    after: float  # the result holds for as_of in [after, until): see window.py
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
    raw = json.loads(text)
    findings = [
        Finding(code, name, Severity(sev), display, line, col, field, message, why, points)
        for code, name, sev, line, col, field, message, why, points in raw["f"]
    ]
    score = None if raw["s"] is None else Score(tuple(CategoryScore(*c) for c in raw["s"]))
    deal_id, segment, stage = raw["i"]
    waived = [Waived(*w) for w in raw["w"]]
    result = FileResult(display, findings, score, raw["m"], deal_id, segment, stage, waived)
    after, until = raw["t"]
    return Entry(
        result,
        [(str(f), int(d), int(line), int(col)) for f, d, line, col in raw["p"]],
        float("-inf") if after is None else after,
        float("inf") if until is None else until,
    )


def _score(score: Score | None) -> list[list[object]] | None:
    return None if score is None else [[c.category, c.earned, c.possible] for c in score.categories]


def _finite(moment: float) -> float | None:
    return None if moment in (float("inf"), float("-inf")) else moment
