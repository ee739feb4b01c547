"""Placeholder answers ("TBD", "N/A", "see notes" …) are not answers: they are taken out before the
schema and the rules see the dossier, so they score as missing, and each is reported where it stands.
A placeholder where an answer is required empties the part that needs it (dossier/empty_required.py)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from handoff_cli.core.codes import CODES
from handoff_cli.core.field_paths import FieldPath, dotted
from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.positions import Positions

_BLANKS = re.compile("[-\u2013\u2014?.\u2026_*/\\s]+")  # dashes, dots, ellipsis, question marks
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _EDGES.sub("", " ".join(folded.split()))


@lru_cache(maxsize=8)
def patterns(filler: tuple[str, ...]) -> frozenset[str]:
    """The normalised placeholder list, computed once per run rather than once per file."""
    return frozenset(normalise(f) for f in filler)


def is_filler(text: str, patterns: frozenset[str]) -> bool:
    core = normalise(text)
    if core == "":  # only symbols: "-" and "?" are placeholders, "%" or "$" are real units
        return _BLANKS.fullmatch(text) is not None
    return core in patterns or core.startswith("lorem ipsum")


def strip_filler(data: Any, positions: Positions, patterns: frozenset[str], display: str) -> tuple[Any, list[Finding]]:
    """A copy of `data` with None for each placeholder value, and a finding for each one."""
    found: list[Finding] = []

    def walk(value: Any, path: FieldPath) -> Any:
        if isinstance(value, str) and is_filler(value, patterns):
            line, col = positions.value(path)
            name, why = CODES["HF001"].name, CODES["HF001"].why
            message = f"{dotted(path)}: {value.strip()!r} is a placeholder, counted as not answered"
            found.append(Finding("HF001", name, Severity.WARNING, display, line, col, dotted(path), message, why))
            return None
        if isinstance(value, dict):
            return {k: walk(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            # a placeholder item stays as None for now: dossier/empty_required.py takes such items out and
            # renumbers the positions of the rest (a list of only placeholders is unanswered, not "none")
            return [walk(v, (*path, i)) for i, v in enumerate(value)]
        return value

    return walk(data, ()), found
