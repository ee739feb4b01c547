"""`handoff rules`: the product's knowledge, listed; one rule explained with its PASS and FAIL examples."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from handoff_cli.cli.options import ConfigOpt, Format, FormatOpt, console, project
from handoff_cli.core.errors import HandoffError
from handoff_cli.core.vocabulary import Segment


def rules(
    rule: Annotated[str | None, typer.Argument(help="A rule code or name to explain.", show_default=False)] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Also list the YAML, schema, filler, waiver and gate codes.")
    ] = False,
    format: FormatOpt = Format.TEXT,
    config: ConfigOpt = None,
) -> None:
    """List the completeness rules: code, name, points, and where each applies (must = an error when missed).

    Segment columns follow handoff.toml, so a repo sees its own policy.

    Examples:

      handoff rules

      handoff rules champion-named
    """
    from handoff_cli.gate.policy import build
    from handoff_cli.reporters import RULES as RULES_FORMATS
    from handoff_cli.reporters.rules import SHORT, cell
    from handoff_cli.rules import RULES, lookup
    from handoff_cli.rules.catalog import all_codes

    plan = build(project(config))
    modes = {seg: {a.rule.code: (a.mode, a.weight) for a in applied} for seg, applied in plan.items()}
    out = console()
    if rule is not None:
        other = all_codes().get(rule.upper())
        if other is not None and not other.is_rule:  # HY003, HW001…: not a rule, but listed by --all
            out.print(f"{other.code} {other.name} ({other.severity})", markup=False)
            out.print(f"why: {other.why}", markup=False)
            return
        try:
            found = lookup(rule)
        except KeyError as exc:
            raise HandoffError(exc.args[0]) from None
        where = ", ".join(f"{SHORT[s]} {cell(_entry(modes, s, found.code))}" for s in Segment)
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
    extra = [e for e in all_codes().values() if not e.is_rule] if everything else []
    RULES_FORMATS[format](rows, extra, out)


def _entry(modes: dict[Segment, dict[str, tuple[Any, float]]], segment: Segment, code: str) -> dict[str, Any]:
    mode, points = modes[segment].get(code, ("off", 0))
    return {"mode": str(mode), "points": points}



