"""Text as a person can check it: characters that show nothing, or act instead of showing, written as escapes
(`\\u200b`, by the one escaping rule of `printable`) and named (`U+200B ZERO WIDTH SPACE`), for every message
that quotes what was typed."""

from __future__ import annotations

import re
import unicodedata

from handoff_cli.core.printable import printable

# embeddings, overrides and isolates reorder the text around them, so a line reads differently on screen than
# it is stored ("Trojan Source"); zero-width characters show nothing, so two texts that look alike differ
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
HIDDEN = BIDI_CONTROLS | ZERO_WIDTH
# one search in C: every one-line field of every dossier is looked through, also each time one is read back
_HIDDEN = re.compile("[" + "".join(sorted(HIDDEN)) + "]")
_NAMED_AT_MOST = 3


def hidden_in(text: str) -> str | None:
    """The first bidi control or zero-width character in `text`, if any."""
    found = _HIDDEN.search(text)
    return found.group() if found else None


def char_name(ch: str) -> str:
    """'\\u202e' -> 'U+202E RIGHT-TO-LEFT OVERRIDE'; a control character has no Unicode name, only its number."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}" if name else f"U+{ord(ch):04X}"


def unseen(text: str) -> list[str]:
    """The distinct characters of `text` that do not show as themselves (what `printable` escapes), in order."""
    # isprintable() is false for controls, format characters (every one in HIDDEN) and every space but the plain one
    return list(dict.fromkeys(ch for ch in text if not ch.isprintable() and ch not in "\t\n"))


def quoted(text: str, limit: int | None = None, *, named: bool = True) -> str:
    """`text` in quotes as a message shows it: escaped, cut after `limit` characters, and followed by the names
    of the characters that do not show (unless the message names them itself), e.g.
    `'Acme\\u202eCorp' (U+202E RIGHT-TO-LEFT OVERRIDE)`."""
    shown = printable(text)
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 3] + "..."
    quote = '"' if "'" in shown and '"' not in shown else "'"
    names = unseen(text) if named else []
    if not names:
        return f"{quote}{shown}{quote}"
    listed = ", ".join(char_name(ch) for ch in names[:_NAMED_AT_MOST])
    more = f" and {len(names) - _NAMED_AT_MOST} more" if len(names) > _NAMED_AT_MOST else ""
    return f"{quote}{shown}{quote} ({listed}{more})"
