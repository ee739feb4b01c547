"""SARIF 2.1.0, the format code-scanning dashboards read: one run, the rules that fired, one result per finding.

Rule metadata comes from the same registries `handoff rules --all` lists, so a dashboard shows the code,
its name, a summary and why it matters. Locations are relative URIs with forward slashes (relative to the
working directory, as GitHub code scanning expects paths from the repo root); lines and columns are 1-based
and count Unicode code points, as ruamel.yaml's marks do.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rich.console import Console

from handoff_cli import __version__
from handoff_cli.clocks.evaluate import SlaResult
from handoff_cli.core.findings import CheckResult, Finding
from handoff_cli.reporters.base import write_json
from handoff_cli.reporters.github import SECTION_NOUN, SLA_LEVEL, overdue_message, sla_message
from handoff_cli.rules.catalog import all_codes

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def rule_metadata(code: str, fallback: Finding | None = None) -> dict[str, Any]:
    entry = all_codes().get(code)
    if entry is not None:
        name, summary, why = entry.name, entry.summary, entry.why
    else:  # a code no registry knows (a newer finding): describe it from the finding itself
        name = fallback.name if fallback else code
        why = summary = (fallback.why or fallback.message) if fallback else code
    return {"id": code, "name": name, "shortDescription": {"text": summary}, "help": {"text": why}}


def artifact_uri(path: str, cwd: Path | None = None) -> str:
    """A relative URI with forward slashes; a file outside the working directory keeps an absolute file URI."""
    target = Path(path)
    if target.is_absolute():
        try:
            target = target.relative_to(cwd or Path.cwd())
        except ValueError:
            return target.as_uri()
    # the bytes, not the str: a name that is not UTF-8 is percent-encoded byte for byte
    return quote(os.fsencode(target.as_posix()))


def location(path: str, line: int | None = None, col: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path)}}
    if line is not None:
        physical["region"] = {"startLine": max(line, 1), "startColumn": max(col or 1, 1)}
    return {"physicalLocation": physical}


def log(rules: list[dict[str, Any]], results: list[dict[str, Any]]) -> dict[str, Any]:
    """The SARIF envelope: no informationUri, since a deals repo's handoff may come from anywhere."""
    driver = {"name": "handoff", "version": __version__, "rules": rules}
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def document(result: CheckResult, *, explain: bool = False) -> dict[str, Any]:
    index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for file in result.files:
        for finding in file.findings:
            if finding.code not in index:
                index[finding.code] = len(rules)
                rules.append(rule_metadata(finding.code, finding))
            text = f"{finding.message} (why: {finding.why})" if explain and finding.why else finding.message
            results.append(
                {
                    "ruleId": finding.code,
                    "ruleIndex": index[finding.code],
                    "level": finding.severity.value,  # handoff's "error"/"warning" are SARIF level names too
                    "message": {"text": text},
                    "locations": [location(finding.path, finding.line, finding.col)],
                }
            )
    return log(rules, results)


def report(result: CheckResult, console: Console, *, explain: bool) -> None:
    write_json(console, document(result, explain=explain))


# `handoff sla`: one rule per clock, only breached (error) and at-risk (warning) clocks are results; one rule per
# list for the items past due and still owed (errors)
SLA_WHY = "a missed handoff step leaves the customer waiting (docs/method.md, the clocks)"
OVERDUE_WHY = "a promise or a planned step that slips unseen is the customer's first broken promise; mark it done, " \
    "dropped or renegotiated (handoff mark) once it is"
INVALID: dict[str, Any] = {
    "id": "sla/invalid-dossier",
    "name": "invalid-dossier",
    "shortDescription": {"text": "the dossier could not be read, so its clocks are unknown"},
    "help": {"text": "run `handoff validate` on it to see what to fix"},
}


def sla_document(result: SlaResult) -> dict[str, Any]:
    index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []

    def rule(meta: dict[str, Any]) -> int:
        if meta["id"] not in index:
            index[meta["id"]] = len(rules)
            rules.append(meta)
        return index[meta["id"]]

    for row in result.shown:
        level = SLA_LEVEL.get(row.status)
        if level is None:
            continue
        clock = row.clock
        summary = {"text": f"{clock.title} within {clock.target}"}
        at = rule({"id": f"sla/{clock.name}", "name": clock.name, "shortDescription": summary,
                   "help": {"text": SLA_WHY}})  # fmt: skip
        results.append(_result(rules[at]["id"], at, level, sla_message(row), row.path))
    for late in result.overdue or ():  # past due and still owed: an error, as a breach is
        noun = SECTION_NOUN[late.item.list]
        name = f"overdue-{noun.replace(' ', '-')}"
        at = rule({"id": f"sla/{name}", "name": name,
                   "shortDescription": {"text": f"a {noun} past its due date and not done"},
                   "help": {"text": OVERDUE_WHY}})  # fmt: skip
        results.append(_result(rules[at]["id"], at, "error", overdue_message(late), late.item.path,
                               late.item.line, late.item.col))  # fmt: skip
    for skipped in result.invalid:
        results.append(_result(INVALID["id"], rule(INVALID), "error", skipped.message, str(skipped.path)))
    return log(rules, results)


def _result(rule_id: str, rule_index: int, level: str, text: str, path: str, line: int | None = None,
            col: int | None = None) -> dict[str, Any]:
    return {"ruleId": rule_id, "ruleIndex": rule_index, "level": level, "message": {"text": text},
            "locations": [location(path, line, col)]}  # fmt: skip


def sla_report(result: SlaResult, console: Console) -> None:
    write_json(console, sla_document(result))
