"""Category 6, timeline and implementation plan: dates, milestones, training and customer resources."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_cli.model import Dossier
from handoff_cli.rules.base import BUILT, LARGE, NOT_SMB, Category, Context, Miss, rule

C = Category.IMPLEMENTATION


@rule(
    "HS601",
    "start-date",
    C,
    weight=3,
    applies=NOT_SMB,
    kinds=BUILT,
    why="every clock of the plan counts from the implementation start; a self-serve SMB customer starts at payment",
)
def start_date(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The implementation start date is set.

    PASS: implementation: {start: 2026-11-16}
    FAIL: implementation: {go_live: 2027-01-31}
    """
    if not (d.implementation and d.implementation.start):
        yield Miss(("implementation", "start"), "implementation.start is not set")


@rule(
    "HS602",
    "go-live-target",
    C,
    weight=4,
    applies=NOT_SMB,
    required=NOT_SMB,
    kinds=BUILT,
    why="the go-live date is the promise the customer remembers best; an SMB customer is live once set up, and the "
    "first value clock tracks it",
)
def go_live_target(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A go-live target date is set.

    PASS: implementation: {go_live: 2027-01-31}
    FAIL: implementation: {start: 2026-11-16}
    """
    if not (d.implementation and d.implementation.go_live):
        yield Miss(("implementation", "go_live"), "implementation.go_live is not set")


@rule(
    "HS603",
    "milestones-planned",
    C,
    weight=4,
    applies=NOT_SMB,
    kinds=BUILT,
    why="enterprise and strategic deals need formal milestones (three or more), mid-market at least one for its "
    "standard onboarding; SMB onboarding is a self-serve sequence",
)
def milestones_planned(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Dated milestones are planned: three or more for enterprise and strategic, one or more otherwise.

    PASS: implementation: {milestones: [{name: SSO live, due: 2026-12-01}]}
    FAIL: implementation: {milestones: [{name: SSO live}]}
    """
    dated = [m for m in (d.implementation.milestones if d.implementation else None) or () if m.due]
    wanted = 3 if d.deal.segment in LARGE else 1
    if len(dated) < wanted:
        segment = d.deal.segment.value
        yield Miss(
            ("implementation", "milestones"),
            f"{len(dated)} dated milestone(s); {'an' if segment[0] in 'aeiou' else 'a'} {segment} deal needs {wanted}",
        )


@rule(
    "HS604",
    "training-planned",
    C,
    weight=2,
    applies=NOT_SMB,
    kinds=BUILT,
    why="untrained users are the first adoption risk; SMB users learn from video tutorials and guides",
)
def training_planned(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """At least one training session is planned.

    PASS: implementation: {training: [{audience: Agents, date: 2026-12-03}]}
    FAIL: implementation: {start: 2026-11-16}
    """
    if not (d.implementation and d.implementation.training):
        yield Miss(("implementation", "training"), "implementation.training is empty")


@rule(
    "HS605",
    "customer-resources",
    C,
    weight=2,
    applies=NOT_SMB,
    why="the plan fails if the customer has not committed people and time to it; an SMB onboarding asks for an hour",
)
def customer_resources(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The customer's people and time for the project are named.

    PASS: implementation: {customer_resources: [{name: Li Wei, time_commitment: 4 h/week}]}
    FAIL: implementation: {start: 2026-11-16}
    """
    if not (d.implementation and d.implementation.customer_resources):
        yield Miss(("implementation", "customer_resources"), "implementation.customer_resources is empty")


@rule(
    "HS606",
    "dependencies-answered",
    C,
    weight=1,
    applies=NOT_SMB,
    why="approvals and third parties the plan waits on must be known up front; SMB has no plan to wait",
)
def dependencies_answered(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Dependencies are listed; an empty list says there are none.

    PASS: implementation: {dependencies: [Security sign-off by the CISO]}
    FAIL: implementation: {start: 2026-11-16}
    """
    if d.implementation is None or d.implementation.dependencies is None:
        yield Miss(("implementation", "dependencies"), "implementation.dependencies is not answered (use [] for none)")


@rule(
    "HS607",
    "constraints-answered",
    C,
    weight=1,
    applies=NOT_SMB,
    why="quarter close, seasonality and fiscal year-end decide when the customer can work with us; SMB has no plan "
    "to schedule",
)
def constraints_answered(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Time constraints are listed; an empty list says there are none.

    PASS: implementation: {constraints: [Code freeze 15-31 December]}
    FAIL: implementation: {start: 2026-11-16}
    """
    if d.implementation is None or d.implementation.constraints is None:
        yield Miss(("implementation", "constraints"), "implementation.constraints is not answered (use [] for none)")


RULES = (
    start_date,
    go_live_target,
    milestones_planned,
    training_planned,
    customer_resources,
    dependencies_answered,
    constraints_answered,
)
