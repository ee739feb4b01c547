"""The report's trend (`report --trend MONTHS`): the portfolio's completeness and on-time rate at the end of each
month, from the dossiers as git's history left them then.

Each month is read from one commit: the last one on HEAD's first-parent line by the month's end (or by
--as-of for the current month). Its dossiers under the report's paths are scored with today's rules and
settings at that moment, so a change in the figures is a change in the dossiers, not in the rules. The
cost: one `git rev-list` and one `git ls-tree` per month, one `git cat-file --batch` for every version
at once, one reading of each version, then the rules and clocks of each dossier at each month's end.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from handoff_cli.dossier.for_commands import Parsed, parse
from handoff_cli.gate.checks import Checker
from handoff_cli.portfolio.facts import DealFacts, deal_facts
from handoff_cli.portfolio.metrics import metrics
from handoff_cli.portfolio.pipeline import in_pipeline
from handoff_cli.portfolio.report_document import TrendMonth
from handoff_cli.repo.git_history import repo_root
from handoff_cli.repo.git_run import GitError
from handoff_cli.repo.git_trees import commit_at, dossier_blobs, read_blobs
from handoff_cli.settings import Project

MAX_MONTHS = 120


def month_ends(as_of: datetime, months: int) -> list[tuple[str, datetime]]:
    """("YYYY-MM", the month's end) for the `months` months up to --as-of's, oldest first; the current
    month ends at --as-of. Month boundaries are midnight in --as-of's zone."""
    out = []
    year, month = as_of.year, as_of.month
    for _ in range(months):
        following = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=as_of.tzinfo)
        out.append((f"{year:04d}-{month:02d}", min(following, as_of)))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def trend(paths: Sequence[Path], project: Project, *, as_of: datetime, months: int) -> list[TrendMonth]:
    first = paths[0].resolve() if paths else Path.cwd()
    root = repo_root(first if first.is_dir() else first.parent, purpose="--trend reads the dossiers' past from git")
    specs = [_spec(p, root) for p in paths]
    ends = month_ends(as_of, months)
    commits = [commit_at(root, end) for _, end in ends]
    trees = {c: dossier_blobs(root, c, specs) for c in set(commits) if c is not None}
    contents = read_blobs(root, (blob for tree in trees.values() for blob, _ in tree))
    # each version is read once, however many months it stands for; only its check runs again per month
    readings = {blob: _read(name, contents.get(blob, b""), project) for tree in trees.values() for blob, name in tree}
    found: list[TrendMonth] = []
    for (month, end), commit in zip(ends, commits, strict=True):
        if commit is None:
            found.append({"month": month, "revision": None, "handoffs": 0, "completeness": None,
                          "on_time_rate": None})  # fmt: skip
            continue
        checker = Checker.create(project, as_of=end)
        deals = [d for blob, name in trees[commit] if (d := _facts(readings[blob], name, checker)) is not None]
        m = metrics([d for d in deals if not in_pipeline(d)])
        found.append({"month": month, "revision": commit[:12], "handoffs": m.handoffs,
                      "completeness": m.completeness_mean, "on_time_rate": m.completion_rate})  # fmt: skip
    return found


def _read(name: str, data: bytes, project: Project) -> Parsed | None:
    """A past version as the report reads a file; None when it is too large to read (HY010 today)."""
    if len(data) > project.settings.max_file_bytes:
        return None
    return parse(Path(name), name, project, data)


def _facts(parsed: Parsed | None, name: str, checker: Checker) -> DealFacts | None:
    """The version's facts at the checker's moment; None when it was not a valid dossier then."""
    if parsed is None or parsed.dossier is None:
        return None
    result = checker.check_parsed(parsed, name)
    return None if result.score is None else deal_facts(name, parsed.dossier, result, checker)


def _spec(path: Path, root: Path) -> str:
    """The path from the repository's top, as git's pathspec; a path outside the repository has no past here."""
    try:
        inside = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise GitError("is outside the git repository; --trend reads the dossiers' past from git",
                       path=str(path)) from None  # fmt: skip
    return inside or "."
