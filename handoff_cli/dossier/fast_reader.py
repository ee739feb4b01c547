"""The fast way to read a clean dossier: libyaml's C parser, events straight to data and positions.

It accepts only what needs no finding: one mapping document of untagged, unanchored scalars,
lists and mappings with unique plain keys, within the depth limit. Anything else (or any
parser error) returns None and the careful composer in dossier/careful_reader.py reads the file, so every
finding, its wording and its position come from one place. Both readers yield the same data
and positions for a clean file (tests/unit/dossier/test_fast_reader.py holds them to it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from handoff_cli.core.field_paths import FieldPath
from handoff_cli.dossier.positions import Pos, Positions
from handoff_cli.dossier.yaml_spec import SpecCheck

# BaseLoader resolves no types, so every scalar stays the text that was typed; without libyaml
# (a PyYAML built from source without it) the careful reader alone is used, still correct.
_PARSER: type[Any] | None = getattr(yaml, "CBaseLoader", None)

# YAML 1.1 (libyaml) counts these as line breaks and YAML 1.2 (ruamel) does not: lines would differ
_ODD_BREAKS = ("\x85", "\u2028", "\u2029")
# libyaml takes a tab as separating space where ruamel refuses it (`key\t: value`), so a file with a
# tab would pass here and fail when `handoff log` composes it; the careful reader decides
_TAB = "\t"
# a block scalar whose first line holds only spaces: ruamel measures the lines after it against it, libyaml
# against the first line of text, so one of them refuses what the other reads
_BLANK_LEAD = re.compile(r"[|>][-+0-9]*[ \t]*(?:#[^\n]*)?\r?\n +\r?\n")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))  # YAML 1.2 core schema, as the careful reader resolves


class _Unusual(Exception):
    """Something a finding may be about: leave the file to the careful reader."""


def fast_load(text: str, max_depth: int) -> tuple[Any, Positions] | None:
    if _PARSER is None or _TAB in text or any(mark in text for mark in _ODD_BREAKS):
        return None
    if text.startswith("%") or "\n%" in text:
        return None  # a directive: libyaml would take %YAML 1.1 silently, the careful reader reports it
    if _BLANK_LEAD.search(text):
        return None
    events = yaml.parse(text, Loader=_PARSER)
    try:
        reader = _Reader(events, max_depth, SpecCheck(text))
        data = reader.document()
    except (_Unusual, yaml.YAMLError, RecursionError):
        return None
    return None if reader.spec.violation() is not None else (data, reader.positions)


class _Reader:
    def __init__(self, events: Iterator[Any], max_depth: int, spec: SpecCheck) -> None:
        self.events = events
        self.max_depth = max_depth
        self.positions = Positions()
        self.spec = spec  # a YAML rule libyaml lets through: the careful reader reports it

    def next(self) -> Any:
        event = next(self.events)
        if self.spec.see(event):
            raise _Unusual
        if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
            raise _Unusual
        return event

    def document(self) -> dict[str, Any]:
        if not isinstance(self.next(), yaml.StreamStartEvent) or not isinstance(self.next(), yaml.DocumentStartEvent):
            raise _Unusual
        root = self.next()
        if not isinstance(root, yaml.MappingStartEvent):
            raise _Unusual
        data = self.mapping((), 0)
        if not isinstance(self.next(), yaml.DocumentEndEvent) or not isinstance(self.next(), yaml.StreamEndEvent):
            raise _Unusual  # a second document
        return data

    def value(self, event: Any, path: FieldPath, depth: int) -> Any:
        if depth > self.max_depth:
            raise _Unusual
        if isinstance(event, yaml.ScalarEvent):
            return None if event.style == "" and event.value in _NULLS else event.value
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path, depth)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(event := self.next(), yaml.SequenceEndEvent):
                items.append(self.child(event, event, (*path, len(items)), depth))
            return items
        raise _Unusual  # an alias

    def mapping(self, path: FieldPath, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while not isinstance(key := self.next(), yaml.MappingEndEvent):
            if not isinstance(key, yaml.ScalarEvent) or key.value in out or key.value == "<<":
                raise _Unusual
            if key.value == "" and key.style == "":
                raise _Unusual  # an empty key (`?` alone): libyaml places it at what follows, ruamel at the `?`
            out[key.value] = self.child(key, self.next(), (*path, key.value), depth)
        return out

    def child(self, key: Any, value: Any, path: FieldPath, depth: int) -> Any:
        # as in compose._Walk.child: an empty value is shown at its key
        empty = isinstance(value, yaml.ScalarEvent) and value.value == "" and value.style == ""
        k, v = key.start_mark, (key if empty else value).start_mark
        scalar = isinstance(value, yaml.ScalarEvent)
        self.positions.add(path, Pos(k.line + 1, k.column + 1, v.line + 1, v.column + 1, scalar))
        return self.value(value, path, depth + 1)
