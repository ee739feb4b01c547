"""Text from a deals repo (a file name above all) as it may reach a terminal or a CI log.

A file name may hold any byte but `/` and NUL: a newline would split one finding into two lines (or
start a `::command::` line in a CI log), an ESC would recolour the terminal, a bidi override would
reorder what follows. Every human-readable output passes names through `printable`, which writes
each such character as a visible escape, the way Python writes it in a string literal (`\\n`,
`\\x1b`, `\\u202e`). Bytes that are not UTF-8 come back as the byte they were (`\\xff`).
"""

from __future__ import annotations

from functools import lru_cache


def printable(text: str) -> str:
    if text.isprintable():  # the usual case costs one scan in C
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


@lru_cache(maxsize=256)
def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return repr(char)[1:-1]
