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


def write_json(console: Console, document: Any) -> None:
    """A JSON document on the console's stream, indented by two spaces. orjson encodes it in C: the standard
    library indents in pure Python, a tenth of a warm report over a repo. A document orjson refuses (a lone
    surrogate, from a file name that is not UTF-8) is written by the standard library instead, the same way."""
    import orjson

    try:
        data = orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    except orjson.JSONEncodeError:
        text = json.dumps(document, indent=2, ensure_ascii=False)
        console.file.write(_utf8(text) + "\n")
        return
    buffer = getattr(console.file, "buffer", None)
    if buffer is not None:  # a real stream: the bytes as they are, with no second copy as text
        console.file.flush()
        buffer.write(data)
        buffer.write(b"\n")
        buffer.flush()
    else:
        console.file.write(data.decode("utf-8") + "\n")


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
