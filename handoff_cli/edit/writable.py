"""What every writer checks before it writes a byte, so a refusal leaves everything as it was.

Permission bits are read as they are written, whoever runs handoff: root may write anywhere, but a
file or folder with no write bit at all was made read-only on purpose (a frozen dossier, a release
folder), so it is refused for root too. A path inside the repo never leaves it through a symbolic
link: a `templates/` or `--out` folder linked elsewhere would let a pull request aim a write at
any file the user can write.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from handoff_cli.core.errors import WriteError

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def refuse_unwritable(path: Path, repo: Path) -> None:
    """Raise the one-line refusal that writing `path` would end in, or return when it can be written."""
    folder = _nearest_folder(path.parent)
    limit, size = _name_max(folder), len(os.fsencode(path.name))
    if size > limit:  # first: the file system answers nothing else about such a name
        raise WriteError(f"the file name is {size} bytes, over the {limit} the file system allows", path=path)
    if path.is_symlink():
        raise WriteError("is a symbolic link; refusing to write through it", path=path)
    link = _link_out_of(path, repo)
    if link is not None:
        raise WriteError(
            f"{link} is a symbolic link to outside the repository; refusing to write through it", path=path
        )
    if path.exists():
        if not path.is_file():
            raise WriteError("is not a regular file; nothing was written", path=path)
        if _read_only(path):
            raise WriteError("is read-only; nothing was written", path=path)
    elif _read_only(folder):
        raise WriteError(f"the folder {folder} is read-only; nothing was written", path=path)


def _read_only(path: Path) -> bool:
    return not os.access(path, os.W_OK) or not path.stat().st_mode & _WRITE_BITS


def _nearest_folder(folder: Path) -> Path:
    """`folder`, or the closest folder above it that exists (the writer creates the rest)."""
    folder = Path(os.path.abspath(folder))
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _link_out_of(path: Path, repo: Path) -> Path | None:
    """The first folder of `path` (as given) inside `repo` that is a symbolic link leading out of `repo`.

    Folders outside the repo are where the user asked to write, and are not checked."""
    top = Path(os.path.abspath(repo))
    real_top = top.resolve()
    for end in range(1, len(path.parts)):
        folder = Path(*path.parts[:end])
        full = Path(os.path.abspath(folder))
        inside = full != top and full.is_relative_to(top)
        if inside and folder.is_symlink() and not folder.resolve().is_relative_to(real_top):
            return folder
    return None
