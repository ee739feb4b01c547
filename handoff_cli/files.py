"""Which files a run checks: paths as given, folders searched for dossiers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from handoff_cli.errors import InputError

SUFFIXES = (".yaml", ".yml")


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders searched for *.yaml and *.yml (hidden folders such as .git skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(_dossiers_in(path))
            if not inside:
                raise InputError("no *.yaml or *.yml files in this folder", path=path)
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("no such file or folder", path=path)
    return list(dict.fromkeys(found))


def _dossiers_in(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).parts
        if path.suffix in SUFFIXES and path.is_file() and not any(p.startswith(".") for p in relative):
            yield path
