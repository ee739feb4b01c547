"""Where a mistake in handoff.toml is: line and column of a syntax error or of the setting it is about, and the
range a bounded number must fall in. tomllib keeps no positions, so a setting is found by its key."""

from __future__ import annotations

import re
import tomllib
import typing
from collections.abc import Sequence

from pydantic import BaseModel

_AT = re.compile(r"^(?P<what>.*?) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$")


def syntax_position(exc: tomllib.TOMLDecodeError, text: str) -> tuple[str, int, int]:
    """('Invalid value', 2, 5) from tomllib's 'Invalid value (at line 2, column 5)'."""
    found = _AT.match(str(exc))
    if found is None:
        return str(exc), 1, 1
    if found["line"] is None:  # the end of the file: its last line
        lines = text.splitlines() or [""]
        return found["what"], len(lines), len(lines[-1]) + 1
    return found["what"], int(found["line"]), int(found["col"])


def key_position(text: str, loc: Sequence[str | int]) -> tuple[int | None, int]:
    """Line and column of the setting at `loc` (its last key, or the [table] naming it), for messages only."""
    key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    if not key:
        return None, 1
    pattern = re.compile(rf"^\s*(\[[^\]]*\b{re.escape(key)}\b[^\]]*\]|[\"']?{re.escape(key)}[\"']?\s*=)")
    for number, line in enumerate(text.splitlines(), start=1):
        if found := pattern.match(line):
            return number, found.start(1) + 1
    return None, 1


def bounds(model: type[BaseModel], loc: Sequence[str | int]) -> str:
    """'from 4 to 64' for a number setting with bounds, read from its field's constraints."""
    annotation: object = model
    metadata: list[object] = []
    for part in loc:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and str(part) in annotation.model_fields:
            field = annotation.model_fields[str(part)]
            annotation, metadata = field.annotation, list(field.metadata)
        elif typing.get_origin(annotation) in (dict, list):
            annotation = typing.get_args(annotation)[-1]
            metadata = []
        if typing.get_origin(annotation) is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata = [*metadata, *(m for e in extra for m in getattr(e, "metadata", [e]))]
    ge, gt, le, lt = (next((getattr(m, k) for m in metadata if getattr(m, k, None) is not None), None)
                      for k in ("ge", "gt", "le", "lt"))
    if ge is not None and le is not None:
        return f"from {ge} to {le}"
    low = f"at least {ge}" if ge is not None else f"over {gt}" if gt is not None else ""
    high = f"at most {le}" if le is not None else f"under {lt}" if lt is not None else ""
    return f"{low} and {high}" if low and high else low or high


def value_position(text: str, table: str, value: str) -> tuple[int | None, int]:
    """Line and column of the quoted `value` in a list under `[table]` (e.g. 'kinds.expansion'), else anywhere in
    the file: where a name the settings hold is wrong, for settings checked after loading (rule names)."""
    quoted = re.compile(rf"([\"']){re.escape(value)}\1")
    header = re.compile(rf"^\s*\[[^\]]*\b{re.escape(table)}\]")
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if header.match(line)), None)
    if start is not None:
        for number, line in enumerate(lines[start + 1:], start=start + 2):
            if line.lstrip().startswith("["):
                break  # the next table: the value is not in this one
            if found := quoted.search(line):
                return number, found.start() + 1
    for number, line in enumerate(lines, start=1):  # a dotted key or an inline table elsewhere
        if found := quoted.search(line):
            return number, found.start() + 1
    return None, 1
