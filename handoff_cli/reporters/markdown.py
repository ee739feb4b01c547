"""Dossier text inside a Markdown table cell, shown as text whatever it holds."""

from __future__ import annotations

import html
import re

# HTML is shown, not run; `|` and a line break cannot end the cell or the row; a backtick cannot
# open a code span that swallows the rest of the row
_MD_ESCAPES = str.maketrans({"\\": "\\\\", "|": "\\|", "`": "\\`"})
_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")


def cell(text: str) -> str:
    return _BREAKS.sub("<br>", html.escape(text, quote=False).translate(_MD_ESCAPES))
