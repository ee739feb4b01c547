"""The stable JSON document (format version 1) for scripts; its shape is documented in the README."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from handoff_cli.core.findings import CheckResult, FileResult, Finding
from handoff_cli.reporters.base import write_json

FORMAT_VERSION = 1


def report(result: CheckResult, console: Console, *, explain: bool) -> None:
    write_json(console, document(result))


def document(result: CheckResult) -> dict[str, Any]:
    ok = result.ok
    return {
        "version": FORMAT_VERSION,
        "files": [_file(f) for f in result.files],
        "summary": {"files": len(result.files), "ok": ok, "failing": len(result.files) - ok},
    }


def _file(file: FileResult) -> dict[str, Any]:
    score = file.score
    return {
        "path": file.path,
        "deal_id": file.deal_id,
        "segment": file.segment,
        "valid": file.valid,
        "passed": file.passed,
        "score": score.percent if score else None,
        "min_score": file.min_score if score else None,
        "categories": {
            c.category: {"score": c.percent, "earned": c.earned, "possible": c.possible} for c in score.categories
        }
        if score
        else None,
        "stage": file.stage,
        "waivers": [
            {"rule": w.code, "name": w.name, "reason": w.reason, "approved_by": w.approved_by, "expires": w.expires}
            for w in file.waived
        ],
        "findings": [_finding(f) for f in file.findings],
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "line": f.line,
        "col": f.col,
        "field": f.field,
        "message": f.message,
        "why": f.why,
        "points": f.points,
    }
