"""A progress bar for long runs, shown only to a person watching a terminal."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")
# below this many files a run is over before a bar would be worth drawing
MIN_ITEMS = 20


def progress(items: Sequence[T], console: Console, *, label: str = "checking") -> Sequence[T] | Iterator[T]:
    """`items` unchanged when stdout is not a terminal (pipes, CI, pre-commit) or the run is short; otherwise an
    iterator that draws a bar and erases it when done, so the report below reads as if it had never been there."""
    if not console.is_terminal or len(items) <= MIN_ITEMS:
        return items
    return _with_bar(items, console, label)


def _with_bar(items: Sequence[T], console: Console, label: str) -> Iterator[T]:
    columns = (TextColumn(f"{label}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        yield from bar.track(items, total=len(items))
