"""Regenerate the reference parts of the manual from the code, so the docs cannot drift from it.

Each generated part of a page sits between `<!-- generated: NAME -->` and `<!-- /generated -->`;
everything outside the markers is written by hand and left alone. tests/suites/test_docs_reference.py
fails when a committed page differs from what this script writes.

    python docs/gen_reference.py           # rewrite the pages
    python docs/gen_reference.py --check   # exit 1 and name the pages that are out of date
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

DOCS = Path(__file__).resolve().parent
REGION = re.compile(r"(<!-- generated: (?P<name>[a-z-]+) -->\n)(?P<body>.*?)(<!-- /generated -->)", re.DOTALL)
_SCALARS = {str: "text", int: "whole number", float: "number", Decimal: "number", bool: "true/false",
            date: "date", datetime: "date-time"}  # fmt: skip
_LONG = 60  # a default longer than this is summarised: the page is a table, not a dump


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def _bare(annotation: Any) -> Any:
    """The type without `| None` and without Annotated constraints."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _bare(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _bare(kept[0]) if len(kept) == 1 else annotation
    return annotation


def _type_name(annotation: Any) -> str:
    bare = _bare(annotation)
    if typing.get_origin(bare) is list:
        return "list of " + _type_name(typing.get_args(bare)[0])
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        return bare.__name__
    if isinstance(bare, type) and issubclass(bare, Enum):
        return " | ".join(f"`{member.value}`" for member in bare)
    if getattr(bare, "__name__", "") == "EmailStr":
        return "email address"
    return _SCALARS.get(bare, getattr(bare, "__name__", str(bare)))


def _submodel(annotation: Any) -> type[BaseModel] | None:
    bare = _bare(annotation)
    if typing.get_origin(bare) is list:
        bare = _bare(typing.get_args(bare)[0])
    return bare if isinstance(bare, type) and issubclass(bare, BaseModel) else None


def _key(name: str, field: FieldInfo) -> str:
    return field.alias or name


def dossier_fields() -> list[str]:
    """A table per section of the dossier, depth first in file order; a type already shown is not repeated."""
    from handoff_cli.model import Dossier

    lines: list[str] = []
    seen: set[type[BaseModel]] = set()

    def section(title: str, model: type[BaseModel]) -> None:
        seen.add(model)
        rows = []
        for name, field in model.model_fields.items():
            notes = "; ".join(n for n in ("required" if field.is_required() else "", field.description or "") if n)
            rows.append((f"`{_key(name, field)}`", _type_name(field.annotation), notes))
        lines.extend([f"**{title}** (`{model.__name__}`)", "", *_table(("key", "type", "notes"), rows), ""])
        for name, field in model.model_fields.items():
            inner = _submodel(field.annotation)
            if inner is not None and inner not in seen:
                section(_key(name, field), inner)

    section("top level", Dossier)
    return lines[:-1]


def audiences() -> list[str]:
    """Who may read each dossier field, as the model declares it, depth first in file order."""
    from handoff_cli.model import Dossier
    from handoff_cli.model.audience import reader

    rows: list[tuple[str, str, str]] = []
    seen: set[type[BaseModel]] = set()

    def walk(prefix: str, model: type[BaseModel]) -> None:
        seen.add(model)
        for name, field in model.model_fields.items():
            key = f"{prefix}{_key(name, field)}"
            said = reader(model, name)
            rows.append((f"`{key}`", said.audience.value, said.why))
            inner = _submodel(field.annotation)
            if inner is not None and inner not in seen:
                listed = typing.get_origin(_bare(field.annotation)) is list
                walk(f"{key}[]." if listed else f"{key}.", inner)

    walk("", Dossier)
    return _table(("field", "audience", "why"), rows)


def _mark(mode: str, points: float) -> str:
    if mode == "off":
        return "\u2013"  # an en dash: the rule does not apply
    must = "must " if mode == "required" else ""
    return f"{must}{points:g}" if points else must.strip() or "0"  # the HS8xx rules carry no points


def rules() -> list[str]:
    """Deal kinds and points per segment under the built-in playbooks (must = an error when missed), then each
    rule's examples."""
    from handoff_cli.core.vocabulary import DealKind
    from handoff_cli.gate.policy import build
    from handoff_cli.model.common import Segment
    from handoff_cli.rules import RULES
    from handoff_cli.settings import Project, Settings

    plan = build(Project(Settings(), DOCS))
    # a rule's segment columns are those of the first kind it is asked of (a new logo's, for most)
    modes = {(s, k): {a.rule.code: (a.mode.value, a.weight) for a in plan[s, k]} for s in Segment for k in DealKind}
    short = {"enterprise": "ent", "mid-market": "mid", "smb": "smb", "strategic": "strat"}
    rows: list[tuple[str, ...]] = []
    examples: list[tuple[str, ...]] = []
    category = ""
    for rule in RULES:
        if rule.category.value != category:
            category = rule.category.value
            rows.append(("", f"**{category}**", "", *("" for _ in Segment), ""))
        first = next(k for k in DealKind if k in rule.kinds)
        marks = (_mark(*modes[s, first].get(rule.code, ("off", 0))) for s in Segment)
        kinds = "all" if rule.kinds == frozenset(DealKind) else ", ".join(k.value for k in DealKind if k in rule.kinds)
        rows.append((f"`{rule.code}`", rule.name, kinds, *marks, rule.why))
        doc = dict(line.strip().split(": ", 1) for line in rule.doc.splitlines()[1:] if ": " in line)
        examples.append((f"`{rule.code}` {rule.name}", rule.summary, f"`{doc.get('PASS', '')}`",
                         f"`{doc.get('FAIL', '')}`"))  # fmt: skip
    header = ("code", "name", "kinds", *(short[s.value] for s in Segment), "why it matters")
    return [*_table(header, rows), "", "### Examples", "",
            "Each rule's documentation, with a YAML fragment that passes it and one that fails it:", "",
            *_table(("rule", "checks that", "passes", "fails"), examples)]  # fmt: skip


