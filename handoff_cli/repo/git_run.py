"""Running git, the one way every command does it: a subprocess, `core.quotepath=off` so a non-ASCII file name
comes back as written, its standard output as bytes or None when git fails, or read while git runs."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from handoff_cli.core.errors import HandoffError


class GitError(HandoffError):
    """Not a git repository, no ref to compare with, or git itself failed (exit 2)."""


def git(cwd: Path, *args: str, stdin: bytes | None = None, needed_by: str | None = "") -> bytes | None:
    """git's standard output, or None when it fails. Without git installed: a GitError saying what needs it
    (`needed_by`, e.g. "--trend"), or None when `needed_by` is None (nothing is known of the files' past)."""
    try:
        done = subprocess.run(_command(args), cwd=cwd, input=stdin, capture_output=True, check=False)
    except OSError as exc:  # git not installed, or not runnable
        if needed_by is None:
            return None
        raise _not_started(exc, needed_by) from None
    return done.stdout if done.returncode == 0 else None


@contextmanager
def git_stream(cwd: Path, *args: str, stdin: IO[bytes]) -> Iterator[IO[bytes] | None]:
    """git's standard output while it runs, for output too large to hold (read it inside the block), fed from
    the file `stdin` so git never waits on a pipe nobody reads; None without git. git ends with the block."""
    try:
        proc = subprocess.Popen(_command(args), cwd=cwd, stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)  # fmt: skip
    except OSError:
        yield None
        return
    assert proc.stdout is not None
    try:
        yield proc.stdout
    finally:
        proc.stdout.close()
        proc.wait()


def _command(args: tuple[str, ...]) -> list[str]:
    return ["git", "-c", "core.quotepath=off", *args]


def _not_started(exc: OSError, needed_by: str) -> GitError:
    what = "git is not installed" if isinstance(exc, FileNotFoundError) else f"git cannot be run: {exc.strerror}"
    return GitError(f"{what}; {needed_by} needs it" if needed_by else what)


def git_text(cwd: Path, *args: str, needed_by: str = "") -> str | None:
    """As `git`, decoded as the file system names files (UTF-8, undecodable bytes kept as escapes)."""
    out = git(cwd, *args, needed_by=needed_by)
    return None if out is None else out.decode("utf-8", "surrogateescape")
