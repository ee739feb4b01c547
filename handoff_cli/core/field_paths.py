"""Field paths such as ("stakeholders", 0, "email"), their written forms, and what a model accepts at one;
"did you mean" for a mistyped key or value."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from enum import Enum

from pydantic import BaseModel

FieldPath = tuple[str | int, ...]


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
