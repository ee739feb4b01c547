"""YAML 1.2 rules that libyaml and ruamel both let through, checked over a stream's events.

Both parsers read these as something, so a file another YAML tool refuses would pass here (the
official YAML test suite's invalid cases, tests/yaml_suite/). This is no parser: it looks at the
text around the events a parser already produced. Either reader's events will do (same names, same
marks, counted in characters), so the fast reader declines what this finds and the careful one reports it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

Violation = tuple[int, int, str]  # line and column (1-based) and what is wrong

_GLUED_COMMENT = re.compile(r"(?<=[^\s])#")  # a `#` right after text: a comment only if outside every node
_BLOCK_HEADER = re.compile(r"[|>]([1-9][+-]?|[+-][1-9]?)?")
_NOT_IN_TAG = ",[]{}"
# a line that only closes flow collections: YAML 1.2 wants it indented too, but `]` under its key is how
# most people and tools write a list, and nothing can be misread from it, so it passes
_CLOSING = re.compile(r"[\]},\s]*(#.*)?")


class SpecCheck:
    """Fed every event of a stream in order; `violation()` is the first rule broken, or None."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks: list[int] = []  # the indentation of each open block collection
        self.open: list[bool] = []  # each open collection: True for a flow one
        self.flow = 0
        self.flow_start: Any = None  # the outermost open flow collection's start event
        self.ended_implicitly = False  # the document before ended without `...`
        self.found: Violation | None = None
        self.glued = [m.start() for m in _GLUED_COMMENT.finditer(text)]
        self.spans: list[tuple[int, int]] = []  # where nodes are, only needed to place a glued `#`

    def see(self, event: Any) -> bool:
        """True once a rule is broken (the caller may stop reading)."""
        kind = type(event).__name__
        if self.glued and kind not in ("MappingEndEvent", "SequenceEndEvent", "DocumentEndEvent"):
            self.spans.append((event.start_mark.index, event.end_mark.index))
        if kind == "ScalarEvent":
            self._scalar(event)
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            self._start(event, kind)
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            self._end(event)
        elif kind == "DocumentStartEvent":
            if self.ended_implicitly and (event.version or event.tags):
                directive = self.text.rfind("\n%", 0, event.start_mark.index) + 1  # the event starts at its `---`
                self._flag(directive, "a %YAML or %TAG directive must follow a `...` line ending the document before")
        elif kind == "DocumentEndEvent":
            self.ended_implicitly = not event.explicit
        return self.found is not None

    def violation(self) -> Violation | None:
        glued = self._glued_comment()
        if glued is None or (self.found is not None and self.found[:2] < glued[:2]):
            return self.found
        return glued

    def _flag(self, index: int, message: str) -> None:
        if self.found is None:
            line = self.text.count("\n", 0, index) + 1
            self.found = (line, index - (self.text.rfind("\n", 0, index) + 1) + 1, message)

    def _indent(self) -> int:
        return self.blocks[-1] if self.blocks else -1

    def _start(self, event: Any, kind: str) -> None:
        self._properties(event)
        flow = bool(event.flow_style) or self.flow > 0
        self.open.append(flow)
        if flow:
            self.flow += 1
            if self.flow == 1:
                self.flow_start = event
            return
        end = event.end_mark
        # a block collection's start token sits at its first key or dash; an indentless list's ends after its dash
        dash_before = kind == "SequenceStartEvent" and not self.text.startswith("-", end.index)
        self.blocks.append(end.column - 1 if dash_before else end.column)

    def _end(self, event: Any) -> None:
        if not self.open:
            return
        if not self.open.pop():
            self.blocks.pop()
            return
        self.flow -= 1
        if self.flow == 0 and self.flow_start is not None:
            what = "the [ ] list" if type(self.flow_start).__name__ == "SequenceStartEvent" else "the { } mapping"
            self._continuation(self.flow_start.start_mark.index, event.end_mark.index, what, flow=True)

    def _scalar(self, event: Any) -> None:
        self._properties(event)
        style = event.style or ""
        if style in ("'", '"') and self.flow == 0 and event.start_mark.line != event.end_mark.line:
            self._continuation(event.start_mark.index, event.end_mark.index, "the quoted text", flow=False)
        elif style in ("|", ">"):
            self._block_scalar(event)
        elif style == "" and event.value == "-" and self.flow > 0:
            self._flag(event.start_mark.index, 'a lone - cannot start a value in a [ ] or { } list; quote it: "-"')

    def _continuation(self, start: int, end: int, what: str, *, flow: bool) -> None:
        """Each further line of a multi-line value in a block must be indented more than that block."""
        need = self._indent() + 1
        if need <= 0:
            return
        text = self.text
        at = text.find("\n", start, end)
        while at != -1 and self.found is None:
            begin = at + 1
            stop = text.find("\n", begin)
            line = text[begin : len(text) if stop == -1 else stop].rstrip("\r")
            body = line.lstrip(" \t")
            spaces = len(line) - len(line.lstrip(" "))
            closing = flow and _CLOSING.fullmatch(body) is not None
            if body and not closing and spaces < need and begin < end:
                tab = "; a tab does not count as indentation" if line[spaces : spaces + 1] == "\t" else ""
                opened = text.count("\n", 0, start) + 1
                self._flag(
                    begin + spaces,
                    f"this line continues {what} begun on line {opened}: indent it at least {need} "
                    f"space{'s' if need > 1 else ''}, more than the key it belongs to{tab}",
                )
            at = text.find("\n", begin, end)

    def _block_scalar(self, event: Any) -> None:
        text = self.text
        start = self._after_properties(event.start_mark.index)
        header = _BLOCK_HEADER.match(text, start)
        if header is None:
            return
        after = header.end()
        if text.startswith("#", after):
            self._flag(after, "a comment needs a space before its #")
            return
        if any(c.isdigit() for c in header.group(0)):
            return  # the indentation is given, not detected
        # detected indentation: the first line of text sets it, and no blank line before it may hold more spaces
        at = text.find("\n", after)
        widest, widest_at = 0, 0
        while at != -1:
            begin = at + 1
            stop = text.find("\n", begin)
            line = text[begin : len(text) if stop == -1 else stop].rstrip("\r")
            spaces = len(line) - len(line.lstrip(" "))
            if spaces < len(line):  # the first line with text
                if spaces > self._indent() and widest > spaces:
                    self._flag(widest_at, "a blank line before a block's first line of text has more spaces than it")
                return
            if spaces > widest:
                widest, widest_at = spaces, begin + spaces - 1
            at = stop

    def _after_properties(self, index: int) -> int:
        text = self.text
        while text.startswith(("!", "&"), index):
            while index < len(text) and text[index] not in " \t\r\n":
                index += 1
            while index < len(text) and text[index] in " \t\r\n":
                index += 1
        return index

    def _properties(self, event: Any) -> None:
        """A tag written with a comma or bracket: YAML ends a tag there, so the rest is stray text."""
        if event.tag is None or self.flow > 0:
            return
        text, index = self.text, event.start_mark.index
        while text.startswith(("!", "&"), index):
            begin = index
            while index < len(text) and text[index] not in " \t\r\n":
                index += 1
            token = text[begin:index]
            if token.startswith("!") and not token.startswith("!<"):
                bad = next((i for i, c in enumerate(token) if c in _NOT_IN_TAG), None)
                if bad is not None:
                    self._flag(begin + bad, f"a tag cannot hold {token[bad]!r}; put a space after the tag")
                    return
            while index < len(text) and text[index] in " \t":
                index += 1

    def _glued_comment(self) -> Violation | None:
        """A `#` right after text, outside every node and every comment: YAML needs a space before a comment."""
        if not self.glued:
            return None
        text = self.text
        spans = sorted(self.spans)
        starts = [s for s, _ in spans]
        hashes = [m.start() for m in re.finditer("#", text)]
        breaks = [m.start() for m in re.finditer("\n", text)]
        first_outside: dict[int, int] = {}  # a line's start -> its first `#` outside every node, where a comment starts

        def inside(i: int) -> bool:
            k = bisect_right(starts, i) - 1
            return k >= 0 and spans[k][0] <= i < spans[k][1]

        # each line's `#`s are looked at once, so a long line of them costs no more than its length
        for i in self.glued:
            if inside(i):
                continue
            line = bisect_left(breaks, i)
            begin = breaks[line - 1] + 1 if line else 0
            if begin not in first_outside:
                k = bisect_left(hashes, begin)
                while inside(hashes[k]):  # stops at `i` at the latest, which is outside
                    k += 1
                first_outside[begin] = hashes[k]
            if first_outside[begin] == i:
                return line + 1, i - begin + 1, "a comment needs a space before its #"
        return None
