"""Waivers: a known gap accepted on purpose, by someone, until a date; expired ones stop counting."""

from __future__ import annotations

from datetime import date

from handoff_cli.core.findings import Finding, Severity, Waived
from handoff_cli.dossier.positions import Positions
from handoff_cli.model import Dossier
from handoff_cli.rules import lookup

WAIVER_CODES: dict[str, tuple[str, str]] = {
    "HW001": ("waiver-expired", "an expired waiver is a gap nobody re-decided; the rule counts again"),
    "HW002": ("waiver-unknown-rule", "a waiver must name a rule that exists, or it waives nothing"),
}


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
    name, why = WAIVER_CODES[code]
    return Finding(code, name, severity, display, line, col, ".".join(map(str, path)), message, why)
