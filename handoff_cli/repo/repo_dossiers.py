"""The other dossiers of the git repo a run happens in, which copied text is compared with.

A pre-commit hook is given the staged files only, and `handoff validate deals/acme.yaml` one file;
an answer pasted from a dossier committed last month must still be found. The repo's dossiers are
what `handoff validate` with no path would check (the `paths` setting), as git sees them: tracked
and untracked files alike, minus what .gitignore hides. They are compared with, never reported.

git's own index names each tracked file's content (its blob id) without the file being read, and
knows which files the work tree has changed since: so a file git holds unchanged is known by its
blob id, and only the changed and untracked ones need reading to be known at all.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from handoff_cli.repo.files import SUFFIXES
from handoff_cli.repo.git_run import git
from handoff_cli.settings import Project

_FILES = ("100644", "100755")  # a regular file's modes in git; a symlink's blob is its target, not its content


@dataclass(frozen=True, slots=True)
class RepoDossiers:
    others: list[tuple[str, str | None]] = field(default_factory=list)  # name, blob id when git holds it unchanged
    blobs: dict[str, str] = field(default_factory=dict)  # the blob id of each given file git holds unchanged


def repo_dossiers(project: Project, given: Sequence[str]) -> RepoDossiers:
    """The repo's dossiers not among `given`, named relative to the working directory; none outside git."""
    scopes = [str(project.root / p) for p in project.settings.paths]
    # -t tags each line: H unchanged in the work tree, C changed, R deleted, ? untracked; -s adds the blob
    out = git(project.root, "ls-files", "-z", "-t", "-s", "--cached", "--modified", "--deleted", "--others",
              "--exclude-standard", "--", *scopes, needed_by=None)  # fmt: skip
    if out is None:  # not a git repo, or no git: only the files of the run are compared
        return RepoDossiers()
    top = os.path.realpath(project.root)
    # the given files by their names from the repo's top, as git names them, so no listed name needs a path call
    taken = {_from_top(os.path.realpath(name), top): name for name in given}
    here = os.getcwd()
    found = RepoDossiers()
    for name, blob in _listed(out).items():
        if not name.endswith(SUFFIXES) or name.startswith(".") or "/." in name:  # hidden, or in a hidden folder
            continue
        if name in taken:
            if blob:
                found.blobs[taken[name]] = blob
        elif here == top:  # the usual case, and a repo's worth of path calls would cost more than the rest
            found.others.append((name if os.sep == "/" else os.path.join(*name.split("/")), blob))
        else:
            full = os.path.join(top, *name.split("/"))
            found.others.append((os.path.relpath(full, here) if full.startswith(here + os.sep) else full, blob))
    return found


def _from_top(path: str, top: str) -> str | None:
    return path[len(top) + 1 :].replace(os.sep, "/") if path.startswith(top + os.sep) else None


def _listed(out: bytes) -> dict[str, str | None]:
    """Each file once: its blob id when the work tree holds what git's index does, else None (read it)."""
    tags: dict[str, set[str]] = {}
    blobs: dict[str, str] = {}
    for line in os.fsdecode(out).split("\0"):
        tag, rest = line[:1], line[2:]
        if tag == "?":
            tags.setdefault(rest, set()).add(tag)
        elif rest:
            meta, _, name = rest.partition("\t")
            mode, blob, stage = meta.split(" ")
            tags.setdefault(name, set()).add(tag)
            if tag == "H" and stage == "0" and mode in _FILES:
                blobs[name] = blob
    return {
        name: blobs.get(name) if found == {"H"} else None
        for name, found in tags.items()
        if "R" not in found  # deleted from the work tree: nothing to compare with
    }
