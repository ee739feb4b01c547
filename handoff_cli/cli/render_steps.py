"""The steps every `handoff render` command takes: the valid dossier, its dates, its language, the output."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from handoff_cli.core.exit_codes import ExitCode

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from handoff_cli.model import Dossier
    from handoff_cli.render.needs import Need
    from handoff_cli.render.timeline import Schedule
    from handoff_cli.settings import Project


def dossier(deal: Path, proj: Project, required: Iterable[Need], by: str) -> Dossier:
    """The valid dossier, or exit 1 with one line per finding or per field the document needs but lacks."""
    from handoff_cli.dossier.for_commands import load_dossier
    from handoff_cli.render import needs

    dossier, _ = load_dossier(deal, proj)  # an invalid one ends at the boundary, as for every command
    gaps = needs.missing(dossier, required)
    for field in gaps:
        typer.echo(f"{deal}: {field} is required by {by}", err=True)
    if gaps:
        raise typer.Exit(ExitCode.FINDINGS)
    return dossier


def schedule(dossier: Dossier, proj: Project) -> Schedule:
    """The deal's dates from the clock engine `handoff sla` uses, in the deal's own calendar."""
    from handoff_cli.clocks.businessdays import calendar_for
    from handoff_cli.clocks.clocks import clocks_for
    from handoff_cli.clocks.table import deal_schedule
    from handoff_cli.render.timeline import Schedule

    running = clocks_for(dossier.deal.segment, proj.settings.sla)
    return Schedule(calendar_for(proj.settings, dossier.deal), running, tuple(deal_schedule(dossier, proj)))


def emit(text: str, out: Path | None, force: bool, proj: Project) -> None:
    from handoff_cli.edit.atomic_write import write_new

    if out is None:
        typer.echo(text, nl=False)
        return
    write_new(out, text, force=force, wait=proj.settings.lock_wait)
    typer.echo(f"wrote {out}")


def in_language(proj: Project, name: str, tag: str, *, html: bool = False) -> tuple[SandboxedEnvironment, str]:
    """The environment and template for `name` in language `tag`; one warning when there is no such template."""
    from handoff_cli.render.environment import environment, search_path
    from handoff_cli.render.template_language import choose, names_in

    chosen = choose(name, tag, names_in(search_path(proj)))
    if chosen.fell_back:
        typer.echo(f"handoff: warning: no {name} template in language '{tag}'; "
                   f"writing it in the default language ({chosen.language})", err=True)
    return environment(proj, chosen.language, html=html), chosen.name


def customer_language(proj: Project, dossier: Dossier) -> str:
    return dossier.deal.language or proj.settings.language


def render(proj: Project, name: str, tag: str, context: Mapping[str, object]) -> str:
    from handoff_cli.render import engine

    env, chosen = in_language(proj, name, tag, html=name.endswith(".html.j2"))
    return engine.render(env, chosen, context)
