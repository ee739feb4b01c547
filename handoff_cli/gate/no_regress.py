"""`validate --no-regress`: a dossier may not score lower than it did at the base ref, so completeness only ratchets up.

The base is the one --changed compares with: the merge base of --base (default: the default branch) and
HEAD. A dossier new since then, untracked, or unreadable at the base has nothing to fall from; a renamed
one is compared with its old name. The base version is scored by a checker with the same settings, rules
and --as-of as the run, so only the dossier's own content can move the score.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from handoff_cli.core.codes import CODES
from handoff_cli.core.findings import CheckResult, Finding, Severity
from handoff_cli.gate.checks import Checker
from handoff_cli.gate.score_history import score_version
from handoff_cli.repo.git_changed import compare_base
from handoff_cli.repo.git_history import renamed, show
from handoff_cli.settings import Project


def add_regressions(
    result: CheckResult, project: Project, *, as_of: datetime, min_score: float | None, base: str | None
) -> None:
    """Add an HR001 error to each valid dossier of `result` that scores lower than at the base."""
    found = compare_base(Path.cwd(), base, flag="--no-regress")
    checker = Checker.create(project, as_of=as_of, min_score=min_score)
    moved = renamed(found.root, found.commit)
    name, why = CODES["HR001"].name, CODES["HR001"].why
    for file in result.files:
        path = Path(file.path).resolve()
        if file.score is None or not path.is_relative_to(found.root):
            continue  # invalid files already fail; a file outside the repository has no past here
        here = path.relative_to(found.root).as_posix()
        data = show(found.root, found.commit, moved.get(here, here))
        if data is None:
            continue
        before = score_version(checker, data, here, display=file.path).score
        if before is None or file.score.percent >= before.percent:
            continue
        message = f"score fell from {before.percent:.1f} to {file.score.percent:.1f} since {found.ref}"
        # beside the gate's own line-1 finding, in the (line, col, code) order of the rest
        at = next((i for i, f in enumerate(file.findings) if (f.line, f.col, f.code) > (1, 1, "HR001")), None)
        finding = Finding("HR001", name, Severity.ERROR, file.path, 1, 1, "", message, why)
        file.findings.insert(len(file.findings) if at is None else at, finding)
