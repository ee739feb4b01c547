"""Where each key and value of a dossier sits in its YAML, and "did you mean" for mistyped keys."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel

FieldPath = tuple[str | int, ...]


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


def dotted(path: Iterable[str | int]) -> str:
    """("stakeholders", 0, "email") -> "stakeholders[0].email", the form findings and docs use."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def texts(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text answer in loaded data, with its field path, in file order."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def pattern(path: Iterable[str | int]) -> str:
    """("stakeholders", 2, "why") -> "stakeholders[].why": one field whatever the list item, as settings name it."""
    return "".join("[]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))


def did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def keys_at(model: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    """The keys a model accepts at `path` (by alias), following nested models through lists and optionals."""
    current = _unwrap(_annotation_at(model, path))
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def choices_at(model: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    """The values a choice field accepts, e.g. ("risks", "register", 0, "severity") -> low, medium, high, critical."""
    current = _unwrap(_annotation_at(model, path))
    if isinstance(current, type) and issubclass(current, Enum):
        return [str(member.value) for member in current]
    return []


def _annotation_at(model: type[BaseModel], path: Sequence[str | int]) -> object:
    current: object = model
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return None
        current = field.annotation
    return current


def sections_with(model: type[BaseModel], key: str, prefix: str = "") -> list[str]:
    """Where in the model `key` is a valid key, e.g. 'csm' -> ['deal']: the hint for a mis-indented block."""
    found: list[str] = []
    for name, field in model.model_fields.items():
        alias = field.alias or name
        if alias == key and prefix:
            found.append(prefix)
        inner = _unwrap(field.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            found += sections_with(inner, key, f"{prefix}.{alias}" if prefix else alias)
    return found


def _unwrap(annotation: object) -> object:
    """list[X] -> X, X | None -> X, Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin in (list, typing.Union, types.UnionType, typing.Annotated) and args:
            annotation = args[0]
        else:
            return annotation
