"""Waivers: a known gap accepted on purpose, by someone, until a date; expired ones stop counting."""

from __future__ import annotations

from datetime import date

from handoff_cli.core.codes import CODES
from handoff_cli.core.findings import Finding, Severity, Waived
from handoff_cli.dossier.positions import Positions
from handoff_cli.model import Dossier
from handoff_cli.rules import lookup


def sort_waivers(
    dossier: Dossier, today: date, positions: Positions, display: str
) -> tuple[list[Waived], list[Finding]]:
    """The waivers in force today, and a finding for each expired or unknown one."""
    active: list[Waived] = []
    findings: list[Finding] = []
    for index, waiver in enumerate((dossier.handoff.waivers if dossier.handoff else None) or ()):
        path = ("handoff", "waivers", index)
        try:
            rule = lookup(waiver.rule)
        except KeyError as exc:
            findings.append(_finding("HW002", Severity.ERROR, positions, (*path, "rule"), display, exc.args[0]))
            continue
        if waiver.expires < today:
            message = f"waiver of {rule.code} {rule.name} expired on {waiver.expires}; the rule counts again"
            findings.append(_finding("HW001", Severity.WARNING, positions, (*path, "expires"), display, message))
            continue
        active.append(Waived(rule.code, rule.name, waiver.reason, waiver.approved_by, waiver.expires.isoformat()))
    return active, findings


def _finding(
    code: str, severity: Severity, positions: Positions, path: tuple[str | int, ...], display: str, message: str
) -> Finding:
    line, col = positions.value(path)
    name, why = CODES[code].name, CODES[code].why
    return Finding(code, name, severity, display, line, col, ".".join(map(str, path)), message, why)
