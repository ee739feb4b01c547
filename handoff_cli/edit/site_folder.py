"""Writing a static site: every page into a fresh folder beside DIR, then that folder put in DIR's place, so a
reader sees the old site or the new one whole, never a mix, and a failure leaves DIR as it was. On Linux the
two folders trade places in one step (renameat2's RENAME_EXCHANGE), so DIR is never missing either; elsewhere,
or on a file system without that call, the old folder is moved aside first. DIR's lock (edit/file_lock.py) is
held from the first check to the swap, so two runs writing one site take turns.

DIR is only replaced when handoff wrote it (it holds MARKER) or is empty; any other folder needs --force, and
a folder that holds a git repository or a dossier repository's settings is never replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path, PurePosixPath

from handoff_cli.core.errors import WriteError
from handoff_cli.edit.file_lock import DEFAULT_WAIT, locked
from handoff_cli.edit.writable import refuse_unwritable

MARKER = ".handoff-site"
_MARK = "Written by `handoff report --site`; the next run replaces this folder whole.\n"
_KEEP = (".git", "handoff.toml", "pyproject.toml")  # never deleted, --force or not
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2  # from Linux's fcntl.h and fs.h
_NO_EXCHANGE = (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP)  # the kernel or the file system cannot


def write_site(folder: Path, pages: Iterable[tuple[str, str]], *, repo: Path, force: bool,
               wait: float = DEFAULT_WAIT) -> int:  # fmt: skip
    """`pages`: (relative POSIX file name, text), each written as it comes; the number written. Raises WriteError,
    with nothing changed, when it cannot, or when another run has held the folder's lock for `wait` seconds."""
    with locked(folder, wait=wait):
        return _write(folder, pages, repo=repo, force=force)


def _write(folder: Path, pages: Iterable[tuple[str, str]], *, repo: Path, force: bool) -> int:
    _refuse(folder, repo, force)
    parent = Path(os.path.abspath(folder)).parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.", suffix=".tmp"))
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}; nothing was written", path=folder) from None
    written = 0
    try:
        for name, text in pages:
            target = staging / _inside(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written += 1
        (staging / MARKER).write_text(_MARK, encoding="utf-8")
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp's 0700 would hide the site from a web server's user
        _swap(staging, folder)
        return written
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}; the folder is unchanged", path=folder) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _refuse(folder: Path, repo: Path, force: bool) -> None:
    refuse_unwritable(folder / MARKER, repo)  # a symbolic link out of the repository, a read-only folder
    if folder.is_symlink():
        raise WriteError("is a symbolic link; refusing to write through it", path=folder)
    if folder.exists() and not folder.is_dir():
        raise WriteError("is not a folder; nothing was written", path=folder)
    if not folder.is_dir() or not any(folder.iterdir()) or (folder / MARKER).is_file():
        return
    kept = [name for name in _KEEP if (folder / name).exists()]
    here = Path(os.path.abspath(folder))
    if kept or here == Path(os.path.abspath(repo)) or here in Path(os.path.abspath(repo)).parents:
        what = f"holds {kept[0]}" if kept else "holds the repository"
        raise WriteError(f"{what}; refusing to replace it with a site, even with --force", path=folder)
    if not force:
        raise WriteError(f"is a folder that is not a handoff site (no {MARKER}); pass --force to replace it",
                         path=folder)  # fmt: skip


def _inside(name: str) -> Path:
    """A page's name as a path inside the site; a name that would leave it is a programming error."""
    parts = PurePosixPath(name).parts
    assert parts and not PurePosixPath(name).is_absolute() and ".." not in parts, name
    return Path(*parts)


def _swap(staging: Path, folder: Path) -> None:
    """The new site at `folder`; the old one, if any, is left at `staging` or beside it, for the caller to remove."""
    if not folder.exists():
        os.rename(staging, folder)
        return
    if _exchange(staging, folder):
        return
    old = Path(tempfile.mkdtemp(dir=staging.parent, prefix=f".{folder.name}.", suffix=".old"))
    os.rmdir(old)
    os.rename(folder, old)
    try:
        os.rename(staging, folder)
    except OSError:
        os.rename(old, folder)  # put the old site back: the folder is as it was
        raise
    with contextlib.suppress(OSError):
        shutil.rmtree(old)


def _exchange(a: Path, b: Path) -> bool:
    """`a` and `b` trade places in one step; False where the system or the file system has no such call."""
    call = _renameat2()
    if call is None:
        return False
    if call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(b))


@cache
def _renameat2() -> Callable[..., int] | None:
    """glibc's renameat2 (2.28 and later), or None off Linux or without it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    call.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    call.restype = ctypes.c_int
    return call


def _umask() -> int:
    mask = os.umask(0o077)  # reading the umask means setting it; it is put back on the next line
    os.umask(mask)
    return mask
