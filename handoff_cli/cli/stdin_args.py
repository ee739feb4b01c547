"""`-` for standard input: the option that names it, and the one rule for where it may stand.

A command that reads one dossier takes `-` as that dossier, named in its output by --stdin-filename
(as ruff and eslint do); a command that writes the dossier back refuses it, having nowhere to write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.core.errors import HandoffError, InputError
from handoff_cli.engine.stdin_input import DEFAULT_NAME, STDIN, read_stdin, too_large

StdinNameOpt = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="PATH",
        show_default=False,
        help="With the path '-' (read the dossier from stdin): the file name to show in the output.",
    ),
]


def reads_stdin(paths: list[Path] | None, name: str | None, *, alone: str = "no other path") -> bool:
    """Whether the dossier comes from stdin; '-' stands alone. `alone`: what it goes without, for the error."""
    dash = any(str(p) == STDIN for p in paths or [])
    if dash and len(paths or []) > 1:
        raise HandoffError(f"'-' reads one dossier from stdin; it goes with {alone}")
    if name is not None and not dash:
        raise HandoffError("--stdin-filename names the dossier read from stdin: give the path '-' too")
    return dash


def stdin_dossier(paths: list[Path] | None, name: str | None, limit: int) -> tuple[bytes, str] | None:
    """The bytes of the dossier on stdin and the name it goes by, when the path is '-'; else None."""
    if not reads_stdin(paths, name):
        return None
    shown = name or DEFAULT_NAME
    raw = read_stdin(limit)
    if raw is None:
        raise InputError(too_large(limit), path=shown)
    return raw, shown


def refuse_stdin(path: Path) -> None:
    """Writers record into the file they read: standard input is not one."""
    if str(path) == STDIN:
        raise HandoffError("'-' is standard input, and this command writes the dossier back: give the dossier's path")
