"""The dossiers that differ between two revisions, or a revision and the work tree (`handoff diff`), and each one's
two texts. Renames are followed (`git diff -M`), so a renamed dossier is one change, not a removal and an addition.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from handoff_cli.repo.files import SUFFIXES
from handoff_cli.repo.git_changed import resolve_commit
from handoff_cli.repo.git_history import show
from handoff_cli.repo.git_run import GitError, git_text

WORK_TREE = "the work tree"
NEEDED_BY = "handoff diff"  # what the line says needs git when it is not installed


@dataclass(frozen=True, slots=True)
class Revision:
    name: str  # as given, or WORK_TREE
    commit: str | None  # None: the work tree
    date: str | None  # the commit's committer date (ISO 8601); None for the work tree or a bare tree


@dataclass(frozen=True, slots=True)
class Pair:
    old: str | None  # the path from the repository's top at the base; None: added
    new: str | None  # at the head; None: removed
    before: bytes | None
    after: bytes | None

    @property
    def renamed(self) -> bool:
        return self.old is not None and self.new is not None and self.old != self.new


def revision(root: Path, name: str) -> Revision:
    found = resolve_commit(root, name, needed_by=NEEDED_BY) or _tree(root, name)
    if found is None:
        raise GitError(f"{name}: no such commit, branch, tag or tree")
    date = git_text(root, "show", "-s", "--format=%cI", found, "--", needed_by=NEEDED_BY)
    return Revision(name, found, date.strip() or None if date else None)


def _tree(root: Path, name: str) -> str | None:
    found = git_text(root, "rev-parse", "--verify", "--quiet", f"{name}^{{tree}}", needed_by=NEEDED_BY)
    return found.strip() if found else None


def is_revision(root: Path, name: str) -> bool:
    return (resolve_commit(root, name, needed_by=NEEDED_BY) or _tree(root, name)) is not None


def changed_pairs(root: Path, base: Revision, head: Revision, scopes: Sequence[Path]) -> list[Pair]:
    """Each dossier (*.yaml, *.yml) inside one of `scopes` (absolute) that differs, in path order."""
    assert base.commit is not None
    args = ["diff", "-M", "--name-status", "-z", base.commit, *([head.commit] if head.commit else []), "--"]
    out = git_text(root, *args, needed_by=NEEDED_BY)
    if out is None:
        raise GitError(f"git diff {base.name} {head.name} failed")
    tokens = iter(out.split("\0"))
    found: list[tuple[str | None, str | None]] = []
    for status in tokens:
        if not status:
            continue
        first = next(tokens, "")
        if status[0] in "RC":
            found.append((first if status[0] == "R" else None, next(tokens, "")))
        elif status[0] == "A":
            found.append((None, first))
        elif status[0] == "D":
            found.append((first, None))
        else:
            found.append((first, first))
    if head.commit is None:  # new files not yet added are changes of the work tree too
        untracked = git_text(root, "ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/",
                               needed_by=NEEDED_BY) or ""
        found += [(None, name) for name in untracked.split("\0") if name]
    pairs = []
    for old, new in found:
        if not any(_wanted(root, name, scopes) for name in (old, new) if name):
            continue
        before = show(root, base.commit, old) if old else None
        after = (show(root, head.commit, new) if head.commit else _read(root / new)) if new else None
        pairs.append(Pair(old, new, before, after))
    return sorted(pairs, key=lambda p: p.new or p.old or "")


def _wanted(root: Path, name: str, scopes: Sequence[Path]) -> bool:
    path = root / name
    if path.suffix not in SUFFIXES:
        return False
    for scope in scopes:
        if path == scope or (path.is_relative_to(scope) and not any(
                part.startswith(".") for part in path.relative_to(scope).parts)):
            return True
    return False


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def shown(root: Path, name: str) -> str:
    """A path from the repository's top as the user would type it from here."""
    return os.path.relpath(root / name, Path.cwd())
