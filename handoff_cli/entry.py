"""The `handoff` program: through the resident server when HANDOFF_SERVER=1 asks for it, else in this process.

Kept apart from the command line itself so that handing a command to the server loads nothing of it.
"""

from __future__ import annotations

import sys

from handoff_cli.resident import wanted


def main() -> None:
    if wanted():
        from handoff_cli.resident.client import forward

        code = forward(sys.argv[1:])
        if code is not None:
            sys.exit(code)
    from handoff_cli.cli import main as run

    run()
