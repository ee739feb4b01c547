"""The CSM's review of the handoff: a rejection holds the dossier back, and CS reads it before meeting the customer.

Not scored, as the other consistency checks: a rejection is an error on its own, contact before review warns.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from handoff_cli.model import Dossier
from handoff_cli.model.progress import CS_CONTACT, Decision, Review
from handoff_cli.rules.base import ALL, NEW_ONLY, NOT_SMB, Category, Context, Miss, rule

C = Category.CONSISTENCY


def latest_review(d: Dossier, ctx: Context) -> tuple[int, Review] | None:
    """The newest review up to the moment of the check, with its index; of two at the same time, the later written."""
    reviews = (d.handoff.reviews if d.handoff else None) or ()
    done = [(i, r) for i, r in enumerate(reviews) if ctx.aware(r.at) <= ctx.as_of]
    return max(reversed(done), key=lambda item: ctx.aware(item[1].at)) if done else None


@rule(
    "HS808",
    "review-not-rejected",
    C,
    weight=0,
    required=ALL,
    why="CS may reject an incomplete handoff; the dossier stays held back until a newer review accepts it",
)
def review_not_rejected(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The CSM's latest review did not reject the handoff.

    PASS: handoff: {reviews: [{decision: rejected, by: kofi@vendor.example, at: 2026-11-05T10:00:00Z}, {decision: accepted, by: kofi@vendor.example, at: 2026-11-06T10:00:00Z}]}
    FAIL: handoff: {reviews: [{decision: rejected, by: kofi@vendor.example, at: 2026-11-05T10:00:00Z, reasons: [unclear-goals]}]}
    """  # noqa: E501
    found = latest_review(d, ctx)
    if found is None or found[1].decision is not Decision.REJECTED:
        return
    index, review = found
    why = ", ".join(r.value for r in review.reasons or ()) or "no reason given"
    note = f" ({review.note})" if review.note else ""
    day = ctx.aware(review.at).astimezone(ctx.tz).date()
    yield Miss(
        ("handoff", "reviews", index, "decision"),
        f"rejected by {review.by} on {day}: {why}{note}; fix it and have the CSM accept it (`handoff accept`)",
    )


@rule(
    "HS809",
    "reviewed-before-contact",
    C,
    weight=0,
    applies=NOT_SMB,
    kinds=NEW_ONLY,
    why="CS reads the context before the first contact, or onboarding starts generic (context-free CS)",
)
def reviewed_before_contact(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The CSM reviewed the handoff before CS first met the customer after signature.

    PASS: handoff: {reviews: [{decision: accepted, by: kofi@vendor.example, at: 2026-11-05T10:00:00Z}], events: [{event: first_contact, at: 2026-11-05T15:00:00Z}]}
    FAIL: handoff: {events: [{event: first_contact, at: 2026-11-05T15:00:00Z}]}
    """  # noqa: E501
    progress = d.handoff
    contacts = [(ctx.aware(e.at), i, e.event) for i, e in enumerate((progress.events if progress else None) or ())
                if e.event in CS_CONTACT and ctx.aware(e.at) <= ctx.as_of]
    if not contacts:
        return
    at, index, name = min(contacts)
    reviews: list[datetime] = [ctx.aware(r.at) for r in (progress.reviews if progress else None) or ()]
    if not any(r <= at for r in reviews):
        yield Miss(
            ("handoff", "events", index, "event"),
            f"{name.value} on {at.astimezone(ctx.tz).date()} came before any CSM review of the handoff "
            "(`handoff accept`)",
        )


RULES = (review_not_rejected, reviewed_before_contact)
