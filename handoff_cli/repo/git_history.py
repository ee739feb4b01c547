"""A dossier's past in git, for `handoff history` and `validate --no-regress`: the commits that touched it, and
the file as a commit left it. git runs as a subprocess, as everywhere (repo/git_run.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handoff_cli.repo.git_run import GitError, git

_FIELD = "\x1f"  # between the fields of one commit; no name or date holds it


@dataclass(frozen=True, slots=True)
class Version:
    sha: str
    short: str
    date: str  # author date, ISO 8601 with its offset
    author: str
    name: str  # the file's path from the repository's top in that commit (it may have been renamed since)


def repo_root(cwd: Path, *, purpose: str, display: str | None = None) -> Path:
    top = git(cwd, "rev-parse", "--show-toplevel") if cwd.is_dir() else None
    if top is None:
        raise GitError(f"not inside a git repository; {purpose}", path=display)
    return Path(top.decode().strip())


def versions(path: Path) -> list[Version]:
    """Every commit that changed the file, newest first, following renames but not copies.

    `git log --follow` follows a copy too (there is no switch to stop it): a dossier copied from another
    deal would show that deal's past as its own. So the statuses are read, and the history ends at the
    commit that made the file as a copy, which is where this deal's own file begins."""
    folder = path.resolve().parent
    repo_root(folder, purpose="history reads the dossier's commits from git", display=str(path))
    fields = _FIELD.join(("%H", "%h", "%aI", "%an"))
    out = git(folder, "log", "--follow", "-M", "-z", f"--format={fields}", "--name-status", "--", path.name)
    # -z: "<fields>\0\n<status>\0<name>\0" per commit, or "...\n<R|C><score>\0<old>\0<new>\0" for a rename
    # or copy; a merge that changed nothing itself has no status at all
    tokens = iter((out or b"").decode("utf-8", "replace").split("\0"))
    found: list[Version] = []
    header: list[str] | None = None
    for token in tokens:
        status = token.strip("\n")
        if _FIELD in token:
            header = token.split(_FIELD)
        elif header is not None and status:
            name = next(tokens, "")
            if status[0] in "RC":
                name = next(tokens, "")  # the new name; the old one was just read
            sha, short, date, author = header
            found.append(Version(sha, short, date, author, name))
            header = None
            if status[0] == "C":
                break
    return found


def shallow(root: Path) -> bool:
    """Whether the clone holds only part of the history (`git clone --depth`, as CI checkouts often are)."""
    return (git(root, "rev-parse", "--is-shallow-repository") or b"").strip() == b"true"


def show(root: Path, commit: str, name: str) -> bytes | None:
    """The file `name` (from the repository's top) as `commit` left it; None if it did not exist there."""
    return git(root, "show", f"{commit}:{name}")


def renamed(root: Path, commit: str) -> dict[str, str]:
    """Files renamed since `commit`, new name -> old name (both from the repository's top)."""
    out = git(root, "diff", "-M", "--name-status", "--diff-filter=R", "-z", commit, "--")
    tokens = (out or b"").decode("utf-8", "replace").split("\0")
    # -z: "R<score>\0<old>\0<new>\0" per rename
    return {tokens[i + 2]: tokens[i + 1] for i in range(0, len(tokens) - 2, 3) if tokens[i].startswith("R")}
