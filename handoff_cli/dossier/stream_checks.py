"""Checks on the YAML stream itself, made before (or instead of) composing it: each problem at its own line.

Composing is recursive, so a file nested ten thousand levels deep would take seconds to fail and
then fail at 1:1; reading the parser's events is a loop, and stops at the first level too many.
The same loop reads every document to its end (composing stops at the second) and holds the events
to the YAML rules the parser lets through (dossier/yaml_spec.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
)
from ruamel.yaml.reader import ReaderError

from handoff_cli.core.field_paths import FieldPath, dotted
from handoff_cli.core.findings import Finding
from handoff_cli.core.printable import printable
from handoff_cli.core.visible import char_name
from handoff_cli.dossier.yaml_codes import finding
from handoff_cli.dossier.yaml_spec import SpecCheck

# a directive line; inside a document a `%` cannot start a line, so the first match is a directive
_DIRECTIVE = re.compile(r"^%YAML[ \t]+([^\s#]*)(#?)", re.MULTILINE)


def version_directive(text: str, display: str) -> Finding | None:
    """A `%YAML` directive other than 1.2: the file asks to be read by rules this reader does not follow."""
    found = _DIRECTIVE.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    if found.group(2):
        col = found.start(2) + 1 - found.start()
        return finding(display, "HY001", line, col, "a comment needs a space before its #")
    if found.group(1) == "1.2":
        return None
    message = (
        f"%YAML {found.group(1)} directive: YAML 1.1 tools read NO, on and 0123 as false, true and 83, "
        "handoff reads dossiers as YAML 1.2; delete this line"
    )
    return finding(display, "HY013", line, 1, message)


def unreadable_character(exc: ReaderError, text: str, display: str) -> Finding:
    """A character YAML does not allow anywhere (NUL, most controls), at its own line and column."""
    pos = max(0, min(exc.position, len(text)))
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return finding(display, "HY001", line, col, f"character {char_name(char)} is not allowed in YAML; delete it")


@dataclass
class _Frame:
    path: FieldPath
    mapping: bool
    is_key: bool  # a list or mapping used as a key (HY012 reports it): its end is the key's end
    key: str | int = 0
    expecting_key: bool = True
    index: int = 0


def stream_problem(text: str, display: str, max_depth: int) -> Finding | None:
    """The first problem in the stream, in any document: a syntax error or a YAML rule broken (HY001), or a value
    nested deeper than `max_depth` (HY011, counted as the composer counts); None when there is none."""
    spec = SpecCheck(text)
    stack: list[_Frame] = []
    try:
        for event in YAML(typ="safe").parse(text):
            if spec.see(event):
                break
            if isinstance(event, CollectionEndEvent):
                done = stack.pop()
                if stack:
                    _finished(stack[-1], as_key=done.is_key)
                continue
            if not isinstance(event, ScalarEvent | AliasEvent | CollectionStartEvent):
                continue
            parent = stack[-1] if stack else None
            as_key = parent is not None and parent.mapping and parent.expecting_key
            if parent is not None and as_key and isinstance(event, ScalarEvent):
                parent.key, parent.expecting_key = event.value, False
                continue
            path = _child_path(parent) if parent is not None and not as_key else (parent.path if parent else ())
            if not as_key and len(stack) > max_depth:
                mark = event.start_mark
                message = f"nesting deeper than {max_depth} levels at {dotted(path)}"
                return _first(spec, finding(display, "HY011", mark.line + 1, mark.column + 1, message), display)
            if isinstance(event, CollectionStartEvent):
                stack.append(_Frame(path, isinstance(event, MappingStartEvent), as_key))
            elif parent is not None:
                _finished(parent, as_key=as_key)
    except ReaderError:
        return _first(spec, None, display)  # the composer names the character, at its place
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return _first(spec, finding(display, "HY001", line, col, syntax_message(exc)), display)
    except YAMLError:
        return _first(spec, None, display)
    return _first(spec, None, display)


def _first(spec: SpecCheck, other: Finding | None, display: str) -> Finding | None:
    """The earlier of a YAML rule broken before this point and `other`."""
    broken = spec.violation()
    if broken is None or (other is not None and (other.line, other.col) < broken[:2]):
        return other
    return finding(display, "HY001", *broken)


# ruamel's words for blank lines with spaces at the start of a block scalar, which it cannot read
_BLANK_LEAD = "more indented follow up line than first in a block scalar"


def syntax_message(exc: MarkedYAMLError) -> str:
    # ruamel quotes the character it stopped at as it is: shown escaped, a tab or an ESC stays on the line
    if _BLANK_LEAD in (exc.problem, exc.context):
        return "a blank line at the start of a | or > block holds spaces; leave the blank lines at its start empty"
    problem = printable(exc.problem or "invalid YAML")
    if exc.context:
        mark = exc.context_mark
        opened = (
            f" opened at line {mark.line + 1}, column {mark.column + 1}"
            if mark and exc.problem_mark and mark.line != exc.problem_mark.line
            else ""
        )
        problem = f"{problem} ({exc.context}{opened})"
    if "\\t" in problem:
        problem += "; indent with spaces, not tabs"
    return problem


def _child_path(parent: _Frame) -> FieldPath:
    return (*parent.path, parent.key if parent.mapping else parent.index)


def _finished(parent: _Frame, *, as_key: bool) -> None:
    if parent.mapping:
        parent.expecting_key = not as_key
    else:
        parent.index += 1


def second_document_line(text: str) -> int:
    """The line of the second document's start: its `---`, or its first content when it has none."""
    starts = 0
    try:
        for event in YAML(typ="safe").parse(text):
            if isinstance(event, DocumentStartEvent):
                starts += 1
                if starts == 2:
                    return int(event.start_mark.line) + 1
    except (YAMLError, ReaderError):
        pass
    return 1
