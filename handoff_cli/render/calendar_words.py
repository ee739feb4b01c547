"""The calendar's words: its name and each deadline's event title and description, from calendar.txt.j2."""

from __future__ import annotations

from handoff_cli.model import Dossier
from handoff_cli.render import engine
from handoff_cli.render.ics import Words
from handoff_cli.render.sandbox import Sandbox
from handoff_cli.render.timeline import KeyDate, Schedule, first_value


def calendar_words(env: Sandbox, template: str, dossier: Dossier,
                   schedule: Schedule) -> tuple[str, Words]:
    """The calendar's name, and a function wording one deadline; each block of the template rendered alone."""
    value = first_value(dossier, schedule)
    deal = {"id": dossier.deal.id, "account": dossier.deal.account, "segment": dossier.deal.segment.value}
    context: dict[str, object] = {"deal": deal, "first_value": value[1] if value else None}

    def words(key: KeyDate) -> tuple[str, str]:
        event = {**context, "event": key}
        return (engine.render(env, template, event, block="summary").strip(),
                engine.render(env, template, event, block="description").strip())

    return engine.render(env, template, context, block="name").strip(), words
