"""Writing files safely: the new text in full, flushed, then put in place in one step; a crash at any
moment leaves the old file or the new one, and no copy of the text beside it.

On Linux the text goes into an unnamed file (O_TMPFILE) that only gets a name once it is complete:
a new file is linked in place directly (which also fails if the file appeared meanwhile), a replaced
one gets a temporary name for the instant between link and rename. Where that is not available, the
text goes into a named temporary file as before. Either way, a temporary file of ours that a killed
writer left (`.NAME.XXXXXXXX.tmp`, only ever beside NAME) is removed by the next write of NAME, under
NAME's lock, so nothing of a crash outlives the next successful write.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
from pathlib import Path

from handoff_cli.core.errors import WriteError
from handoff_cli.edit.file_lock import DEFAULT_WAIT, locked
from handoff_cli.edit.writable import refuse_unwritable


def write_new(path: Path, text: str, *, repo: Path, force: bool = False, wait: float = DEFAULT_WAIT) -> None:
    """Create `path`; an existing file is only replaced with force, and never half-written.

    Holds the file's lock (edit/file_lock.py) meanwhile, so two writers of one file take turns."""
    refuse_unwritable(path, repo)
    with locked(path, wait=wait):
        if path.exists() and not force:
            raise WriteError("already exists; pass --force to overwrite it", path=path)
        atomic_write(path, text, repo=repo, exclusive=not force)


def atomic_write(path: Path, text: str, *, repo: Path, exclusive: bool = False) -> None:
    """Replace (or with `exclusive`, create) `path` with `text`; the caller holds the file's lock."""
    refuse_unwritable(path, repo)
    data = text.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(path)
        mode = path.stat().st_mode & 0o7777 if path.exists() else _new_file_mode()
        fd = _unnamed(path.parent)
        if fd is None:
            _through_named(path, data, mode, exclusive=exclusive)
        else:
            _through_unnamed(fd, path, data, mode, exclusive=exclusive)
    except FileExistsError:
        raise WriteError("already exists; pass --force to overwrite it", path=path) from None
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}; the original is unchanged", path=path) from None


def leftovers(path: Path) -> list[Path]:
    """Temporary files an interrupted write of `path` left beside it: the exact pattern `.NAME.XXXXXXXX.tmp`."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [path.parent / name for name in names if pattern.fullmatch(name)]


def _remove_leftovers(path: Path) -> None:
    for stale in leftovers(path):
        if stale.is_file() and not stale.is_symlink():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(stale)


def _unnamed(folder: Path) -> int | None:
    """A file with no name in `folder`, or None where the system or the file system has none."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):  # the link that names it goes through /proc
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError:
        return None


def _through_unnamed(fd: int, path: Path, data: bytes, mode: int, *, exclusive: bool) -> None:
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        os.fchmod(handle.fileno(), mode)
        if exclusive:
            _name(handle.fileno(), path)  # fails if the file appeared meanwhile
            return
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        _name(handle.fileno(), tmp)
        try:
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def _name(fd: int, path: Path) -> None:
    """Give the unnamed file `fd` the name `path`, as open(2) shows: linkat of /proc/self/fd/N, following
    it. A folder descriptor makes Python call linkat, which follows the link, rather than link, which
    would not."""
    proc = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(fd), path, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _through_named(path: Path, data: bytes, mode: int, *, exclusive: bool) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if exclusive:
            os.link(tmp, path)  # fails if the file appeared meanwhile, unlike a rename
        else:
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _new_file_mode() -> int:
    """What `open()` would give a new file: rw for all, less the umask (mkstemp's own 0600 would hide it)."""
    umask = os.umask(0o077)  # reading the umask means setting it; it is put back on the next line
    os.umask(umask)
    return 0o666 & ~umask
