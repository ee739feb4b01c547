"""Writing files safely: a temporary file beside the target, flushed, then swapped in one rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from handoff_cli.core.errors import WriteError
from handoff_cli.edit.file_lock import DEFAULT_WAIT, locked


def write_new(path: Path, text: str, *, force: bool = False, wait: float = DEFAULT_WAIT) -> None:
    """Create `path`; an existing file is only replaced with force, and never half-written.

    Holds the file's lock (edit/file_lock.py) meanwhile, so two writers of one file take turns."""
    with locked(path, wait=wait):
        if path.exists() and not force:
            raise WriteError("already exists; pass --force to overwrite it", path=path)
        atomic_write(path, text, exclusive=not force)


def atomic_write(path: Path, text: str, *, exclusive: bool = False) -> None:
    if path.is_symlink():
        raise WriteError("is a symbolic link; refusing to write through it", path=path)
    if path.exists() and not os.access(path, os.W_OK):
        raise WriteError("is read-only; nothing was written", path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}", path=path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else _new_file_mode())
        if exclusive:
            os.link(tmp, path)  # fails if the file appeared meanwhile, unlike a rename
        else:
            os.replace(tmp, path)
    except FileExistsError:
        raise WriteError("already exists; pass --force to overwrite it", path=path) from None
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror}; the original is unchanged", path=path) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _new_file_mode() -> int:
    """What `open()` would give a new file: rw for all, less the umask (mkstemp's own 0600 would hide it)."""
    umask = os.umask(0o077)  # reading the umask means setting it; it is put back on the next line
    os.umask(umask)
    return 0o666 & ~umask
