"""Deal facts every handoff needs, and cross-section checks: dates in order, owners who exist.

These rules are not scored: a required one that fails is an error on its own, the others warn.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from handoff_cli.core.field_paths import FieldPath
from handoff_cli.core.moments import shown
from handoff_cli.model import Dossier
from handoff_cli.model.common import Person, Stage
from handoff_cli.model.progress import PRE_CLOSE_EVENTS
from handoff_cli.rules.base import ALL, Category, Context, Miss, rule

C = Category.CONSISTENCY


@rule(
    "HS801",
    "rep-named",
    C,
    weight=0,
    required=ALL,
    why="the intro email comes from the rep, who stays reachable after close (ghost rep)",
)
def rep_named(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The sales rep is named with an email.

    PASS: deal: {sales_rep: {name: Noa Peretz, email: noa@vendor.example}}
    FAIL: deal: {sales_rep: {name: Noa Peretz}}
    """
    yield from _owner(d.deal.sales_rep, "sales_rep", "the intro email is sent from it")


@rule(
    "HS802",
    "csm-assigned",
    C,
    weight=0,
    required=ALL,
    why="unclear ownership between signature and onboarding is a root cause of bad handoffs; for SMB, the pooled "
    "team's name and address will do",
)
def csm_assigned(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A CSM (or for SMB the pooled CS team) is assigned, with an email.

    PASS: deal: {csm: {name: Maya Ross, email: maya@vendor.example}}
    FAIL: deal: {account: Acme}
    """
    yield from _owner(d.deal.csm, "csm", "the customer's first contact comes from it")


def _owner(person: Person | None, key: str, use: str) -> Iterator[Miss]:
    if person is None:
        yield Miss(("deal", key), f"deal.{key} is not named")
    elif not person.email:
        yield Miss(("deal", key, "email"), f"deal.{key} ({person.name}) has no email; {use}")


@rule(
    "HS803",
    "signed-date-known",
    C,
    weight=0,
    required=ALL,
    why="every SLA clock of the handoff starts at contract signature",
)
def signed_date_known(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A closed deal has deal.signed_at (pre-close deals may omit it).

    PASS: deal: {stage: closed-won, signed_at: 2026-11-02T16:30:00-05:00}
    FAIL: deal: {stage: closed-won}
    """
    if d.deal.signed_at is None and d.deal.effective_stage is not Stage.PRE_CLOSE:
        yield Miss(("deal", "signed_at"), "deal.signed_at is not set on a closed deal")


@rule(
    "HS804",
    "signed-not-future",
    C,
    weight=0,
    required=ALL,
    why="a signature in the future is a typo that would start every clock wrong",
)
def signed_not_future(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """deal.signed_at is not later than now.

    PASS: deal: {signed_at: 2026-11-02T16:30:00-05:00}
    FAIL: deal: {signed_at: 2099-01-01T09:00:00Z}
    """
    if d.deal.signed_at and ctx.aware(d.deal.signed_at) > ctx.as_of:
        yield Miss(("deal", "signed_at"), f"deal.signed_at {shown(d.deal.signed_at, ctx.tz)} is in the future")


@rule("HS805", "value-known", C, weight=0, why="deal size sets the segment playbook and the CS engagement model")
def value_known(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The annual contract value is given.

    PASS: deal: {value: {amount: 150000, currency: USD}}
    FAIL: deal: {account: Acme}
    """
    if d.deal.value is None:
        yield Miss(("deal", "value"), "deal.value is not set")


@rule(
    "HS806",
    "dates-in-order",
    C,
    weight=0,
    required=ALL,
    why="a plan whose dates contradict each other cannot be scheduled",
)
def dates_in_order(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Implementation dates fall on or after signature, and go-live on or after the start.

    PASS: implementation: {start: 2026-11-16, go_live: 2027-01-31}
    FAIL: implementation: {start: 2027-02-01, go_live: 2027-01-31}
    """
    impl = d.implementation
    if impl is None:
        return
    if impl.start and impl.go_live and impl.go_live < impl.start:
        yield Miss(("implementation", "go_live"), f"go_live {impl.go_live} is before start {impl.start}")
    if d.deal.signed_at is None:
        return
    signed = ctx.aware(d.deal.signed_at).astimezone(ctx.tz).date()
    dated: list[tuple[FieldPath, date | None]] = [
        (("implementation", "start"), impl.start),
        (("implementation", "go_live"), impl.go_live),
    ]
    dated += [(("implementation", "milestones", i, "due"), m.due) for i, m in enumerate(impl.milestones or ())]
    for path, day in dated:
        if day is not None and day < signed:
            yield Miss(path, f"{path[-1]} {day} is before the contract was signed ({signed})")


@rule(
    "HS807",
    "events-after-signature",
    C,
    weight=0,
    required=ALL,
    why="an onboarding event logged before signature means a wrong date or a wrong deal; the steps of the sale CS "
    "takes part in (finalist presentation, closing call, SOW review) belong before it",
)
def events_after_signature(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every onboarding event happened after signature, and no event is in the future.

    PASS: {deal: {signed_at: 2026-11-02T16:30:00Z}, handoff: {events: [{event: sow_review, at: 2026-10-28T15:00:00Z}]}}
    FAIL: {deal: {signed_at: 2026-11-02T16:30:00Z}, handoff: {events: [{event: intro_email, at: 2020-01-01T09:00:00Z}]}}
    """
    signed = ctx.aware(d.deal.signed_at) if d.deal.signed_at else None
    for index, event in enumerate((d.handoff.events if d.handoff else None) or ()):
        at = ctx.aware(event.at)
        if signed and at < signed and event.event not in PRE_CLOSE_EVENTS:
            yield Miss(
                ("handoff", "events", index, "at"),
                f"{event.event.value} at {shown(at, ctx.tz)} is before signature; only the steps of the sale "
                "are logged before it",
            )
        elif at > ctx.as_of:
            yield Miss(
                ("handoff", "events", index, "at"), f"{event.event.value} at {shown(at, ctx.tz)} is in the future"
            )


RULES = (
    rep_named,
    csm_assigned,
    signed_date_known,
    signed_not_future,
    value_known,
    dates_in_order,
    events_after_signature,
)
