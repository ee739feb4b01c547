"""Text pasted from another deal: the same answer, word for word, in the same field of two dossiers.

Only the narrative answers are compared (the fields `min_words` lists: why us, why now, the
problem, how objections were handled, …); names, tools and dates repeat across deals honestly.
Each file is reduced to fingerprints (field, hash of its normalised text, position) when it is
checked, so comparing a whole repo needs a dictionary of integers, never the texts themselves;
fingerprints are kept in the result cache with the rest of a file's result.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from hashlib import blake2b
from typing import Any

from handoff_cli.filler import FILLER_CODES
from handoff_cli.findings import Finding, Severity
from handoff_cli.positions import FieldPath, Positions, pattern

# A repeat of a short answer can be a coincidence; a pasted paragraph is not.
MIN_WORDS = 6
_SPACE = re.compile(r"\s+")

Print = tuple[str, int, int, int]  # field pattern, text hash, line, col


def fingerprints(data: Any, positions: Positions, fields: Collection[str]) -> list[Print]:
    found: list[Print] = []
    for path, text in _texts(data, ()):
        field = pattern(path)
        if field in fields:
            digest = int.from_bytes(blake2b(f"{field}\0{text}".encode(), digest_size=8).digest(), "big")
            found.append((field, digest, *positions.locate(path)))
    return found


def _texts(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, str):
        text = _SPACE.sub(" ", value).strip().casefold()
        if text.count(" ") + 1 >= MIN_WORDS:
            yield path, text


def copied(files: Sequence[tuple[str, Sequence[Print]]]) -> dict[int, list[Finding]]:
    """File index -> a warning per field whose text another file holds too, naming the first such file
    in the order given (so the result does not depend on how the work was split)."""
    first: dict[int, int] = {}  # text hash -> index of the first file holding it
    second: dict[int, int] = {}  # only for texts held twice or more: the next file holding it
    for index, (_, prints) in enumerate(files):
        for _, digest, _, _ in prints:
            if first.setdefault(digest, index) != index:
                second.setdefault(digest, index)
    found: dict[int, list[Finding]] = {}
    name, why = FILLER_CODES["HF002"]
    for index, (display, prints) in enumerate(files):
        for field, digest, line, col in prints:
            if digest not in second:
                continue
            other = files[first[digest] if first[digest] != index else second[digest]][0]
            message = f"{field}: the same text as in {other}; write what is true of this deal"
            found.setdefault(index, []).append(
                Finding("HF002", name, Severity.WARNING, display, line, col, field, message, why)
            )
    return found
