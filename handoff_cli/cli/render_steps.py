"""The steps every `handoff render` command takes: the valid dossier, its dates, its language, the output."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from handoff_cli.cli.options import say
from handoff_cli.core.exit_codes import ExitCode

if TYPE_CHECKING:
    from handoff_cli.model import Dossier
    from handoff_cli.render.needs import Need
    from handoff_cli.render.sandbox import Sandbox
    from handoff_cli.render.timeline import KeyDate, Schedule
    from handoff_cli.settings import Project


def dossier(deal: Path, proj: Project, required: Iterable[Need], by: str, stdin_name: str | None = None) -> Dossier:
    """The valid dossier, or exit 1 with one line per finding or per field the document needs but lacks.
    `deal` '-': read from stdin, named `stdin_name` in what is printed."""
    from handoff_cli.cli.stdin_args import stdin_dossier
    from handoff_cli.dossier.for_commands import load_dossier
    from handoff_cli.render import needs

    raw, shown = stdin_dossier([deal], stdin_name, proj.settings.max_file_bytes) or (None, str(deal))
    dossier, _ = load_dossier(deal, proj, raw=raw, display=shown)  # an invalid one ends at the boundary
    gaps = needs.missing(dossier, required)
    for field in gaps:
        say(f"{shown}: {field} is required by {by}", err=True)
    if gaps:
        raise typer.Exit(ExitCode.FINDINGS)
    return dossier


def schedule(dossier: Dossier, proj: Project) -> Schedule:
    """The deal's dates from the clock engine `handoff sla` uses, in the deal's own calendar."""
    from handoff_cli.clocks.businessdays import calendar_for
    from handoff_cli.clocks.clocks import clocks_for
    from handoff_cli.clocks.table import deal_schedule
    from handoff_cli.render.timeline import Schedule

    running = clocks_for(dossier.deal.segment, proj.settings.sla, dossier.deal.kind)
    every = proj.settings.check_in_days(dossier.deal.segment)
    return Schedule(calendar_for(proj.settings, dossier.deal), running, tuple(deal_schedule(dossier, proj)), every)


def emit(text: str, out: Path | None, force: bool, proj: Project) -> None:
    from handoff_cli.edit.atomic_write import write_new

    if out is None:
        typer.echo(text, nl=False)
        return
    write_new(out, text, repo=proj.root, force=force, wait=proj.settings.lock_wait)
    say(f"wrote {out}")


def in_language(proj: Project, name: str, tag: str, *, html: bool = False) -> tuple[Sandbox, str]:
    """The environment and template for `name` in language `tag`; one warning when there is no such template."""
    from handoff_cli.render.environment import environment
    from handoff_cli.render.loader import search_path
    from handoff_cli.render.template_language import choose, names_in

    chosen = choose(name, tag, names_in(search_path(proj)))
    if chosen.fell_back:
        say(f"handoff: warning: no {name} template in language '{tag}'; "
            f"writing it in the default language ({chosen.language})", err=True)
    return environment(proj, chosen.language, html=html), chosen.name


def customer_language(proj: Project, dossier: Dossier) -> str:
    return dossier.deal.language or proj.settings.language


def render(proj: Project, name: str, tag: str, context: Mapping[str, object], dossier: Dossier,
           *, customer: bool) -> str:
    from handoff_cli.render import engine

    env, chosen = in_language(proj, name, tag, html=name.endswith(".html.j2"))
    return engine.render(env, chosen, {**context, "dossier": data_for(env, dossier, customer=customer)})


def data_for(env: Sandbox, dossier: Dossier, *, customer: bool) -> object:
    """The dossier as a template may see it: the customer's view, whose left-out fields the environment then
    refuses by name, or for our own team the whole dossier."""
    from handoff_cli.render.customer_view import customer_data
    from handoff_cli.render.plain import plain

    if not customer:
        return plain(dossier.model_dump())
    view = customer_data(dossier)
    env.withhold(view)
    return view


def warn_order(deal: Path, keys: Iterable[KeyDate]) -> None:
    """One warning when the kickoff had to move after the joint transition meeting that books it."""
    from handoff_cli.render.documents import day

    dates = {k.key: k for k in keys}
    kickoff, joint = dates.get("kickoff"), dates.get("joint-meeting")
    if kickoff is not None and kickoff.moved_from is not None and joint is not None:
        typer.echo(f"handoff: warning: {deal}: the kickoff is due {day(kickoff.moved_from.date())}, before the joint "
                   f"transition meeting ({day((joint.done or joint.due).date())}) that books it; this document "
                   f"puts it on {day(kickoff.due.date())}", err=True)
