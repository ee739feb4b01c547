"""A dossier read from stdin (`handoff validate -`): how editors pass an unsaved buffer, named by --stdin-filename.

It is checked in this process and never cached: there is no file whose bytes a cache entry could stand for.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_cli.core.findings import CheckResult, FileResult

if TYPE_CHECKING:
    from handoff_cli.engine.runner import Plan

STDIN = "-"
DEFAULT_NAME = "<stdin>"  # shown in findings when no --stdin-filename is given


def check_stdin(plan: Plan, name: str | None) -> CheckResult:
    from handoff_cli.dossier.yaml_codes import finding

    shown = name or DEFAULT_NAME
    limit = plan.project.settings.max_file_bytes
    raw = sys.stdin.buffer.read(limit + 1)  # one byte more is enough to know the input is too large
    if len(raw) > limit:
        message = f"input is over the limit of {limit} bytes (max_file_bytes)"
        return CheckResult([FileResult(shown, [finding(shown, "HY010", 1, 1, message)])])
    return CheckResult([plan.checker().inspect(Path(shown), shown, raw).result])
