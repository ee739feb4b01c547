"""A resident server that keeps handoff loaded between commands, so a commit hook pays no start-up.

On by default, except in CI (the CI variable set), where each run is a one-off that a server
cannot speed up; HANDOFF_SERVER=0 turns it off and HANDOFF_SERVER=1 on. A command hands its
arguments, folder, environment, umask and its stdin, stdout and stderr (the descriptors themselves,
so terminal detection and colours are the caller's) to a server that has already imported
everything; the server forks, the copy runs the command exactly as `handoff` would, and the exit
code travels back. Without a server the command runs in its own process as usual and starts one in
the background for the next command.

One server per user, install and Python environment: its socket's name is a digest of the code,
the interpreter, the PYTHON* and locale variables and those read as modules load, so an upgrade
or another virtual environment never reaches an old server. The socket lives in a folder only its
owner can enter, and the server refuses connections from other users. It exits after IDLE_SECONDS
without a command.
"""

from __future__ import annotations

import os
import stat
import sys

ENV = "HANDOFF_SERVER"
NO = ("0", "false", "no", "off")  # values of HANDOFF_SERVER (and CI) that mean no
IDLE_SECONDS = 60 * 60  # a rep's commits come tens of minutes apart; an hour keeps most of them served

# Typer reads these when its modules load, not when a command runs: a server loaded under other
# values would lay out help and errors differently, so they are part of the server's identity.
READ_ON_LOAD = (
    "TYPER_USE_RICH",
    "TERMINAL_WIDTH",
    "GITHUB_ACTIONS",
    "FORCE_COLOR",
    "PY_COLORS",
    "_TYPER_FORCE_DISABLE_TERMINAL",
    # the interpreter sets its C locale from these when it starts
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
)

# what a client sends first: one byte for the kind of request
RUN, PING, STOP = b"R", b"P", b"S"


def wanted() -> bool:
    """HANDOFF_SERVER=0 (or false, no, off) says no and any other value yes; unset or empty, yes unless in CI."""
    choice = os.environ.get(ENV, "").strip().lower()
    if choice:
        return choice not in NO
    return os.environ.get("CI", "").strip().lower() in ("", *NO)


def supported() -> bool:
    import socket

    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX") and hasattr(socket, "send_fds")


def address() -> str:
    """The socket of the server for this user, this install and this Python environment."""
    import hashlib  # here, not at the top: every plain run asks `wanted()`, and only this needs it

    from handoff_cli.stamp import code_stamp

    python = sorted((k, v) for k, v in os.environ.items() if k.startswith("PYTHON"))
    loaded = [os.environ.get(name) for name in READ_ON_LOAD]
    key = hashlib.sha256(repr((code_stamp(), sys.executable, python, loaded)).encode()).hexdigest()[:16]
    base = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"
    return os.path.join(base, f"handoff-{os.getuid()}", f"{key}.sock")


def private(folder: str, *, create: bool) -> bool:
    """The folder is a real directory owned by this user that no one else can enter."""
    if create:
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        except OSError:
            return False
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0
