"""Text pasted from another deal: the same answer, word for word, in the same field of two dossiers.

Only the narrative answers are compared (the fields `min_words` lists: why us, why now, the
problem, how objections were handled, …); names, tools and dates repeat across deals honestly.
Each file is reduced to fingerprints (field, hash of its normalised text, position) when it is
checked, so comparing a whole repo needs a dictionary of integers, never the texts themselves;
fingerprints are kept in the result cache with the rest of a file's result.

"""

from __future__ import annotations

import re
from array import array
from collections.abc import Collection, Iterable, Sequence
from hashlib import blake2b
from typing import Any

from handoff_cli.core.codes import CODES
from handoff_cli.core.field_paths import pattern, texts
from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.positions import Positions

# A repeat of a short answer can be a coincidence; a pasted paragraph is not.
MIN_WORDS = 6
_SPACE = re.compile(r"\s+")

_PARTS = 16  # digests are 64 bits: the top four pick the slice
Print = tuple[str, int, int, int]  # field pattern, text hash, line, col


def fingerprints(data: Any, positions: Positions, fields: Collection[str]) -> list[Print]:
    found: list[Print] = []
    for path, value in texts(data):
        text = _SPACE.sub(" ", value).strip().casefold()
        field = pattern(path)
        if field in fields and text.count(" ") + 1 >= MIN_WORDS:
            digest = int.from_bytes(blake2b(f"{field}\0{text}".encode(), digest_size=8).digest(), "big")
            found.append((field, digest, *positions.locate(path)))
    return found


class CopyIndex:
    """Every file's fingerprints in flat arrays (a few dozen bytes a text), to compare a whole repo at the end."""

    def __init__(self) -> None:
        self._fields: list[str] = []
        self._field_ids: dict[str, int] = {}
        self._digest = array("Q")
        self._file = array("L")
        self._field = array("H")
        self._line = array("L")
        self._col = array("L")

    def add(self, index: int, prints: Iterable[Print]) -> None:
        for field, digest, line, col in prints:
            self._digest.append(digest)
            self._file.append(index)
            self._field.append(self._field_ids.setdefault(field, len(self._field_ids)))
            if len(self._fields) < len(self._field_ids):
                self._fields.append(field)
            self._line.append(line)
            self._col.append(col)

    def copied(self, displays: Sequence[str]) -> dict[int, list[Finding]]:
        """File index -> a warning per field whose text another file holds too, naming the first other file
        (in the order the files were given, so the result does not depend on how the work was split)."""
        shared: set[int] = set()
        # a pass per slice of the hash range keeps the set of texts seen small on a repo of any size
        for part in range(_PARTS):
            seen: set[int] = set()
            for digest in self._digest:
                if digest >> 60 == part:
                    (shared if digest in seen else seen).add(digest)
        holders: dict[int, list[int]] = {}  # only the shared texts: the files holding each, in order
        at = [k for k, digest in enumerate(self._digest) if digest in shared]
        for k in sorted(at, key=lambda k: self._file[k]):
            files = holders.setdefault(self._digest[k], [])
            if self._file[k] not in files:
                files.append(self._file[k])
        found: dict[int, list[Finding]] = {}
        name, why = CODES["HF002"].name, CODES["HF002"].why
        for k in at:
            index, field = self._file[k], self._fields[self._field[k]]
            others = [i for i in holders[self._digest[k]] if i != index]
            if not others:  # the same text twice in one file is not a copy from another deal
                continue
            message = f"{field}: the same text as in {displays[others[0]]}; write what is true of this deal"
            finding = Finding(
                "HF002", name, Severity.WARNING, displays[index], self._line[k], self._col[k], field, message, why
            )
            found.setdefault(index, []).append(finding)
        return found
