"""Which files a run checks: paths as given, folders searched for dossiers (inside a git repo, as git sees them:
files its .gitignore rules ignore are skipped, untracked ones are not)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from handoff_cli.core.errors import InputError
from handoff_cli.repo.git_run import git

SUFFIXES = (".yaml", ".yml")


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders searched for *.yaml and *.yml (hidden folders such as .git skipped)."""
    return [Path(name) for name in expand_names(paths)]


def expand_names(paths: Iterable[Path]) -> list[str]:
    """As `expand`, as the names to show: a repo's worth of Path objects costs more than its results."""
    found: list[str] = []
    for path in paths:
        if path.is_dir():
            listed = _git_listed(str(path))
            found_in = _dossiers_in(str(path)) if listed is None else listed
            inside = sorted(found_in, key=lambda name: name.split(os.sep))
            if not inside:
                # name git's part only when it is why nothing was found
                ignored = " that git does not ignore" if listed is not None and any(_dossiers_in(str(path))) else ""
                raise InputError(f"no *.yaml or *.yml files{ignored} in this folder", path=path)
            found.extend(inside)
        elif path.is_file():
            found.append(str(path))
        elif path.exists():
            raise InputError("not a regular file (a pipe, device or socket); give a dossier's path", path=path)
        else:
            raise InputError("no such file or folder", path=path)
    return list(dict.fromkeys(found))


def _dossiers_in(top: str) -> Iterator[str]:
    """Named as pathlib names them (no leading ./); hidden folders are not entered at all, so a large
    .git costs nothing."""
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            full = os.path.join(folder, name)
            if name.endswith(SUFFIXES) and not name.startswith(".") and os.path.isfile(full):
                yield full[2:] if top == "." else full


def _git_listed(top: str) -> list[str] | None:
    """The dossiers git tracks or would track under `top` (committed, staged or untracked and not ignored),
    or None outside a git work tree (or without git), where every file counts.

    git applies .gitignore, .git/info/exclude and the global excludes file exactly as `git status`
    does, so a build or vendor folder ignored there is ignored here."""
    out = git(Path(top), "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", ".", needed_by=None)
    if out is None:
        return None
    found = []
    for relative in dict.fromkeys(os.fsdecode(n) for n in out.split(b"\0") if n):
        parts = relative.split("/")
        full = os.path.join(top, *parts)
        if relative.endswith(SUFFIXES) and not any(p.startswith(".") for p in parts) and os.path.isfile(full):
            found.append(full[2:] if top == "." else full)
    return found
