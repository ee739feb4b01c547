"""`validate --change-control`: each commitment changed after signature becomes an HC001 warning on the dossier."""

from __future__ import annotations

from pathlib import Path

from handoff_cli.core.codes import CODES
from handoff_cli.core.errors import HandoffError
from handoff_cli.core.findings import CheckResult, Finding
from handoff_cli.core.moments import deal_zone
from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.gate.change_control import changes
from handoff_cli.settings import Project


def add_changes(result: CheckResult, project: Project) -> None:
    """At the commitment's line as it stands now; a removed one at the `commitments` key."""
    code = CODES["HC001"]
    for file in result.files:
        if file.score is None:
            continue  # an invalid file fails on its own problems
        try:
            dossier, positions = load_dossier(Path(file.path), project)
        except HandoffError:
            continue
        titles = [c.what.strip() for c in dossier.commitments or ()]
        for change in changes(Path(file.path), dossier.deal.signed_at, deal_zone(project.settings, dossier.deal)):
            where: tuple[str | int, ...] = ("commitments",)
            if change.what in titles:
                where = ("commitments", titles.index(change.what))
            line, col = positions.key(where)
            file.findings.append(Finding(code.code, code.name, code.severity, file.path, line, col, "commitments",
                                         change.message, code.why))  # fmt: skip
        file.findings.sort(key=lambda f: (f.line, f.col, f.code))
