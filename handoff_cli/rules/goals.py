"""Category 3, business goals and success criteria: what the customer must see to call this a success."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_cli.model import Dossier
from handoff_cli.rules.base import ALL, LARGE, NOT_SMB, Category, Context, Miss, each, rule, thin, unanswered

C = Category.GOALS


@rule(
    "HS301",
    "problem-stated",
    C,
    weight=5,
    required=ALL,
    why="the intro email and every review start from the problem the customer bought us to solve; asked of every "
    "segment",
)
def problem_stated(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The business problem being solved is stated.

    PASS: goals: {problem: Agents answer the same questions by hand in three tools}
    FAIL: goals: {outcomes: [Faster answers]}
    """
    if not (d.goals and d.goals.problem):
        yield Miss(("goals", "problem"), "goals.problem is not filled in")
    yield from thin(ctx, ("goals", "problem"), d.goals.problem if d.goals else None)


@rule(
    "HS302",
    "outcomes-listed",
    C,
    weight=4,
    why="the objectives named in the intro email come from here; the expected outcome is on every segment's checklist",
)
def outcomes_listed(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """At least one desired business outcome is listed.

    PASS: goals: {outcomes: [First response under 2 hours]}
    FAIL: goals: {problem: Slow answers}
    """
    if not (d.goals and d.goals.outcomes):
        yield Miss(("goals", "outcomes"), "goals.outcomes is empty")


@rule(
    "HS303",
    "success-quantified",
    C,
    weight=8,
    required=NOT_SMB,
    why="without a metric and a target, nobody can prove value at the first business review; for SMB the expected "
    "outcome with a number is most of what CS needs, so it weighs as much there too",
)
def success_quantified(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """At least one success criterion has a metric and a numeric target.

    PASS: goals: {success_criteria: [{metric: First response time, unit: hours, target: 2}]}
    FAIL: goals: {success_criteria: [{metric: Happier agents}]}
    """
    criteria = d.goals.success_criteria if d.goals else None
    if not any(c.target is not None for c in criteria or ()):
        yield Miss(("goals", "success_criteria"), "no success criterion has a numeric target")


@rule(
    "HS304",
    "criteria-dated",
    C,
    weight=3,
    applies=NOT_SMB,
    why="a target without a date cannot be put on the 30-60-90 plan; SMB onboarding has no such plan, its first "
    "value clock dates it",
)
def criteria_dated(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every success criterion has a `by` date.

    PASS: goals: {success_criteria: [{metric: First response time, target: 2, by: 2027-03-31}]}
    FAIL: goals: {success_criteria: [{metric: First response time, target: 2}]}
    """
    items = list(each(d.goals.success_criteria if d.goals else None, ("goals", "success_criteria")))
    if not items:
        yield unanswered(("goals", "success_criteria"), "no success criterion is listed")
    for path, criterion in items:
        if criterion.by is None:
            yield Miss((*path, "by"), f"success criterion '{criterion.metric}' has no by date", 1 / len(items))


@rule(
    "HS305",
    "criteria-baselined",
    C,
    weight=2,
    applies=NOT_SMB,
    why="improvement can only be shown against a baseline measured before go-live; SMB deals have no review to show "
    "it at",
)
def criteria_baselined(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every success criterion has a baseline.

    PASS: goals: {success_criteria: [{metric: First response time, baseline: 8, target: 2}]}
    FAIL: goals: {success_criteria: [{metric: First response time, target: 2}]}
    """
    items = list(each(d.goals.success_criteria if d.goals else None, ("goals", "success_criteria")))
    if not items:
        yield unanswered(("goals", "success_criteria"), "no success criterion is listed")
    for path, criterion in items:
        if criterion.baseline is None:
            yield Miss((*path, "baseline"), f"success criterion '{criterion.metric}' has no baseline", 1 / len(items))


@rule(
    "HS306",
    "personal-wins",
    C,
    weight=2,
    applies=LARGE,
    why="a champion who looks good renews; their personal win is part of the plan where executive engagement is the "
    "playbook (enterprise, strategic)",
)
def personal_wins(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The champion's personal win is written down.

    PASS: goals: {personal_wins: {champion: Presents the CSAT turnaround to the board}}
    FAIL: goals: {problem: Slow answers}
    """
    if not (d.goals and d.goals.personal_wins and d.goals.personal_wins.champion):
        yield Miss(("goals", "personal_wins", "champion"), "goals.personal_wins.champion is not filled in")


RULES = (problem_stated, outcomes_listed, success_quantified, criteria_dated, criteria_baselined, personal_wins)
