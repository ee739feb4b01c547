"""The reporter contract: render a CheckResult onto a console, and nothing else."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Protocol

from handoff_cli.core.printable import printable

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
            stream.write(_utf8("".join(pending)))
            pending.clear()
    stream.write(_utf8("".join(pending)) + "\n")


def write_text(console: Console, text: str, *, end: str = "\n") -> None:
    """A whole document as it is: on a terminal through the console, elsewhere (a pipe, a file, --out) written
    at once, since laying out a report of thousands of deals line by line takes longer than building it."""
    if console.is_terminal:
        console.out(text, highlight=False, end=end)
    else:
        console.file.write(_utf8(text) + end)


# a file name that is not UTF-8 holds undecodable bytes as lone surrogates, which no UTF-8 stream
# (and no JSON reader) accepts; they only ever occur inside a string, where `\\xff` is plain text
_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(text: str) -> str:
    return _SURROGATE.sub(lambda m: "\\\\" + printable(m.group())[1:], text)
