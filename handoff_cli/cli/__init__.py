"""The `handoff` command: the Typer app, its commands, --version, and the one place errors become exit codes."""

from __future__ import annotations

import functools
import gc
import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperGroup

from handoff_cli import version_line
from handoff_cli.cli.options import no_color, reset_verbosity, tell, verbosity_options
from handoff_cli.core.errors import HandoffError
from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.core.printable import printable

# command -> (module under handoff_cli.cli, attribute): a function for a command, a Typer for a group.
# A run imports and builds only the command it runs; --help builds them all to list them, in this order.
COMMANDS = {
    "validate": ("validate", "validate"),
    "score": ("validate", "score"),
    "rules": ("rules", "rules"),
    "init": ("init", "init"),
    "schema": ("init", "schema"),
    "sla": ("sla", "sla"),
    "log": ("log", "log"),
    "accept": ("accept", "accept"),
    "mark": ("mark", "mark"),
    "history": ("history", "history"),
    "diff": ("diff", "diff"),
    "report": ("report", "report"),
    "digest": ("digest", "digest"),
    "render": ("render", "render_app"),
    "templates": ("templates", "templates_app"),
    "import": ("import_crm", "import_app"),
    "export": ("export_crm", "export_app"),
}


def _build(name: str) -> Any:
    """The click command for one entry of COMMANDS, made by Typer as `app.command()` or `app.add_typer` would,
    with --quiet and --verbose on it and on each of its subcommands."""
    built = _typer_command(name)
    for each in [built, *getattr(built, "commands", {}).values()]:
        each.params.extend(verbosity_options())
    return built


def _typer_command(name: str) -> Any:
    module, attribute = COMMANDS[name]
    target = getattr(importlib.import_module(f"handoff_cli.cli.{module}"), attribute)
    holder = typer.Typer()
    if isinstance(target, typer.Typer):
        holder.add_typer(target)
        return typer.main.get_group_from_info(
            holder.registered_groups[0],
            pretty_exceptions_short=app.pretty_exceptions_short,
            suggest_commands=app.suggest_commands,
            rich_markup_mode=app.rich_markup_mode,
        )
    holder.command()(target)
    return typer.main.get_command_from_info(
        holder.registered_commands[0],
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


class _Commands(MutableMapping[str, Any]):
    """The root group's commands by name, each built the first time it is looked up."""

    def __init__(self, built: MutableMapping[str, Any]) -> None:
        self._built = dict(built)

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = _build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self._built if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(name not in COMMANDS for name in self._built)


class _Boundary(TyperGroup):
    """Every HandoffError raised by a command, and every usage error, ends here as one line on stderr."""

    given: Sequence[str] = ()

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        # kept for the did-you-mean of a usage error, which Typer does not carry on the exception
        self.given = list(sys.argv[1:] if args is None else args)
        reset_verbosity()
        if not no_color():
            return super().main(args, *rest, **extra)
        import typer.rich_utils  # Typer's help: its documented switch for no styling at all, for this run only

        before, typer.rich_utils.COLOR_SYSTEM = typer.rich_utils.COLOR_SYSTEM, None
        try:
            return super().main(args, *rest, **extra)
        finally:
            typer.rich_utils.COLOR_SYSTEM = before

    def make_context(self, *args: Any, **extra: Any) -> Any:
        try:
            return super().make_context(*args, **extra)
        except typer.TyperException as exc:
            if not exc.format_message().strip():  # no arguments: the help is already printed, as no_args_is_help asks
                raise
            raise self._one_line(exc) from None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands(self.commands)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except HandoffError as exc:
            tell(exc)
            raise typer.Exit(exc.exit_code) from None
        except typer.TyperException as exc:
            if not exc.format_message().strip():  # a command group without its subcommand: help, as above
                raise
            raise self._one_line(exc) from None

    def _one_line(self, exc: typer.TyperException) -> typer.Exit:
        from handoff_cli.cli.usage_errors import one_line

        typer.echo(printable(one_line(exc, self.given)), err=True)
        return typer.Exit(exc.exit_code)


app = typer.Typer(
    name="handoff",
    cls=_Boundary,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="Check, score and use sales-to-CS handoff dossiers (one YAML file per deal).\n\n"
    "Exit codes: 0 all good, 1 findings (invalid or below the minimum score), 2 usage error or unreadable input.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Check, score and use sales-to-CS handoff dossiers (one YAML file per deal)."""


@functools.cache
def command() -> Any:
    """The click command Typer builds from the app, once per process."""
    return typer.main.get_command(app)


def main() -> None:
    # a run over a repo makes hundreds of thousands of small objects (dossier models read back, clocks, each deal's
    # facts), many alive until it ends; at the default thresholds the collector walks them again and again, and one
    # command is one short process
    gc.set_threshold(100_000, 50, 100)
    try:
        command()(prog_name="handoff")
    except Exception as exc:  # a bug in handoff itself: one line for the user, the traceback only on request
        if os.environ.get("HANDOFF_DEBUG"):
            raise
        what = printable(f"{type(exc).__name__}: {exc}")
        sys.stderr.write(f"handoff: internal error: {what} (HANDOFF_DEBUG=1 shows a traceback)\n")
        sys.exit(ExitCode.USAGE)
