"""What reading YAML gives back: the data with its positions, or findings under the HY codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handoff_cli.core.codes import CODES
from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.positions import Positions


@dataclass(frozen=True, slots=True)
class Loaded:
    data: Any
    positions: Positions
    warnings: tuple[Finding, ...] = ()  # what reads fine but may not mean what was meant (HY014)


def finding(
    display: str, code: str, line: int, col: int, message: str, severity: Severity = Severity.ERROR
) -> Finding:
    name, why = CODES[code].name, CODES[code].why
    return Finding(code, name, severity, display, line, col, "", message, why)
