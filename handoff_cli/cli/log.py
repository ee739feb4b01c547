"""`handoff log`: record that a step happened; an outcome's name hands the work to cli/log_outcomes.py."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import ConfigOpt, logged_at, project, say


def log(
    path: Annotated[Path, typer.Argument(metavar="DEAL.yaml", help="The dossier to record the event in.")],
    event: Annotated[
        str,
        typer.Argument(
            metavar="EVENT",
            help="Before signature: cs_joined_sale, finalist_presentation, closing_call, sow_review, "
            "pre_close_handoff. After it: internal_meeting, intro_email, first_contact, joint_meeting, kickoff, "
            "first_value, qbr_scheduled, qbr, check_in (the CSM's) or rep_check_in (the rep's). Or an outcome: "
            "customer_survey, health, renewed, churned, expanded. Or went_live: the day it went live "
            "(implementation.went_live, --at DATE).",
        ),
    ],
    at: Annotated[
        str | None,
        typer.Option(metavar="DATETIME", show_default=False, help="When it happened (ISO 8601); default: now."),
    ] = None,
    note: Annotated[str | None, typer.Option(help="A short note, e.g. who attended.", show_default=False)] = None,
    by: Annotated[str | None, typer.Option(help="Who did it.", show_default=False)] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Log it even if already logged or dated before the signature.")
    ] = False,
    rating: Annotated[
        str | None, typer.Option(metavar="1-5", show_default=False, help="customer_survey: the customer's rating.")
    ] = None,
    value: Annotated[
        str | None, typer.Option(metavar="HEALTH", show_default=False, help="health: green, yellow or red.")
    ] = None,
    amount: Annotated[
        str | None, typer.Option(show_default=False, help="expanded: the added annual value, in the deal's currency.")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Record that a handoff step happened, under handoff.events in the dossier; the SLA clocks read it.

    Or record a customer outcome under handoff.outcomes, which `handoff report` ties to the handoff's quality.

    Or record the day it went live (went_live --at DATE), beside the promised go-live, for delivery adherence.

    Outcomes: customer_survey --rating 1-5, health --value green|yellow|red, renewed, churned, expanded [--amount].

    Only the new event's lines are added; comments, key order, quoting and blank lines stay byte for byte.

    Refused (exit 2, nothing written): an unknown event, a time in the future.

    Also refused unless --force is given: an onboarding event before the signature, an event already logged.

    The steps of the sale (cs_joined_sale ... pre_close_handoff) belong before it; check-ins and QBRs recur.

    An outcome is also refused on an unsigned deal, and after a churn or a second churn without --force.

    Surveys: one at day 30 and one at day 90; a second for the same day needs --force.

    Exit 1, nothing written: an invalid dossier, or one that would not validate with the event in it.

    Examples:

      handoff log deals/acme.yaml intro_email

      handoff log deals/acme.yaml joint_meeting --at 2026-11-12T15:00 --by "Kofi Mensah" --note "Megan attended"

      handoff log deals/acme.yaml health --value green --at 2027-02-09

      handoff log deals/acme.yaml went_live --at 2027-02-03
    """
    from handoff_cli.cli.log_outcomes import OUTCOMES, WENT_LIVE, known_name, log_outcome, no_details
    from handoff_cli.cli.stdin_args import refuse_stdin

    refuse_stdin(path)
    known_name(event, display=str(path))
    if event == WENT_LIVE:
        from handoff_cli.cli.log_went_live import log_went_live

        no_details(event, rating=rating, value=value, amount=amount, display=str(path))
        log_went_live(path, at=at, by=by, note=note, force=force, config=config)
        return
    if event in OUTCOMES:
        details = {"rating": rating, "value": value, "amount": amount}
        log_outcome(path, event, at=at, by=by, note=note, force=force, config=config, **details)
        return
    no_details(event, rating=rating, value=value, amount=amount, display=str(path))
    from handoff_cli.core.moments import deal_zone, shown
    from handoff_cli.edit.eventlog import check_event, entry, event_name
    from handoff_cli.edit.record import Append
    from handoff_cli.edit.rewrite import rewrite
    from handoff_cli.model import Dossier
    from handoff_cli.model.progress import PRE_CLOSE_EVENTS

    proj = project(config)
    name = event_name(event, display=str(path))

    zones: list[tzinfo] = []  # the deal's, for the confirmation

    def decide(dossier: Dossier) -> Append:
        zones.append(deal_zone(proj.settings, dossier.deal))
        when = logged_at(at, zones[-1], option="--at", display=str(path),
                         what="log an event once it has happened", signed=dossier.deal.signed_at,
                         force=force or name in PRE_CLOSE_EVENTS)  # the steps of the sale belong before it
        check_event(dossier, name, zone=zones[-1], force=force, display=str(path))
        return Append("events", entry(name, when, by=by, note=note), noun="event")

    when = rewrite(path, proj, decide).item["at"]
    say(f"logged {name.value} at {shown(when, zones[-1])} in {path}")
