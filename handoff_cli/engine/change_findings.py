"""`validate --change-control`: each commitment changed after signature becomes an HC001 warning on the dossier."""

from __future__ import annotations

from pathlib import Path

from handoff_cli.clocks.businessdays import deal_tz
from handoff_cli.core.errors import HandoffError
from handoff_cli.core.findings import CheckResult, Finding, Severity
from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.gate.change_control import CHANGE_CODES, changes
from handoff_cli.settings import Project


def add_changes(result: CheckResult, project: Project) -> None:
    """At the commitment's line as it stands now; a removed one at the `commitments` key."""
    name, why = CHANGE_CODES["HC001"]
    for file in result.files:
        if file.score is None:
            continue  # an invalid file fails on its own problems
        try:
            dossier, positions = load_dossier(Path(file.path), project)
        except HandoffError:
            continue
        titles = [c.what.strip() for c in dossier.commitments or ()]
        for change in changes(Path(file.path), dossier.deal.signed_at, deal_tz(project.settings, dossier.deal)):
            where: tuple[str | int, ...] = ("commitments",)
            if change.what in titles:
                where = ("commitments", titles.index(change.what))
            line, col = positions.key(where)
            file.findings.append(Finding("HC001", name, Severity.WARNING, file.path, line, col, "commitments",
                                         change.message, why))  # fmt: skip
        file.findings.sort(key=lambda f: (f.line, f.col, f.code))
