"""One writer at a time per file: an exclusive lock held while a command reads, edits and replaces a file.

The lock is `flock` on the file itself (or, for a file not yet there, on its folder), so no lock file is
ever left behind, and the kernel drops the lock when the process ends, however it ends. Writers replace
files by rename (edit/atomic_write.py), so a writer that waited on the old inode looks again and locks
the file now at the path before it reads a byte.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from handoff_cli.core.errors import WriteError

DEFAULT_WAIT = 10.0  # seconds; a `log` or `accept` takes well under one, so ten is a writer that is stuck
_POLL = 0.02


@contextmanager
def locked(path: Path, *, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the exclusive lock on `path` for the `with` block; read the file inside it, not before.

    Waits at most `wait` seconds for another writer, then raises WriteError (exit 2) with nothing written."""
    deadline = time.monotonic() + wait
    while True:
        fd, locks_file = _open_target(path)
        try:
            _acquire(fd, path, deadline, wait)
            if _still_current(fd, path, locks_file=locks_file):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the file was replaced or created meanwhile: lock what is there now
    try:
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _open_target(path: Path) -> tuple[int, bool]:
    """A descriptor to lock: the file if it exists, else the nearest folder above it that does."""
    if path.is_symlink():
        raise WriteError("is a symbolic link; refusing to write through it", path=path)
    try:
        return os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), True
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}; nothing was written", path=path) from None
    folder = path.absolute().parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent  # nothing is created here: the writer makes the folders it needs
    try:
        return os.open(folder, os.O_RDONLY), False
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}", path=path) from None


def _acquire(fd: int, path: Path, deadline: float, wait: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise WriteError(
                    f"another handoff command has been writing this file for {wait:g} s; nothing was written, "
                    "try again when it is done (lock_wait in handoff.toml sets the wait)",
                    path=path,
                ) from None
            time.sleep(_POLL)


def _still_current(fd: int, path: Path, *, locks_file: bool) -> bool:
    """Whether the locked descriptor still stands for what is at `path`."""
    try:
        now = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return not locks_file
    if not locks_file:
        return False  # the file appeared while we waited on the folder: lock the file itself
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)