def error_codes() -> list[str]:
    from handoff_cli.rules.catalog import all_codes

    rows = [(f"`{e.code}`", e.name, str(e.severity), e.why) for e in all_codes().values() if not e.is_rule]
    return _table(("code", "name", "severity", "why it is reported"), rows)


def _default(field: FieldInfo, annotation: Any) -> str:
    if field.is_required():
        return "required"
    value = TypeAdapter(annotation).dump_python(field.get_default(call_default_factory=True), mode="json")
    if value is None:
        return "unset"
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > _LONG and isinstance(value, list | dict):
        return f"{len(value)} built-in entries"
    return f"`{shown}`"


def _keyed(model: type[BaseModel]) -> type[BaseModel] | None:
    """For a table keyed by its field names, all of one type ([sla.clocks.<clock>]), that type."""
    kinds = {_submodel(f.annotation) for f in model.model_fields.values()}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def _setting_rows(model: type[BaseModel], prefix: str) -> Iterator[tuple[str, str, str]]:
    if (inner := _keyed(model)) is not None:
        placeholder = f"<{model.__name__.removesuffix('Table').lower()}>"
        names = ", ".join(f"`{n}`" for n in model.model_fields)
        yield f"`{prefix}{placeholder}`", "", f"{model.__doc__ or ''} `{placeholder}` is one of {names}."
        yield from _setting_rows(inner, f"{prefix}{placeholder}.")
        return
    for name, field in model.model_fields.items():
        bare, key = _bare(field.annotation), prefix + name
        args = typing.get_args(bare)
        if typing.get_origin(bare) is dict and (value := _submodel(args[1])) is not None:
            placeholder = f"<{args[0].__name__.lower()}>"  # dict[Segment, …] is [segments.<segment>]
            about = field.description or value.__doc__ or ""
            yield f"`[{key}.{placeholder}]`", _default(field, field.annotation), about
            yield from _setting_rows(value, f"{key}.{placeholder}.")
        elif (inner := _submodel(bare)) is not None:
            yield from _setting_rows(inner, f"{key}.")
        else:
            yield f"`{key}`", _default(field, field.annotation), field.description or ""


def settings() -> list[str]:
    from handoff_cli.settings import Settings

    return _table(("setting", "default", "meaning"), list(_setting_rows(Settings, "")))


def packages() -> list[str]:
    """The first line of each package's docstring: what it is for."""
    names = ["core", "model", "settings", "dossier", "repo", "rules", "gate", "clocks", "edit", "engine", "render",
             "portfolio", "crm", "reporters", "cli"]  # fmt: skip
    rows = []
    for name in names:
        module = importlib.import_module(f"handoff_cli.{name}")
        kind = "/" if hasattr(module, "__path__") else ".py"
        rows.append((f"`{name}{kind}`", (module.__doc__ or "").strip().splitlines()[0]))
    return _table(("package", "what it holds"), rows)


GENERATORS: dict[str, Callable[[], list[str]]] = {
    "dossier-fields": dossier_fields,
    "audiences": audiences,
    "rules": rules,
    "error-codes": error_codes,
    "settings": settings,
    "packages": packages,
}


def regenerate(text: str) -> str:
    """`text` with every generated region written afresh; an unknown region name is an error."""

    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in GENERATORS:
            raise KeyError(f"unknown generated region '{name}'; known: {', '.join(GENERATORS)}")
        return match[1] + "\n".join(GENERATORS[name]()) + "\n" + match[4]

    return REGION.sub(fill, text)


def pages() -> list[Path]:
    return sorted(p for p in DOCS.glob("*.md") if "<!-- generated: " in p.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    stale = []
    for page in pages():
        old = page.read_text(encoding="utf-8")
        new = regenerate(old)
        if new != old:
            stale.append(page.name)
            if "--check" not in argv:
                page.write_text(new, encoding="utf-8")
    if stale and "--check" in argv:
        print(f"out of date: {', '.join(stale)}; run python docs/gen_reference.py", file=sys.stderr)  # noqa: T201
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(DOCS.parent))
    sys.exit(main(sys.argv[1:]))
