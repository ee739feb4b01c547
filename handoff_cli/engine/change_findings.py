"""Change control in `validate`: each commitment changed after signature becomes an HC001 warning on the dossier.

The signature moment of every dossier comes with its result (computed or cached), so the whole run's git history
is read once (gate/change_control.changes_of) and only a dossier with a change is read again, for the line of
the commitment. The results are not held: a run's store takes the findings as it takes copied text's.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from handoff_cli.core.codes import CODES
from handoff_cli.core.errors import HandoffError
from handoff_cli.core.findings import CheckResult, Finding
from handoff_cli.engine.result_store import ResultStore
from handoff_cli.gate.change_control import Change, changes_of
from handoff_cli.settings import Project


def add_changes(result: CheckResult, project: Project) -> None:
    """At the commitment's line as it stands now; a removed one at the `commitments` key."""
    signed: dict[Path, datetime] = {}
    positions: dict[Path, int] = {}
    for position, file in enumerate(result.files):
        if file.score is not None and file.signed_at is not None:  # an invalid file fails on its own problems
            signed[Path(file.path)] = datetime.fromisoformat(file.signed_at)
            positions[Path(file.path)] = position
    for path, found in changes_of(signed).items():
        if findings := _findings(path, found, project):
            _add(result, positions[path], findings)


def _findings(path: Path, found: list[Change], project: Project) -> list[Finding]:
    # here, not at the top: a run of unchanged dossiers with no change after signature loads no model or parser
    from handoff_cli.dossier.for_commands import load_dossier

    code = CODES["HC001"]
    try:
        dossier, positions = load_dossier(path, project)
    except HandoffError:
        return []
    titles = [c.what.strip() for c in dossier.commitments or ()]
    out: list[Finding] = []
    for change in found:
        where: tuple[str | int, ...] = ("commitments",)
        if change.what in titles:
            where = ("commitments", titles.index(change.what))
        line, col = positions.key(where)
        out.append(Finding(code.code, code.name, code.severity, str(path), line, col, "commitments",
                           change.message, code.why))  # fmt: skip
    return out


def _add(result: CheckResult, position: int, findings: list[Finding]) -> None:
    if isinstance(result.files, ResultStore):
        result.files.add(position, findings)
        return
    file = result.files[position]
    file.findings = sorted([*file.findings, *findings], key=lambda f: (f.line, f.col, f.code))
