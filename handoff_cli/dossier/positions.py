"""Where each key and value of a dossier sits in its YAML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from handoff_cli.core.field_paths import FieldPath


@dataclass(frozen=True, slots=True)
class Pos:
    key_line: int
    key_col: int
    value_line: int
    value_col: int
    scalar: bool = True


class Positions:
    """1-based line/column of every key and value, by field path such as ("stakeholders", 0, "email")."""

    def __init__(self) -> None:
        self._by_path: dict[FieldPath, Pos] = {(): Pos(1, 1, 1, 1)}

    def add(self, path: FieldPath, pos: Pos) -> None:
        self._by_path[path] = pos

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Positions) and self._by_path == other._by_path

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by content

    def nearest(self, path: Sequence[str | int]) -> tuple[FieldPath, Pos]:
        """The deepest part of `path` that exists in the file, so a missing field points at its parent."""
        for end in range(len(path), -1, -1):
            found = self._by_path.get(tuple(path[:end]))
            if found is not None:
                return tuple(path[:end]), found
        return (), self._by_path[()]

    def renumbered(self, kept: dict[FieldPath, dict[int, int]]) -> Positions:
        """Positions after items were taken out of lists: `kept` maps, per list, each remaining item's old index
        to its new one; positions inside the items taken out are dropped."""
        moved = Positions()
        for path, pos in self._by_path.items():
            new: list[str | int] = []
            for depth, part in enumerate(path):
                index = kept.get(path[:depth])
                if index is not None and isinstance(part, int):
                    if part not in index:
                        break
                    part = index[part]
                new.append(part)
            else:
                moved.add(tuple(new), pos)
        return moved

    def locate(self, path: Sequence[str | int]) -> tuple[int, int]:
        """A scalar that exists is shown where it is; a list or mapping at its key; a missing value at the key
        of its nearest parent."""
        found, pos = self.nearest(path)
        exact = len(found) == len(path)
        return (pos.value_line, pos.value_col) if exact and pos.scalar else (pos.key_line, pos.key_col)

    def value(self, path: Sequence[str | int]) -> tuple[int, int]:
        _, pos = self.nearest(path)
        return pos.value_line, pos.value_col

    def key(self, path: Sequence[str | int]) -> tuple[int, int]:
        _, pos = self.nearest(path)
        return pos.key_line, pos.key_col
