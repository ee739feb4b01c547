"""Add one item to a list under `handoff:` by inserting text, so every other byte of the dossier stays as it was.

Used by `handoff log` (events) and `handoff accept` (reviews). The insertion point comes from the composed
YAML nodes' marks (never from guessing at lines), and the item's text from itemtext.emit. Handled shapes: no
`handoff:` section, no list yet (it goes where the model lists it: events first, reviews last), an empty,
null or `[]` list, a block list (the new item in the style of the last one) and a non-empty flow list.
"""

from __future__ import annotations

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from handoff_cli.core.errors import InputError
from handoff_cli.edit.item_yaml import Item, emit
from handoff_cli.model.progress import Progress

ORDER = tuple(Progress.model_fields)  # events, checklist, waivers, reviews


def append_item(text: str, key: str, item: Item) -> str:
    """`text` with `item` added at the end of the list `handoff.<key>`, creating what is missing."""
    nl = "\r\n" if "\r\n" in text else "\n"
    root = YAML(typ="safe", pure=True).compose(text)
    if not isinstance(root, MappingNode) or root.flow_style:
        raise InputError("the top level is not a block mapping; cannot add a handoff section")
    step = _indent_step(root)
    handoff = _value(root, "handoff")
    if handoff is None:
        block = _lines(["handoff:", " " * step + f"{key}:"], 0, nl) + _block_item(item, 2 * step, nl)
        ending = "" if text.endswith(("\n", "\r")) or not text else nl
        spacer = "" if not text or text.endswith(nl * 2) else nl
        return text + ending + spacer + block
    h_key, value = handoff
    column = h_key.start_mark.column
    if _empty(value):
        text, at = _clear(text, value, h_key)
        return _insert(text, at, _lines([" " * (column + step) + f"{key}:"], 0, nl) + _block_item(
            item, column + 2 * step, nl))
    if not isinstance(value, MappingNode) or value.flow_style:
        raise InputError("handoff: is not written as a block mapping; rewrite it as one so an item can be added")
    found = _value(value, key)
    if found is None:
        inner = value.value[0][0].start_mark.column
        block = _lines([" " * inner + f"{key}:"], 0, nl) + _block_item(item, inner + step, nl)
        return _insert(text, after_line(text, _before(value, key, h_key)), block)
    list_key, seq = found
    if _empty(seq):
        text, at = _clear(text, seq, list_key)
        return _insert(text, at, _block_item(item, list_key.start_mark.column + step, nl))
    if not isinstance(seq, SequenceNode):
        raise InputError(f"handoff.{key} is not a list; fix it with `handoff validate` first")
    last = seq.value[-1]
    if seq.flow_style:
        return _insert(text, last.end_mark.index, ", " + emit(item, flow=True).rstrip("\n"))
    dash = seq.start_mark.column
    flow_items = isinstance(last, MappingNode) and last.flow_style
    line = " " * dash + "- " + emit(item, flow=True).rstrip("\n") + nl if flow_items else _block_item(item, dash, nl)
    return _insert(text, after_line(text, end_of(last)), line)


def _before(handoff: MappingNode, key: str, handoff_key: Node) -> int:
    """Where a new list goes: after the last key the model puts before it, else right under `handoff:`."""
    earlier = [(k, v) for k, v in handoff.value if isinstance(k, ScalarNode) and k.value in ORDER[: ORDER.index(key)]]
    return end_of(earlier[-1]) if earlier else int(handoff_key.end_mark.index)


def _value(mapping: MappingNode, name: str) -> tuple[Node, Node] | None:
    return next(((k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == name), None)


def _indent_step(root: MappingNode) -> int:
    """The file's own indentation: how far the first nested block mapping sits from its parent key."""
    for key, value in root.value:
        if isinstance(value, MappingNode) and not value.flow_style and value.value:
            return int(value.value[0][0].start_mark.column - key.start_mark.column) or 2
    return 2


def _empty(node: Node) -> bool:
    if isinstance(node, ScalarNode):
        return bool(node.tag == "tag:yaml.org,2002:null")
    return isinstance(node, MappingNode | SequenceNode) and bool(node.flow_style) and not node.value


def _clear(text: str, value: Node, key: Node) -> tuple[str, int]:
    """Remove an empty value written out (`~`, `null`, `[]`, `{}`); the new block goes on the next line."""
    start, end = value.start_mark.index, value.end_mark.index
    if start > key.end_mark.index and text[start:end].strip():
        line_end = _line_end(text, end)
        rest = text[end:line_end]
        cut_from = start if rest.strip() else len(text[:start].rstrip(" \t"))
        text = text[:cut_from] + text[end:]
    return text, after_line(text, key.end_mark.index)


def end_of(node: Node | tuple[Node, Node]) -> int:
    """Where the last character of a node (or key: value pair) is; block collections end at their last descendant."""
    if isinstance(node, tuple):
        key, node = node
        if isinstance(node, ScalarNode) and not node.value and not node.style:
            return int(key.end_mark.index)  # an empty value's marks point past its key, at whatever follows
    if isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        return end_of(node.value[-1])
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        return int(node.end_mark.index) - 1  # a block scalar's end mark is past its last line break
    return int(node.end_mark.index)


def _line_end(text: str, index: int) -> int:
    return min((i for i in (text.find("\n", index), text.find("\r", index)) if i >= 0), default=len(text))


def after_line(text: str, index: int) -> int:
    end = _line_end(text, index)
    return end + (2 if text.startswith("\r\n", end) else 1 if end < len(text) else 0)


def _insert(text: str, at: int, block: str) -> str:
    if at >= len(text) and text and not text.endswith(("\n", "\r")):
        block = ("\r\n" if "\r\n" in text else "\n") + block
    return text[:at] + block + text[at:]


def _lines(lines: list[str], indent: int, nl: str) -> str:
    return "".join(" " * indent + line + nl for line in lines)


def _block_item(item: Item, indent: int, nl: str) -> str:
    return _lines(emit(item, flow=False).rstrip("\n").split("\n"), indent, nl)
