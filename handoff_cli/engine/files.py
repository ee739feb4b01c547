"""Which files a run checks: paths as given, folders searched for dossiers."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from handoff_cli.errors import InputError

SUFFIXES = (".yaml", ".yml")


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders searched for *.yaml and *.yml (hidden folders such as .git skipped)."""
    return [Path(name) for name in expand_names(paths)]


def expand_names(paths: Iterable[Path]) -> list[str]:
    """As `expand`, as the names to show: a repo's worth of Path objects costs more than its results."""
    found: list[str] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(_dossiers_in(str(path)), key=lambda name: name.split(os.sep))
            if not inside:
                raise InputError("no *.yaml or *.yml files in this folder", path=path)
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
