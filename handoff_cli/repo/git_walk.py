"""The committed versions of many files at once, for change control: one `git log` for the whole set of a run,
then one `git cat-file --batch` for the contents, whatever the number of files.

A one-file run (a pre-commit hook) asks for that file's history alone (`git log --follow`), so it costs one
file's commits in any size of repo; a run of several files walks the repository's commits since the earliest
moment asked about once, and keeps what touched the files asked about. Each commit's raw diff names the blob a
file had before and after it, so the version at the start of the walk is known without a second walk.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from handoff_cli.repo.git_run import git, git_stream

_FIELD = "\x1f"  # before and between the fields of one commit; no name or date holds it
_NO_BLOB = "0" * 40


@dataclass(frozen=True, slots=True)
class Commit:
    sha: str
    date: str  # author date, ISO 8601 with its offset
    author: str


@dataclass(frozen=True, slots=True)
class Touch:
    """One commit's change to one file: the blob before it (None: the file began there) and after (None: gone)."""

    commit: Commit
    old: str | None
    new: str | None


def top_of(path: Path) -> Path | None:
    """The work tree holding `path`: the nearest folder up with a `.git` (a folder, or a worktree's file).

    Looked up on disk, not asked of git, so that a run of many files outside git starts no process at all."""
    for folder in path.resolve().parents:
        if (folder / ".git").exists():
            return folder
    return None


def histories(top: Path, names: Sequence[str], *, since: datetime | None = None) -> dict[str, list[Touch]]:
    """Each of `names` (from the top, with /) with the commits that touched it, oldest first, renames followed.

    With one name, that file's own history; with more, one walk over the commits since `since` (by
    commit date, which is never before the author date of a commit made since). A file no commit touched is
    left out; so is everything when git cannot read the repository."""
    wanted = set(names)
    if not wanted:
        return {}
    fields = _FIELD + _FIELD.join(("%H", "%aI", "%an"))
    args = ["log", "-M", "--raw", "--no-abbrev", "-z", f"--format={fields}"]
    if since is not None:
        args.append(f"--since={since.isoformat()}")
    if len(wanted) == 1:
        # --follow takes one path, and a --reverse would stop it following renames: newest first, as git walks
        args += ["--follow", "--", *wanted]
    return _by_name(_touches(git(top, *args, needed_by=None) or b""), wanted)  # no git: no past known


def blobs(top: Path, ids: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """The contents of the blobs `ids`, read by one `git cat-file --batch`, one at a time; a missing one is left
    out. The ids go in through a file, so git never waits on a pipe that is not read."""
    with tempfile.TemporaryFile() as asked:
        count = 0
        for blob in ids:
            asked.write(f"{blob}\n".encode("ascii"))
            count += 1
        if not count:
            return
        asked.seek(0)
        with git_stream(top, "cat-file", "--batch", stdin=asked) as out:
            if out is None:
                return
            for _ in range(count):
                header = out.readline().split()
                if len(header) != 3:
                    continue  # "<id> missing": nothing follows it
                data = out.read(int(header[2]))
                out.read(1)  # the newline after every object
                yield header[0].decode("ascii"), data


def short_names(top: Path, shas: Iterable[str]) -> dict[str, str]:
    """Each commit's short name as git abbreviates it in this repository (the walk's --no-abbrev gives full ones),
    in one `git log --no-walk`; no process when there is none to name."""
    asked = "".join(f"{sha}\n" for sha in dict.fromkeys(shas))
    if not asked:
        return {}
    out = git(top, "log", "--no-walk=unsorted", "--stdin", f"--format=%H{_FIELD}%h", stdin=asked.encode("ascii"),
              needed_by=None)
    pairs = (line.split(_FIELD) for line in (out or b"").decode("ascii", "replace").splitlines())
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


# (commit, status letter, name, new name of a rename or copy, blob before, blob after)
Raw = tuple[Commit, str, str, str | None, str | None, str | None]


def _touches(out: bytes) -> Iterator[Raw]:
    r"""Per file per commit, newest commit first.

    -z: "\x1f<fields>\0" per commit, then per file "\n:<modes> <old> <new> <status>\0<name>\0", or
    "...<R|C><score>\0<old name>\0<new name>\0" for a rename or copy; a merge shows no file at all."""
    tokens = iter(out.decode("utf-8", "replace").split("\0"))
    commit: Commit | None = None
    for token in tokens:
        if token.startswith(_FIELD):
            sha, date, author = token[1:].split(_FIELD)
            commit = Commit(sha, date, author)
            continue
        meta = token.lstrip("\n")
        if commit is None or not meta.startswith(":"):
            continue
        parts = meta[1:].split(" ")
        if len(parts) != 5:
            continue
        old_blob, new_blob, status = parts[2], parts[3], parts[4]
        first = next(tokens, "")
        second = next(tokens, "") if status[:1] in ("R", "C") else None
        yield commit, status[:1], first, second, _blob(old_blob), _blob(new_blob)


def _blob(text: str) -> str | None:
    return None if text == _NO_BLOB else text


def _by_name(newest_first: Iterable[Raw], wanted: set[str]) -> dict[str, list[Touch]]:
    """The commits of each name asked about, oldest first, back through its renames to where it began.

    Walked newest first, so only the names the files asked about had are followed. A copy (which `--follow`
    follows too, with no switch to stop it) begins a file's history: a dossier copied from another deal does
    not take that deal's past as its own."""
    names = {name: name for name in wanted}  # a name at this point of the walk -> the file asked about
    found: dict[str, list[Touch]] = {}
    for commit, status, first, second, old, new in newest_first:
        now = second if status in ("R", "C") and second is not None else first
        target = names.get(now)
        if target is None:
            continue
        began = status in ("A", "C")
        found.setdefault(target, []).append(Touch(commit, None if began else old, new))
        if began or status == "D":
            del names[now]  # what came before under this name was another file
        elif status == "R":
            del names[now]
            names[first] = target
    return {name: touched[::-1] for name, touched in found.items()}
