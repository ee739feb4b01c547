"""The calendar's words: its name and each deadline's event title and description, from calendar.txt.j2."""

from __future__ import annotations

from handoff_cli.model import Dossier
from handoff_cli.render import engine
from handoff_cli.render.ics import Words
from handoff_cli.render.sandbox import Sandbox
from handoff_cli.render.timeline import KeyDate, Schedule, first_value


def calendar_words(env: Sandbox, template: str, dossier: Dossier, schedule: Schedule, view: object,
                   *, customer: bool) -> tuple[str, Words]:
    """The calendar's name, and a function wording one deadline; each block of the template rendered alone.

    `view`: the dossier as the template may see it; for the customer, the deal's id and segment are left out."""
    value = first_value(dossier, schedule)
    deal = {"account": dossier.deal.account}
    if not customer:
        deal |= {"id": dossier.deal.id, "segment": dossier.deal.segment.value}
    context: dict[str, object] = {"deal": deal, "first_value": value[1] if value else None, "dossier": view,
                                  "internal": not customer}

    def words(key: KeyDate) -> tuple[str, str]:
        event = {**context, "event": key}
        return (engine.render(env, template, event, block="summary").strip(),
                engine.render(env, template, event, block="description").strip())

    return engine.render(env, template, context, block="name").strip(), words
