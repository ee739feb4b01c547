"""The dossiers as a past commit left them, for the report's trend: the commit a moment falls on, the files of
its tree under some paths, and their contents, read with one `git cat-file --batch` for all of them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from handoff_cli.repo.files import SUFFIXES
from handoff_cli.repo.git_run import GitError, git


def commit_at(root: Path, moment: datetime) -> str | None:
    """The last commit on HEAD's first-parent line committed by `moment`; None when there was none yet."""
    out = git(root, "rev-list", "-1", "--first-parent", f"--before={moment.isoformat()}", "HEAD", "--",
              needed_by="--trend")
    sha = (out or b"").decode().strip()
    return sha or None


def dossier_blobs(root: Path, commit: str, pathspecs: Sequence[str]) -> list[tuple[str, str]]:
    """(blob id, path from the repository's top) of every *.yaml / *.yml under `pathspecs` in the commit."""
    out = git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *pathspecs, needed_by="--trend") or b""
    found = []
    for entry in out.decode("utf-8", "replace").split("\0"):
        meta, _, name = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob" and Path(name).suffix in SUFFIXES:
            found.append((parts[2], name))
    return found


def read_blobs(root: Path, ids: Iterable[str]) -> dict[str, bytes]:
    """Each blob's bytes by id, from one git process however many there are."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    out = git(root, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in wanted).encode(), needed_by="--trend")
    if out is None:
        raise GitError("git cat-file could not read the dossiers' past versions")
    found: dict[str, bytes] = {}
    at = 0
    for _ in wanted:
        end = out.index(b"\n", at)
        head = out[at:end].decode().split()  # "<id> blob <size>", or "<id> missing"
        if len(head) != 3:
            at = end + 1
            continue
        sha, kind, size = head
        start = end + 1
        found[sha] = out[start : start + int(size)] if kind == "blob" else b""
        at = start + int(size) + 1
    return found
