"""`handoff accept`: record the CSM's acceptance or rejection of a handoff under handoff.reviews."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import ConfigOpt, logged_at, project, say
from handoff_cli.core.vocabulary import RejectReason

REASONS = ", ".join(r.value for r in RejectReason)


def accept(
    path: Annotated[Path, typer.Argument(metavar="DEAL.yaml", help="The dossier the CSM reviewed.")],
    by: Annotated[
        str, typer.Option("--by", metavar="EMAIL", show_default=False, help="The reviewing CSM's email address.")
    ],
    rating: Annotated[
        str | None,
        typer.Option(metavar="1-5", show_default=False, help="The CSM's rating of the handoff, 1 (poor) to 5 (great)."),
    ] = None,
    note: Annotated[str | None, typer.Option(help="A short note for the rep.", show_default=False)] = None,
    reject: Annotated[bool, typer.Option("--reject", help="Reject the handoff instead; needs --reason.")] = False,
    reason: Annotated[
        list[str] | None,
        typer.Option(
            "--reason",
            metavar="CODE",
            show_default=False,
            help=f"Why it is rejected (repeat for several): {REASONS}.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATETIME", show_default=False, help="When the review was made (ISO 8601); default: now."
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Record that the CSM accepted the handoff, or rejected it with reasons, under handoff.reviews in the dossier.

    `handoff report` sums the reviews per sales rep: accepted, rejected, mean rating, the reasons given.

    Only the new review's lines are added; comments, key order, quoting and blank lines stay byte for byte.

    Refused (exit 2, nothing written): a bad email or rating, --reject or --reason alone, an unknown reason.

    --by is the address alone: an address with a name is refused too (the CSM's name goes in deal.csm.name).

    Also refused: a time in the future. Exit 1, nothing written: an invalid dossier.

    Examples:

      handoff accept deals/acme.yaml --by kofi.mensah@relay.example --rating 4

      handoff accept deals/acme.yaml --by kofi.mensah@relay.example --reject --reason unclear-goals --reason filler
    """
    from handoff_cli.cli.stdin_args import refuse_stdin
    from handoff_cli.core.moments import deal_zone, shown
    from handoff_cli.edit.acceptance import email_value, rating_value, reason_values, review_entry
    from handoff_cli.edit.record import Append
    from handoff_cli.edit.rewrite import rewrite
    from handoff_cli.model import Dossier

    refuse_stdin(path)
    display = str(path)
    proj = project(config)
    email = email_value(by, display=display)
    score = rating_value(rating, display=display)
    reasons = reason_values(reason or [], reject=reject, display=display)

    zones: list[tzinfo] = []  # the deal's, for the confirmation

    def decide(dossier: Dossier) -> Append:
        zones.append(deal_zone(proj.settings, dossier.deal))
        when = logged_at(as_of, zones[-1], option="--as-of", display=display,
                         what="record a review once it is made")
        item = review_entry(by=email, at=when, reasons=reasons, rating=score, note=note)
        return Append("reviews", item, noun="review")

    # read under the lock, so no other review is lost
    item = rewrite(path, proj, decide).item
    when = item["at"]
    why = f" ({', '.join(r.value for r in reasons)})" if reasons else ""
    say(f"{item['decision']}{why} by {email} at {shown(when, zones[-1])} in {path}")

