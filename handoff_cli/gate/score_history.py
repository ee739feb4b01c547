"""A dossier's completeness at every commit that touched it (`handoff history`), and the scoring of a past version.

Every version is scored with today's rules, settings and --as-of, so the figures compare like with like:
a change in the score is a change in the dossier, not in the rules.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from handoff_cli.core.errors import InputError
from handoff_cli.core.findings import FileResult
from handoff_cli.gate.checks import Checker
from handoff_cli.repo.git_history import Version, repo_root, show, versions
from handoff_cli.repo.git_run import GitError


@dataclass(frozen=True, slots=True)
class Point:
    version: Version
    result: FileResult
    delta: float | None  # against the version before it; None for the first, or when either could not be scored

    @property
    def verdict(self) -> str:
        return "invalid" if self.result.score is None else "pass" if self.result.passed else "fail"


def score_version(checker: Checker, data: bytes, name: str, *, display: str) -> FileResult:
    """Score a past version as if it were the file `name`: copied, under that name, into a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="handoff-") as folder:
        copy = Path(folder) / Path(name).name
        copy.write_bytes(data)
        return checker.check_file(copy, display=display)


def history(path: Path, checker: Checker) -> list[Point]:
    """Newest first; a commit where the file cannot be read back (it deleted the file) is left out."""
    display = str(path)
    if not path.resolve().parent.is_dir():
        raise InputError("no such file or folder", path=display)
    found = versions(path)
    if not found:
        raise GitError("no commit touches this file; commit it first to start its history", path=display)
    root = repo_root(path.resolve().parent, purpose="history reads the dossier's commits from git")
    scored = [
        (version, score_version(checker, data, version.name, display=display))
        for version in found
        if (data := show(root, version.sha, version.name)) is not None
    ]
    points: list[Point] = []
    for i, (version, result) in enumerate(scored):
        older = scored[i + 1][1].score if i + 1 < len(scored) else None
        delta = round(result.score.percent - older.percent, 1) if result.score and older else None
        points.append(Point(version, result, delta))
    return points
