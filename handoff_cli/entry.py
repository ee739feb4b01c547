"""The `handoff` executable: `handoff --version` is answered before the command line is built, since building
it (Typer, Click) is most of the time that answer would otherwise take; everything else goes to cli/."""

from __future__ import annotations

import sys

from handoff_cli import version_line


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(version_line() + "\n")
        return
    from handoff_cli.cli import main as run

    run()
