"""`handoff rules`: the product's knowledge, listed; one rule explained with its PASS and FAIL examples."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from handoff_cli.cli.options import ConfigOpt, Format, FormatOpt, console, project
from handoff_cli.core.errors import HandoffError
from handoff_cli.core.vocabulary import DealKind, Segment


def rules(
    rule: Annotated[str | None, typer.Argument(help="A rule code or name to explain.", show_default=False)] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Also list the YAML, schema, filler, waiver and gate codes.")
    ] = False,
    kind: Annotated[
        DealKind | None,
        typer.Option("--kind", help="Only the rules a deal of this kind is held to, with its columns.",
                     show_default=False),
    ] = None,
    format: FormatOpt = Format.TEXT,
    config: ConfigOpt = None,
) -> None:
    """List the completeness rules: code, name, points, and where each applies (must = an error when missed).

    Segment columns follow handoff.toml, so a repo sees its own policy.

    The columns are a new deal's; --kind expansion or renewal shows the rules that kind is held to.

    Examples:

      handoff rules

      handoff rules --kind expansion

      handoff rules champion-named
    """
    from handoff_cli.gate.policy import build
    from handoff_cli.reporters import RULES as RULES_FORMATS
    from handoff_cli.reporters.rules import SHORT, cell
    from handoff_cli.rules import RULES, lookup
    from handoff_cli.rules.catalog import all_codes

    plan = build(project(config))

    def modes_of(shown: DealKind) -> dict[Segment, dict[str, tuple[Any, float]]]:
        return {seg: {a.rule.code: (a.mode, a.weight) for a in plan[seg, shown]} for seg in Segment}

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
        shown = kind or next(k for k in DealKind if k in found.kinds)  # a kind's own rule: that kind's columns
        modes = modes_of(shown)
        where = ", ".join(f"{SHORT[s]} {cell(_entry(modes, s, found.code))}" for s in Segment)
        asked = " and ".join(k for k in DealKind if k in found.kinds)
        only = "" if found.kinds == frozenset(DealKind) else f"{asked} only; "
        label = "" if shown is DealKind.NEW and not only else f"{shown.value}: "
        out.print(f"{found.code} {found.name} ({found.category.value}; {only}{label}{where})",
                  markup=False)
        out.print(f"why: {found.why}", markup=False)
        out.print(found.doc, markup=False)
        return
    shown = kind or DealKind.NEW
    modes = modes_of(shown)
    rows: list[dict[str, Any]] = [
        {
            "code": r.code,
            "name": r.name,
            "category": r.category.value,
            "why": r.why,
            "kinds": [k.value for k in DealKind if k in r.kinds],
            "segments": {s.value: _entry(modes, s, r.code) for s in Segment},
        }
        for r in RULES
        if kind is None or any(r.code in modes[s] for s in Segment)  # --kind: what that kind is held to
    ]
    extra = [e for e in all_codes().values() if not e.is_rule] if everything else []
    RULES_FORMATS[format](rows, extra, out, shown)


def _entry(modes: dict[Segment, dict[str, tuple[Any, float]]], segment: Segment, code: str) -> dict[str, Any]:
    mode, points = modes[segment].get(code, ("off", 0))
    return {"mode": str(mode), "points": points}



