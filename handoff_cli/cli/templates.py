"""`handoff templates list|copy`: the templates documents are rendered from, and the repo's overrides."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import ConfigOpt, console, project

templates_app = typer.Typer(name="templates", no_args_is_help=True,
                            help="The templates documents are rendered from, and the deals repo's overrides.")


@templates_app.command("list")
def list_templates(config: ConfigOpt = None) -> None:
    """Each template name, where it comes from (repo override or packaged default) and the file used.

    A file of the same name in the deals repo's templates folder (`templates_dir` in handoff.toml,
    default templates/) overrides the packaged default.

    Examples:

      handoff templates list
    """
    from handoff_cli.render import engine

    out = console()
    for name, (path, source) in engine.available(project(config)).items():
        out.out(f"{name:<26} {source:<8} {engine.shown(path)}", highlight=False)


@templates_app.command("copy")
def copy_template(
    name: Annotated[str, typer.Argument(help="A packaged template's name, e.g. intro_email.txt.j2.",
                                        show_default=False)],
    to: Annotated[Path | None, typer.Option("--to", help="Folder to copy into. Default: the repo's templates_dir.",
                                            show_default=False)] = None,
    config: ConfigOpt = None,
) -> None:
    """Copy a packaged default template into the deals repo to edit it; the copy then overrides the default.

    Refuses to overwrite an existing file.

    Examples:

      handoff templates copy intro_email.txt.j2
    """
    from handoff_cli.edit.atomic_write import write_new
    from handoff_cli.render import engine

    proj = project(config)
    source = engine.packaged(name)
    target = (to if to is not None else proj.root / proj.settings.templates_dir) / name
    write_new(target, source.read_text(encoding="utf-8"), wait=proj.settings.lock_wait)
    typer.echo(f"copied {name} to {engine.shown(target)}")
