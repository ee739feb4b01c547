"""A required answer left empty or as a placeholder (`sales_rep: {name: TBD}`, `{name: }`) leaves the part that
needs it unanswered (the person, the list item), not the whole file invalid: the rules count the part as
missing, and the deal stays in `sla` and `report`. Only the few keys a dossier cannot be read without
(`schema`, `deal.id`, `deal.account`, `deal.segment`) still make it unreadable."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError

from handoff_cli.core.codes import CODES
from handoff_cli.core.field_paths import FieldPath, dotted
from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.positions import Positions
from handoff_cli.model import Dossier

# each round empties at least one more part, and no dossier nests deeper than max_depth; this only bounds a bug
_ROUNDS = 256
_REQUIRED_TOP = frozenset(f.alias or n for n, f in Dossier.model_fields.items() if f.is_required())


@dataclass
class Settled:
    data: Any
    positions: Positions  # renumbered for the items taken out of lists
    emptied: dict[FieldPath, FieldPath] = field(default_factory=dict)  # empty answer -> the part it empties
    unreadable: list[FieldPath] = field(default_factory=list)  # empty answers the dossier cannot do without


def settle(data: Any, positions: Positions) -> Settled:
    """Empty, part by part, whatever holds a required answer that is empty; then take empty items out of lists."""
    settled = Settled(data, positions)
    if not _has_empty(data):
        return settled  # the common case: nothing to settle, and no second pass of the schema
    cause: dict[FieldPath, FieldPath] = {}
    for _ in range(_ROUNDS):
        changed = False
        for loc in _empty_required(data):
            if isinstance(loc[-1], int):
                continue  # an empty list item: taken out below
            origin = cause.get(loc, loc)
            part = loc[:-1]
            if not part or (len(part) == 1 and part[0] in _REQUIRED_TOP):
                if origin not in settled.unreadable:
                    settled.unreadable.append(origin)
                continue
            _set(data, part, None)
            cause[part] = origin
            settled.emptied[origin] = part  # the outermost part an empty answer empties is what it costs
            changed = True
        if not changed:
            break
    settled.data, settled.positions = _drop_empty_items(data, positions)
    return settled


def _has_empty(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_empty(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_empty(v) for v in value)
    return value is None


def _empty_required(data: Any) -> list[FieldPath]:
    """Where the schema refuses an empty value (None: a YAML null, or a placeholder already taken out)."""
    try:
        Dossier.model_validate(data)
    except ValidationError as exc:
        found = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            # an unknown key left empty is a mistyped key (HV001), not an empty answer
            if err["type"] != "extra_forbidden" and err.get("input", ...) is None and loc and _get(data, loc) is None:
                found.append(loc)
        return sorted(found, key=len, reverse=True)  # innermost first: a person before the deal that holds it
    return []


def _get(data: Any, path: FieldPath) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return ...
        elif not isinstance(data, dict) or part not in data:
            return ...
        data = data[part]
    return data


def _set(data: Any, path: FieldPath, value: Any) -> None:
    parent = _get(data, path[:-1])
    if isinstance(parent, (dict, list)):
        parent[path[-1]] = value  # type: ignore[index]


def _drop_empty_items(data: Any, positions: Positions) -> tuple[Any, Positions]:
    """Lists without their empty items (a list left with none is unanswered, not "none"), and positions that
    follow the items that remain."""
    kept: dict[FieldPath, dict[int, int]] = {}

    def walk(value: Any, path: FieldPath) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, (*path, k)) for k, v in value.items()}
        if isinstance(value, list):
            indices = [i for i, item in enumerate(value) if item is not None]
            if len(indices) < len(value):
                kept[path] = {old: new for new, old in enumerate(indices)}
            items = [walk(value[i], (*path, i)) for i in indices]
            return None if value and not items else items
        return value

    cleaned = walk(data, ())
    return cleaned, (positions.renumbered(kept) if kept else positions)


def explain(settled: Settled, placeholders: list[Finding], positions: Positions, display: str) -> list[Finding]:
    """The placeholder findings, each saying what its empty answer empties; and one for each required answer
    left blank (a YAML null), which has no placeholder finding of its own."""
    by_field = {f.field: f for f in placeholders}
    out = [f for f in placeholders if f.field not in {dotted(p) for p in (*settled.emptied, *settled.unreadable)}]
    for origin, part in settled.emptied.items():
        effect = f"without it {dotted(part)} counts as not answered"
        out.append(_said(by_field.get(dotted(origin)), origin, effect, positions, display, Severity.WARNING))
    for origin in settled.unreadable:
        effect = "the dossier cannot be read without it"
        out.append(_said(by_field.get(dotted(origin)), origin, effect, positions, display, Severity.ERROR))
    return out


def _said(
    placeholder: Finding | None, origin: FieldPath, effect: str, positions: Positions, display: str, severity: Severity
) -> Finding:
    if placeholder is not None:
        return replace(placeholder, severity=severity, message=f"{placeholder.message}; {effect}")
    code = "HF001" if severity is Severity.WARNING else "HV010"
    name, why = CODES[code].name, CODES[code].why
    line, col = positions.value(origin)
    message = f"{dotted(origin)} is empty; {effect}"
    return Finding(code, name, severity, display, line, col, dotted(origin), message, why)
