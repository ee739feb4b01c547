"""`import crm --update`: fill the empty fields of an existing dossier from the CRM by inserting text.

Only these are filled, and only when empty (missing, or a key with no value): deal.value, deal.signed_at,
deal.timezone, deal.holidays, deal.sales_rep and stakeholders. Positions come from the composed YAML nodes,
so every other byte of the file (comments, order, quoting, blank lines) stays as it was; `[]` counts as
answered and is left alone.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

from handoff_cli.core.errors import InputError
from handoff_cli.crm.rows import CrmDeal
from handoff_cli.crm.skeleton import values
from handoff_cli.render.environment import yaml_scalar

Edit = tuple[int, int, str]  # replace text[start:end] with the string


def _value(mapping: MappingNode, name: str) -> tuple[Node, Node] | None:
    return next(((k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == name), None)


def _null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _after_line(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _flow(items: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in items.items() if v is not None) + "}"


def wanted(deal: CrmDeal) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """deal.<key> -> YAML text for the scalar-ish fields, and the stakeholders with a known role."""
    found = values(deal)
    fields: dict[str, str] = {}
    if "amount" in found:
        fields["value"] = _flow({"amount": found["amount"], "currency": found["currency"]})
    if "signed_at" in found:
        fields["signed_at"] = found["signed_at"]
    for key in ("timezone", "holidays"):
        if key in found:
            fields[key] = yaml_scalar(found[key])
    if deal.rep_name:
        rep_email = yaml_scalar(deal.rep_email) if deal.rep_email else None
        name = " ".join(deal.rep_name.split())  # one line, as the skeleton writes it (crm/skeleton.py)
        fields["sales_rep"] = _flow({"name": yaml_scalar(name), "email": rep_email})
    return fields, found["stakeholders"]


def _fill(text: str, parent: MappingNode, key: str, flow: str, anchor: Node) -> Edit | None:
    """One `key: flow` where the key is missing (a new line below `anchor`'s line) or has no value."""
    found = _value(parent, key)
    if found is None:
        at = _after_line(text, anchor.end_mark.index)
        return at, at, " " * parent.value[0][0].start_mark.column + f"{key}: {flow}\n"
    key_node, node = found
    if not _null(node):
        return None
    start, end = node.start_mark.index, node.end_mark.index
    if start > key_node.end_mark.index and text[start:end].strip():  # `~` or `null` written out
        return start, end, flow
    colon = text.index(":", key_node.end_mark.index)
    return colon + 1, colon + 1, f" {flow}"


def _people(people: list[dict[str, Any]], indent: int) -> str:
    lines = []
    for person in people:
        lines.append(" " * indent + f"- name: {yaml_scalar(person['name'])}")
        lines.append(" " * indent + f"  role: {person['role']}")
        lines += [" " * indent + f"  {k}: {yaml_scalar(person[k])}" for k in ("title", "email") if person[k]]
    return "".join(line + "\n" for line in lines)


def fill_empty(text: str, deal: CrmDeal, *, display: str) -> tuple[str, list[str]]:
    """The new text and the dotted names of the fields filled, in file order."""
    if "\r" in text:
        raise InputError("has Windows line endings; --update only edits files with \\n line endings", path=display)
    try:
        root = YAML(typ="safe", pure=True).compose(text)
    except YAMLError:
        raise InputError("is not valid YAML; run `handoff validate` on it first", path=display) from None
    if not isinstance(root, MappingNode) or root.flow_style:
        raise InputError("the top level is not a block mapping; cannot fill it in", path=display)
    fields, people = wanted(deal)
    edits: list[tuple[Edit, str]] = []
    section = _value(root, "deal")
    if section and isinstance(section[1], MappingNode) and not section[1].flow_style and section[1].value:
        for key, flow in fields.items():
            if (edit := _fill(text, section[1], key, flow, section[0])) is not None:
                edits.append((edit, f"deal.{key}"))
    if people:
        found = _value(root, "stakeholders")
        if found is None:
            tail = "" if text.endswith("\n") or not text else "\n"
            edits.append(((len(text), len(text), tail + "stakeholders:\n" + _people(people, 2)), "stakeholders"))
        elif _null(found[1]) and not text[found[1].start_mark.index : found[1].end_mark.index].strip():
            at = _after_line(text, found[0].end_mark.index)
            edits.append(((at, at, _people(people, found[0].start_mark.column + 2)), "stakeholders"))
    # from the end of the file backwards, so earlier positions stay valid
    for (start, end, new), _ in sorted(edits, key=lambda e: e[0][:2], reverse=True):
        text = text[:start] + new + text[end:]
    return text, [name for (_, _, _), name in sorted(edits, key=lambda e: e[0][:2])]
