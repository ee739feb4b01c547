"""A progress bar for long runs, on stderr, shown only to a person watching a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from handoff_cli.cli.options import Verbosity, no_color, verbosity

# below this many files a run is over before a bar would be worth drawing
MIN_ITEMS = 20
# below this many files indexing takes well under a second: not worth a line in a hook's or a CI job's output
INDEX_NOTE_FROM = 100


@contextmanager
def progress(total: int, console: Console | None = None, *, label: str = "checking") -> Iterator[Callable[[], None]]:
    """A function to call as each item is done. It draws a bar on stderr when stderr is a terminal (not in
    CI or pre-commit), even with stdout sent to a file, and the run is long; it erases the bar when done,
    so the report reads as if it had never been there."""
    console = console or Console(stderr=True, highlight=False, color_system=None if no_color() else "auto")
    if not console.is_terminal or total <= MIN_ITEMS or verbosity() is Verbosity.QUIET:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


@contextmanager
def indexing(total: int) -> Iterator[Callable[[], None]]:
    """The first run in a repo (or after an upgrade) reads the other dossiers once for copied text: said on
    stderr, as stdout holds the report, with a bar when stderr is a terminal."""
    if total < INDEX_NOTE_FROM or verbosity() is Verbosity.QUIET:
        yield lambda: None
        return
    typer.echo(f"handoff: indexing {total:,} dossiers for copied text", err=True)
    with progress(total, label="indexing") as advance:
        yield advance
