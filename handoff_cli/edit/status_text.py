"""Set keys of one item in a dossier list by text surgery, so every other byte stays as it was.

A key already there gets its value replaced where it stands; a new key goes after the item's last key, in
the item's own style: `, key: value` inside a flow mapping `{…}`, a line of its own in a block mapping.
The positions come from the composed YAML nodes' marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from handoff_cli.core.errors import InputError
from handoff_cli.edit.insert import after_line, end_of
from handoff_cli.edit.item_yaml import emit


def set_keys(text: str, where: Sequence[str | int], values: dict[str, Any]) -> str:
    """`text` with the mapping at `where` (keys and list indexes from the top) given `values`."""
    nl = "\r\n" if "\r\n" in text else "\n"
    item = _find(YAML(typ="safe", pure=True).compose(text), where)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied from the end of the file
    added: dict[str, Any] = {}
    for key, value in values.items():
        pair = next(((k, v) for k, v in item.value if isinstance(k, ScalarNode) and k.value == key), None)
        if pair is None:
            added[key] = value
            continue
        if not isinstance(pair[1], ScalarNode) or pair[1].style in ("|", ">"):
            raise InputError(f"{key} is not written as a plain value; fix it with `handoff validate` first")
        key_node, old = pair
        if not old.value and not old.style:  # `key:` with nothing after it
            at = int(key_node.end_mark.index) + 1
            edits.append((at, at, " " + _scalar(key, value)))
        else:
            edits.append((int(old.start_mark.index), int(old.end_mark.index), _scalar(key, value)))
    if added:
        last_key, last_value = item.value[-1]
        if item.flow_style:
            at = int(last_value.end_mark.index)
            edits.append((at, at, "".join(f", {k}: {_scalar(k, v)}" for k, v in added.items())))
        else:
            at = after_line(text, end_of((last_key, last_value)))
            indent = " " * item.value[0][0].start_mark.column
            edits.append((at, at, "".join(f"{indent}{k}: {_scalar(k, v)}{nl}" for k, v in added.items())))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _find(node: Node, where: Sequence[str | int]) -> MappingNode:
    for step in where:
        if isinstance(step, int) and isinstance(node, SequenceNode):
            node = node.value[step]
        elif isinstance(step, str) and isinstance(node, MappingNode):
            node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == step)
        else:
            raise InputError("the dossier changed shape while it was read; nothing was written")
    if not isinstance(node, MappingNode) or not node.value:
        raise InputError("the item is not written as a mapping; fix it with `handoff validate` first")
    return node


def _scalar(key: str, value: Any) -> str:
    """One value as YAML, quoted only when it must be; a key written empty gets its space too."""
    line = emit({key: value}, flow=True).strip()
    return line[line.index(":", len(key)) + 2 : -1]
