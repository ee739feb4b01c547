"""Output formats by name; the --format choices are these keys (a test keeps them equal)."""

from __future__ import annotations

from handoff_cli.reporters import clocks, github, json, sarif, table, text
from handoff_cli.reporters.base import Reporter

FINDINGS: dict[str, Reporter] = {
    "text": text.report,
    "json": json.report,
    "github": github.report,
    "sarif": sarif.report,
}
SCORES: dict[str, Reporter] = {**FINDINGS, "text": table.report}
# `handoff sla`: its own text and JSON (reporters/clocks.py), the CI formats beside the findings' ones
SLA: dict[str, clocks.SlaReporter] = {**clocks.SLA, "github": github.sla_report, "sarif": sarif.sla_report}

__all__ = ["FINDINGS", "SCORES", "SLA", "Reporter"]
