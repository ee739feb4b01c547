"""The reporter contract: render a CheckResult onto a console, and nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console

    from handoff_cli.findings import CheckResult


class Reporter(Protocol):
    def __call__(self, result: CheckResult, console: Console, *, explain: bool) -> None: ...
