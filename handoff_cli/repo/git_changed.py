"""The dossiers changed relative to a git ref, for `handoff validate --changed` (a large deals repo's CI stays fast).

Changed means: different in the working tree (committed, staged or not) from the merge base of the ref and
HEAD, as `git diff REF...` sees a branch, plus untracked files that .gitignore does not hide, so a dossier
written but not yet added is checked too. Deleted files are left out; a renamed file counts by its new name.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from handoff_cli.repo.files import SUFFIXES
from handoff_cli.repo.git_run import GitError, git_text

# the default branch, in the order a clone usually knows it: the remote's HEAD, then the common names
DEFAULT_BASES = ("origin/HEAD", "main", "master")


@dataclass(frozen=True, slots=True)
class Changed:
    files: list[Path]
    base: str  # the ref compared with, as the user may want to read it back: "main (merge base 1a2b3c4)"


def resolve_commit(cwd: Path, ref: str, *, needed_by: str) -> str | None:
    """The commit `ref` names, or None when it names none."""
    found = git_text(cwd, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", needed_by=needed_by)
    return found.strip() if found else None


@dataclass(frozen=True, slots=True)
class Base:
    root: Path  # the repository's top folder
    commit: str  # what to compare with: the merge base of the ref and HEAD, else the ref itself
    label: str  # as the user may want to read it back: "main (merge base 1a2b3c4)"
    ref: str  # the ref as given, or the default branch found


def compare_base(cwd: Path, base: str | None = None, *, flag: str = "--changed") -> Base:
    """The commit a branch is compared with, as `git diff REF...` sees it; `flag` names the option in errors."""
    top = git_text(cwd, "rev-parse", "--show-toplevel", needed_by=flag)
    if top is None:
        raise GitError(f"not inside a git repository; {flag} compares with a git ref")
    if base is not None:
        if resolve_commit(cwd, base, needed_by=flag) is None:
            raise GitError(f"--base {base}: no such commit, branch or tag")
        ref = base
    else:
        ref = next((r for r in DEFAULT_BASES if resolve_commit(cwd, r, needed_by=flag) is not None), "")
        if not ref:
            tried = ", ".join(DEFAULT_BASES)
            raise GitError(f"no default branch to compare with (tried {tried}); pass --base REF")
    # unrelated histories have no merge base: then the ref itself is the base
    merge = git_text(cwd, "merge-base", ref, "HEAD", needed_by=flag)
    commit = merge.strip() if merge else resolve_commit(cwd, ref, needed_by=flag) or ref
    return Base(Path(top.strip()), commit, f"{ref} (merge base {commit[:7]})" if merge else ref, ref)


def changed_files(cwd: Path, base: str | None = None) -> Changed:
    """Every added, modified, renamed or untracked file (not only dossiers), as absolute paths."""
    found = compare_base(cwd, base)
    diff = git_text(cwd, "diff", "--name-only", "--no-renames", "--diff-filter=d", "-z", found.commit, "--",
                    needed_by="--changed")
    untracked = git_text(cwd, "ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/",
                         needed_by="--changed")
    if diff is None or untracked is None:
        raise GitError(f"git diff against {found.ref} failed")
    names = [n for n in (*diff.split("\0"), *untracked.split("\0")) if n]
    return Changed(sorted({found.root / n for n in names}), found.label)


def changed_dossiers(within: Sequence[Path], cwd: Path, base: str | None = None) -> Changed:
    """The changed *.yaml/*.yml files that are one of `within` or inside one of its folders (hidden ones skipped)."""
    found = changed_files(cwd, base)
    scopes = [p.resolve() for p in within]
    picked = [
        path
        for path in found.files
        if path.suffix in SUFFIXES and path.is_file() and any(_inside(path.resolve(), s) for s in scopes)
    ]
    # shown relative to the working directory (../ when outside it), like the paths a user types
    shown = [Path(os.path.relpath(p, cwd)) for p in picked]
    return Changed(shown, found.base)


def _inside(path: Path, scope: Path) -> bool:
    if path == scope:
        return True
    return path.is_relative_to(scope) and not any(p.startswith(".") for p in path.relative_to(scope).parts)
