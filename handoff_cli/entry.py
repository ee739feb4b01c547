"""The `handoff` program: through the resident server (unless HANDOFF_SERVER=0 or in CI), else in this process.

Kept apart from the command line itself so that handing a command to the server loads nothing of it.
"""

from __future__ import annotations

import sys

from handoff_cli.resident import wanted


def main() -> None:
    argv = sys.argv[1:]
    # `handoff server ...` manages the server, so it neither runs in one nor starts one
    if argv[:1] != ["server"] and wanted():
        from handoff_cli.resident.client import forward

        code = forward(argv)
        if code is not None:
            sys.exit(code)
    from handoff_cli.cli import main as run

    run()
