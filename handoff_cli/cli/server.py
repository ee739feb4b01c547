"""`handoff server start|status|stop`: the resident server that commands are handed to."""

from __future__ import annotations

import json
import os
import time

import typer

from handoff_cli.cli.options import Format, FormatOpt, console
from handoff_cli.errors import HandoffError

server_app = typer.Typer(
    name="server",
    no_args_is_help=True,
    help="The resident server: every command runs in a copy of a server that has everything loaded "
    "already, so a commit hook pays no start-up. On by default outside CI; HANDOFF_SERVER=0 turns it off.",
)

START_SECONDS = 30.0  # loading everything takes well under a second; a busy CI machine gets room


def _address() -> str:
    from handoff_cli.resident import address, supported

    if not supported():
        raise HandoffError("the resident server needs a Unix system (fork and Unix sockets); commands run without it")
    return address()


@server_app.command("start")
def start() -> None:
    """Start the server for this install in the background, if it is not running, and wait until it answers.

    Commands start it themselves when it is not running, so this is for setting it up ahead of
    time. Commands use it unless HANDOFF_SERVER=0 is set or, with HANDOFF_SERVER unset, the CI
    variable is. It stops after an hour without a command.

    Examples:

      handoff server start

      CI=true HANDOFF_SERVER=1 handoff server start
    """
    from handoff_cli.resident import client, private

    path = _address()
    folder = os.path.dirname(path)
    if not private(folder, create=True):
        raise HandoffError("not a folder only you can enter (yours, mode 700); the server will not listen there",
                           path=folder)
    deadline = time.monotonic() + START_SECONDS
    found = client.ping(path)
    if found is None:
        client.start(path)
    while found is None and time.monotonic() < deadline:
        time.sleep(0.05)
        found = client.ping(path)
    if found is None:
        raise HandoffError(f"the server did not answer within {START_SECONDS:g} s", path=path)
    console().out(f"running: pid {found[0]}, socket {path}", highlight=False)


@server_app.command("status")
def status(format: FormatOpt = Format.TEXT) -> None:
    """Whether the server for this install is running, its pid and how many commands it has run.

    Exit 0 when it is running, 1 when it is not.

    Examples:

      handoff server status

      handoff server status --format json
    """
    from handoff_cli.resident import client

    path = _address()
    found = client.ping(path)
    out = console()
    if format is Format.JSON:
        pid, served = found if found else (None, None)
        doc = {"running": found is not None, "pid": pid, "commands": served, "socket": path}
        out.out(json.dumps(doc, indent=2), highlight=False)
    elif found:
        out.out(f"running: pid {found[0]}, {found[1]} command(s) run, socket {path}", highlight=False)
    else:
        out.out(f"not running (socket {path})", highlight=False)
    if found is None:
        raise typer.Exit(1)


@server_app.command("stop")
def stop() -> None:
    """Stop the server for this install; a command running in it finishes first.

    Examples:

      handoff server stop
    """
    from handoff_cli.resident import client

    pid = client.stop(_address())
    console().out("not running" if pid is None else f"stopped: pid {pid}", highlight=False)
