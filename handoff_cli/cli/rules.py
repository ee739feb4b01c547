"""`handoff rules`: the product's knowledge, listed; one rule explained with its PASS and FAIL examples."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from handoff_cli.cli.options import ConfigOpt, Format, FormatOpt, console, project
from handoff_cli.core.errors import HandoffError
from handoff_cli.core.vocabulary import Segment

_SHORT = {Segment.ENTERPRISE: "ent", Segment.MID_MARKET: "mid", Segment.SMB: "smb", Segment.STRATEGIC: "strat"}
_MARK = {"required": "must", "scored": "yes", "off": "-"}  # by policy.Mode value


def rules(
    rule: Annotated[str | None, typer.Argument(help="A rule code or name to explain.", show_default=False)] = None,
    all_codes: Annotated[bool, typer.Option("--all", help="Also list YAML, schema and gate error codes.")] = False,
    format: FormatOpt = Format.TEXT,
    config: ConfigOpt = None,
) -> None:
    """List the completeness rules: code, name, points, and where each applies (must = an error when missed).

    Segment columns follow handoff.toml, so a repo sees its own policy.

    Examples:

      handoff rules

      handoff rules champion-named
    """
    from rich.table import Table
    from rich.text import Text

    from handoff_cli.dossier.schema_check import SCHEMA_CODES
    from handoff_cli.dossier.yaml_codes import LOAD_CODES
    from handoff_cli.gate.change_control import CHANGE_CODES
    from handoff_cli.gate.no_regress import RATCHET_CODES
    from handoff_cli.gate.policy import build
    from handoff_cli.gate.scoring import GATE_CODES
    from handoff_cli.rules import RULES, lookup

    plan = build(project(config))
    modes = {seg: {a.rule.code: (a.mode, a.weight) for a in applied} for seg, applied in plan.items()}
    out = console()
    if rule is not None:
        try:
            found = lookup(rule)
        except KeyError as exc:
            raise HandoffError(exc.args[0]) from None
        where = ", ".join(f"{_SHORT[s]} {_cell(_entry(modes, s, found.code))}" for s in Segment)
        out.print(f"{found.code} {found.name} ({found.category.value}; {where})", markup=False)
        out.print(f"why: {found.why}", markup=False)
        out.print(found.doc, markup=False)
        return
    rows: list[dict[str, Any]] = [
        {
            "code": r.code,
            "name": r.name,
            "category": r.category.value,
            "why": r.why,
            "segments": {s.value: _entry(modes, s, r.code) for s in Segment},
        }
        for r in RULES
    ]
    extra = {**LOAD_CODES, **SCHEMA_CODES, **GATE_CODES, **RATCHET_CODES, **CHANGE_CODES} if all_codes else {}
    if format is Format.JSON:
        errors = [{"code": c, "name": n, "why": w} for c, (n, w) in extra.items()]
        out.out(json.dumps({"version": 1, "rules": rows, "errors": errors}, indent=2), highlight=False)
        return
    # short segment headers and category rows keep the table readable at 80 columns
    table = Table(
        "code",
        "name",
        *(_SHORT[s] for s in Segment),
        caption="must = an error when missed; `handoff rules CODE` says why",
    )
    for column in table.columns:
        column.no_wrap = True
    category = ""
    for row in rows:
        if row["category"] != category:
            category = row["category"]
            table.add_row("", Text(category, style="bold"), *("" for _ in Segment))
        table.add_row(row["code"], row["name"], *(_cell(row["segments"][s.value]) for s in Segment))
    for code, (name, _why) in extra.items():
        table.add_row(code, name, *("must" for _ in Segment))
    out.print(table)


def _entry(modes: dict[Segment, dict[str, tuple[Any, float]]], segment: Segment, code: str) -> dict[str, Any]:
    mode, points = modes[segment].get(code, ("off", 0))
    return {"mode": str(mode), "points": points}


def _cell(entry: dict[str, Any]) -> str:
    mode = str(entry["mode"])
    return _MARK[mode] if mode == "off" else f"{_MARK[mode]} {entry['points']:g}"
