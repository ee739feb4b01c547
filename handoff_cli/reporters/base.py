"""The reporter contract: render a CheckResult onto a console, and nothing else."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from rich.console import Console

    from handoff_cli.core.findings import CheckResult


class Reporter(Protocol):
    def __call__(self, result: CheckResult, console: Console, *, explain: bool) -> None: ...


def write_json(console: Console, document: Any, *, indent: int = 2) -> None:
    """A JSON document on the console's stream, piece by piece: a report on a whole repo can be tens
    of megabytes, and passing it through the console as one string would hold it several times over."""
    stream, pending = console.file, []
    for piece in json.JSONEncoder(indent=indent, ensure_ascii=False).iterencode(document):
        pending.append(piece)
        if len(pending) >= 4096:  # the encoder yields tiny pieces; writing each one alone is slow
            stream.write("".join(pending))
            pending.clear()
    stream.write("".join(pending) + "\n")
