"""`handoff log` for the customer's outcomes (customer_survey, health, renewed, churned, expanded).

The command itself is `log` in cli/log.py; an outcome name hands the work to `log_outcome` here, which
writes under handoff.outcomes through the same locked, proven, atomic writer as the clock events.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from handoff_cli.cli.options import logged_at, project, say
from handoff_cli.core.errors import InputError
from handoff_cli.model.outcomes import OutcomeKind
from handoff_cli.model.progress import EventName

EVENTS = tuple(e.value for e in EventName)
OUTCOMES = tuple(k.value for k in OutcomeKind)
WENT_LIVE = "went_live"  # not an event: the day written to implementation.went_live (cli/log_went_live.py)


def known_name(event: str, *, display: str) -> None:
    """Refuse a name that is neither a clock event nor an outcome, suggesting the nearest of both."""
    from handoff_cli.core.field_paths import did_you_mean

    if event in EVENTS or event in OUTCOMES or event == WENT_LIVE:
        return
    names = [*EVENTS, *OUTCOMES, WENT_LIVE]
    hint = did_you_mean(event, names) or f"; known events: {', '.join(names)}"
    raise InputError(f"unknown event '{event}'{hint}", path=display)


def no_details(event: str, *, rating: str | None, value: str | None, amount: str | None, display: str) -> None:
    """A clock event carries no rating, health value or amount."""
    from handoff_cli.model.outcomes import DETAIL_OF

    for name, given in (("rating", rating), ("value", value), ("amount", amount)):
        if given is not None:
            raise InputError(f"--{name} goes with {DETAIL_OF[name].value}, not {event}", path=display)


def log_outcome(
    path: Path,
    event: str,
    *,
    at: str | None,
    by: str | None,
    note: str | None,
    rating: str | None,
    value: str | None,
    amount: str | None,
    force: bool,
    config: Path | None,
) -> None:
    from handoff_cli.core.moments import deal_zone, shown
    from handoff_cli.edit.outcome_entry import check_outcome, details, outcome_entry
    from handoff_cli.edit.record import Append
    from handoff_cli.edit.rewrite import rewrite
    from handoff_cli.model import Dossier

    display = str(path)
    kind = OutcomeKind(event)
    detail = details(kind, rating=rating, value=value, amount=amount, display=display)
    proj = project(config)

    zones: list[tzinfo] = []  # the deal's, for the confirmation

    def decide(dossier: Dossier) -> Append:
        zone = deal_zone(proj.settings, dossier.deal)  # --at without an offset, and now, in the deal's own zone
        zones.append(zone)
        when = logged_at(at, zone, option="--at", what="log an outcome once it has happened", display=display,
                         signed=dossier.deal.signed_at, force=force)
        check_outcome(dossier, kind, when, zone=zone, force=force, display=display)
        return Append("outcomes", outcome_entry(kind, when, detail, by=by, note=note), noun="outcome")

    when = rewrite(path, proj, decide).item["at"]  # under the file's lock, so no other writer's outcome is lost
    said = "".join(f" {k} {v}" for k, v in detail.items())
    say(f"logged {kind.value}{said} at {shown(when, zones[-1])} in {path}")
