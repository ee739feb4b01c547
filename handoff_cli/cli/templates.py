"""`handoff templates list|copy`: the templates documents are rendered from, and the repo's overrides."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import ConfigOpt, console, project, say

templates_app = typer.Typer(name="templates", no_args_is_help=True,
                            help="The templates documents are rendered from, and the deals repo's overrides.")


Language = Annotated[str | None, typer.Option(
    "--language", "-l", metavar="TAG", show_default=False,
    help="A BCP 47 language tag, e.g. de or de-AT. list: default the team's `language`; "
         "copy: copy every document's template as name.TAG.ext.j2.")]


def _tag(value: str) -> str:
    from handoff_cli.core.language_tags import language_tag

    try:
        return language_tag(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--language") from None


@templates_app.command("list")
def list_templates(language: Language = None, config: ConfigOpt = None) -> None:
    """Each template name, the language it resolves to, where it comes from and the file used.

    A document in language de-AT is rendered from name.de-AT.ext.j2, else name.de.ext.j2, else the English default.

    A file of the same name in the deals repo's templates folder overrides the packaged default.

    That folder is `templates_dir` in handoff.toml, templates/ by default.

    Examples:

      handoff templates list

      handoff templates list --language de-AT
    """
    from handoff_cli.render import engine, loader

    proj = project(config)
    out = console()
    tag = _tag(language) if language is not None else proj.settings.language
    for name, (path, lang, source) in engine.resolved(proj, tag).items():
        out.out(f"{name:<26} {lang:<6} {source:<8} {loader.shown(path)}", highlight=False)


@templates_app.command("copy")
def copy_template(
    name: Annotated[str | None, typer.Argument(help="A packaged template's name, e.g. intro_email.txt.j2.",
                                               show_default=False)] = None,
    to: Annotated[Path | None, typer.Option("--to", help="Folder to copy into. Default: the repo's templates_dir.",
                                            show_default=False)] = None,
    language: Language = None,
    config: ConfigOpt = None,
) -> None:
    """Copy a packaged template into the deals repo to edit it; the copy then overrides the packaged one.

    With --language, copy the templates of every document (or of NAME only) as name.TAG.ext.j2.

    Each copy starts from the packaged template in that language where there is one, else from the English.

    Refuses to overwrite an existing file, and then copies nothing.

    Examples:

      handoff templates copy intro_email.txt.j2

      handoff templates copy --language fr
    """
    from handoff_cli.core.errors import WriteError
    from handoff_cli.edit.atomic_write import write_new
    from handoff_cli.render import engine, loader
    from handoff_cli.render.template_language import TRANSLATABLE, localized, split

    proj = project(config)
    folder = to if to is not None else proj.root / proj.settings.templates_dir
    if language is None:
        if name is None:
            raise typer.BadParameter("name a template, or give --language to copy them all", param_hint="NAME")
        copies = [(engine.packaged(name), name)]
    else:
        tag = _tag(language)
        names = [split(engine.packaged(name).name)[0]] if name is not None else list(TRANSLATABLE)
        copies = [(engine.packaged_in(n, tag), localized(n, tag)) for n in names]
    for _, target in copies:  # all or nothing: check every target before writing one
        if (folder / target).exists():
            raise WriteError("already exists; remove it first to copy it again", path=folder / target)
    for source, target in copies:
        write_new(folder / target, source.read_text(encoding="utf-8"), repo=proj.root, wait=proj.settings.lock_wait)
        say(f"copied {source.name} to {loader.shown(folder / target)}")
