"""Free text holding a bidi control or zero-width character: still a valid answer, but what a reader sees is not
what is stored, so it is warned about where it is. One-line fields refuse these characters outright (HV015)."""

from __future__ import annotations

from typing import Any

from handoff_cli.core.codes import CODES
from handoff_cli.core.field_paths import dotted, texts
from handoff_cli.core.findings import Finding, Severity
from handoff_cli.core.visible import char_name, hidden_in, quoted
from handoff_cli.dossier.positions import Positions

CODE = "HV016"
NAME, WHY = CODES[CODE].name, CODES[CODE].why


def hidden_text(data: Any, positions: Positions, display: str, refused: set[str]) -> list[Finding]:
    """A warning for each text answer with an invisible character, bar the fields in `refused` (already errors)."""
    found = []
    for loc, text in texts(data):
        field = dotted(loc)
        if field in refused or (hidden := hidden_in(text)) is None:
            continue
        line, col = positions.value(loc)
        message = (
            f"{field}: {quoted(text, 40, named=False)} holds {char_name(hidden)}, which shows nothing or reorders "
            "the text around it; delete it unless the text needs it"
        )
        found.append(Finding(CODE, NAME, Severity.WARNING, display, line, col, field, message, WHY))
    return found
