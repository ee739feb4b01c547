"""Output formats by name; the --format choices are these keys (a test keeps them equal)."""

from __future__ import annotations

from handoff_cli.reporters import json, table, text
from handoff_cli.reporters.base import Reporter

FINDINGS: dict[str, Reporter] = {"text": text.report, "json": json.report}
SCORES: dict[str, Reporter] = {**FINDINGS, "text": table.report}

__all__ = ["FINDINGS", "SCORES", "Reporter"]
