"""Running git, the one way every command does it: a subprocess, `core.quotepath=off` so a non-ASCII file name
comes back as written, its standard output as bytes or None when git fails."""

from __future__ import annotations

import subprocess
from pathlib import Path

from handoff_cli.core.errors import HandoffError


class GitError(HandoffError):
    """Not a git repository, no ref to compare with, or git itself failed (exit 2)."""


def git(cwd: Path, *args: str, stdin: bytes | None = None, needed_by: str | None = "") -> bytes | None:
    """git's standard output, or None when it fails. Without git installed: a GitError saying what needs it
    (`needed_by`, e.g. "--trend"), or None when `needed_by` is None (nothing is known of the files' past)."""
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, input=stdin, capture_output=True,
                              check=False)  # fmt: skip
    except FileNotFoundError:
        if needed_by is None:
            return None
        raise GitError(f"git is not installed; {needed_by} needs it" if needed_by else "git is not installed") \
            from None
    return done.stdout if done.returncode == 0 else None


def git_text(cwd: Path, *args: str, needed_by: str = "") -> str | None:
    """As `git`, decoded as the file system names files (UTF-8, undecodable bytes kept as escapes)."""
    out = git(cwd, *args, needed_by=needed_by)
    return None if out is None else out.decode("utf-8", "surrogateescape")
