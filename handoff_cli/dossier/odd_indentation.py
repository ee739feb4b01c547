"""Indentation with a look-alike space (a no-break space pasted from a web page or a chat), found before reading."""

from __future__ import annotations

import re

from handoff_cli.core.findings import Finding
from handoff_cli.core.printable import printable
from handoff_cli.core.visible import char_name
from handoff_cli.dossier.yaml_codes import finding

# leading blanks holding a space other than U+0020 or a tab
_ODD_INDENT = re.compile(r"^[ \t]*([^\S\r\n \t])", re.MULTILINE)


def odd_indentation(text: str, display: str) -> Finding | None:
    """A line indented with a look-alike space: YAML reads it as text, not indentation, so the line joins the one
    above or breaks the file somewhere below; either way the space is the cause, so it is named where it is."""
    found = _ODD_INDENT.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start(1)) + 1
    col = found.start(1) - (text.rfind("\n", 0, found.start(1)) + 1) + 1
    message = f"{char_name(found.group(1))} in the indentation ({printable(found.group(1))}); indent with plain spaces"
    return finding(display, "HY001", line, col, message)
