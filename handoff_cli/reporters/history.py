"""`handoff history` as an aligned text table or versioned JSON; the same figures in both."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any, Protocol

from handoff_cli.core.moments import shown
from handoff_cli.core.printable import printable
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


def text_lines(points: Sequence[Point], zone: tzinfo) -> list[str]:
    rows = [HEADER] + [
        (
            p.version.short,
            _when(p.version.date, zone)[:10],  # the commit's day on the deal's clock
            printable(p.version.author),  # a commit author is whatever the committer typed
            _score(p.result.score.percent if p.result.score else None),
            f"{p.result.min_score:g}" if p.result.score else "-",
            p.verdict,
            _change(p.delta),
        )
        for p in points
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]


def document(
    points: Sequence[Point], *, path: str, as_of: str, shallow: bool, zone: tzinfo
) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "path": path,
        "as_of": as_of,
        "shallow": shallow,  # the clone holds only part of the history: the first commit listed may not be the first
        "commits": [
            {
                "commit": p.version.sha,
                "short": p.version.short,
                "date": _when(p.version.date, zone),
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
    def __call__(
        self, points: Sequence[Point], console: Console, *, path: str, as_of: str, shallow: bool, zone: tzinfo
    ) -> None: ...


def text(points: Sequence[Point], console: Console, *, path: str, as_of: str, shallow: bool, zone: tzinfo) -> None:
    console.out("\n".join(text_lines(points, zone)), highlight=False)


def json_report(
    points: Sequence[Point], console: Console, *, path: str, as_of: str, shallow: bool, zone: tzinfo
) -> None:
    write_json(console, document(points, path=path, as_of=as_of, shallow=shallow, zone=zone))


def _when(date: str, zone: tzinfo) -> str:
    """A commit's time (git's ISO 8601, in its committer's offset) on the deal's clock, with the deal's offset."""
    try:
        return shown(datetime.fromisoformat(date), zone)
    except ValueError:  # not git's strict form: as git gave it
        return date
