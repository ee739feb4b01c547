"""The careful reader: ruamel's pure-Python composer, node by node, turning every YAML problem into a finding.

Slower than dossier/fast_reader.py, so it reads only the files the fast reader declines; its findings and
positions are the ones every command reports.
"""

from __future__ import annotations

import warnings
from itertools import islice
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from handoff_cli.core.field_paths import FieldPath, dotted
from handoff_cli.core.findings import Finding
from handoff_cli.core.visible import quoted
from handoff_cli.dossier.positions import Pos, Positions
from handoff_cli.dossier.stream_checks import (
    second_document_line,
    stream_problem,
    syntax_message,
    unreadable_character,
    version_directive,
)
from handoff_cli.dossier.yaml_codes import Loaded, finding

_STD = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))


def compose_text(text: str, display: str, *, max_depth: int) -> tuple[Loaded | None, list[Finding]]:
    if (early := version_directive(text, display) or stream_problem(text, display, max_depth)) is not None:
        return None, [early]
    try:
        with warnings.catch_warnings():
            # ruamel warns of an anchor used twice, quoting the lines raw on stderr; HY004 reports the anchor
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            documents = list(islice(YAML(typ="safe").compose_all(text), 2))
    except ReaderError as exc:
        return None, [unreadable_character(exc, text, display)]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [finding(display, "HY001", line, col, syntax_message(exc))]
    except YAMLError as exc:
        return None, [finding(display, "HY001", 1, 1, str(exc).splitlines()[0])]
    except RecursionError:
        return None, [finding(display, "HY011", 1, 1, "nesting is too deep to read")]
    if not documents or documents[0] is None:
        return None, [finding(display, "HY007", 1, 1, "file is empty; start one with `handoff init`")]
    if len(documents) > 1:
        line = second_document_line(text)
        return None, [finding(display, "HY009", line, 1, "this is a second YAML document; keep one deal per file")]
    root = documents[0]
    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        msg = f"the top level is {kind}; a dossier is a mapping of sections (schema:, deal:, …)"
        return None, [finding(display, "HY008", root.start_mark.line + 1, root.start_mark.column + 1, msg)]
    walk = _Walk(display, max_depth)
    data = walk.node(root, (), 0)
    if walk.findings:
        return None, walk.findings
    return Loaded(data, walk.positions), []


class _Walk:
    """One pass over the node tree: plain data out, positions recorded, every problem collected."""

    def __init__(self, display: str, max_depth: int) -> None:
        self.display = display
        self.max_depth = max_depth
        self.positions = Positions()
        self.findings: list[Finding] = []
        self.anchors: set[str] = set()

    def problem(self, code: str, node: Node, message: str) -> None:
        self.findings.append(finding(self.display, code, node.start_mark.line + 1, node.start_mark.column + 1, message))

    def node(self, node: Node, path: FieldPath, depth: int) -> Any:
        if getattr(node, "anchor", None):
            if node.anchor in self.anchors:  # an alias is the anchored node again: report it once
                return None
            self.anchors.add(node.anchor)
            self.problem(
                "HY004", node, f"anchor &{node.anchor} at {dotted(path) or 'top level'}; write the value out in full"
            )
            return None
        if node.tag not in _PLAIN_TAGS:
            tag = str(node.tag).replace(_STD, "!!")
            self.problem("HY005", node, f"tag {tag} is not allowed; a dossier holds plain text, numbers and dates")
            return None
        if depth > self.max_depth:
            self.problem("HY011", node, f"nesting deeper than {self.max_depth} levels at {dotted(path)}")
            return None
        if isinstance(node, ScalarNode):
            return None if node.tag == _STD + "null" else node.value
        if isinstance(node, SequenceNode):
            return [self.child(item, item, (*path, i), depth) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        return None

    def mapping(self, node: MappingNode, path: FieldPath, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem("HY012", key_node, "a key must be a plain name, not a list or mapping")
                continue
            key = key_node.value
            if key_node.tag == _STD + "merge" or key == "<<":
                self.problem("HY006", key_node, "merge keys (<<) are not supported; write the keys out")
                continue
            if key in first_line:
                self.problem("HY003", key_node, f"key {quoted(key)} already appears on line {first_line[key]}")
                continue
            first_line[key] = key_node.start_mark.line + 1
            out[key] = self.child(key_node, value_node, (*path, key), depth)
        return out

    def child(self, key_node: Node, value_node: Node, path: FieldPath, depth: int) -> Any:
        # an empty value's mark points past the key, often at the next line: report it at the key
        is_empty = isinstance(value_node, ScalarNode) and value_node.value == "" and not value_node.style
        value_at = key_node.start_mark if is_empty else value_node.start_mark
        k = key_node.start_mark
        scalar = isinstance(value_node, ScalarNode)
        self.positions.add(path, Pos(k.line + 1, k.column + 1, value_at.line + 1, value_at.column + 1, scalar))
        return self.node(value_node, path, depth + 1)

