"""`handoff history` as an aligned text table or versioned JSON; the same figures in both."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from handoff_cli.gate.score_history import Point
from handoff_cli.reporters.base import write_json

if TYPE_CHECKING:
    from rich.console import Console

FORMAT_VERSION = 1
HEADER = ("commit", "date", "author", "score", "min", "result", "change")


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _change(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


def text_lines(points: Sequence[Point]) -> list[str]:
    rows = [HEADER] + [
        (
            p.version.short,
            p.version.date[:10],
            p.version.author,
            _score(p.result.score.percent if p.result.score else None),
            f"{p.result.min_score:g}" if p.result.score else "-",
            p.verdict,
            _change(p.delta),
        )
        for p in points
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]


def document(points: Sequence[Point], *, path: str, as_of: str) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "path": path,
        "as_of": as_of,
        "commits": [
            {
                "commit": p.version.sha,
                "short": p.version.short,
                "date": p.version.date,
                "author": p.version.author,
                "file": p.version.name,
                "valid": p.result.score is not None,
                "score": p.result.score.percent if p.result.score else None,
                "min_score": p.result.min_score if p.result.score else None,
                "passed": p.verdict == "pass",
                "delta": p.delta,
            }
            for p in points
        ],
    }


class HistoryReporter(Protocol):
    def __call__(self, points: Sequence[Point], console: Console, *, path: str, as_of: str) -> None: ...


def text(points: Sequence[Point], console: Console, *, path: str, as_of: str) -> None:
    console.out("\n".join(text_lines(points)), highlight=False)


def json_report(points: Sequence[Point], console: Console, *, path: str, as_of: str) -> None:
    write_json(console, document(points, path=path, as_of=as_of))
