"""View models: what a template sees, built from a Dossier. Wording choices and fallbacks live here, not in templates.

Builders run only after `needs.missing()` came back empty, so the fields they list are present.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from handoff_cli.core.moments import offset
from handoff_cli.model import Dossier
from handoff_cli.model.common import Money, Person
from handoff_cli.model.goals import SuccessCriterion
from handoff_cli.model.stakeholders import Stakeholder
from handoff_cli.render.needs import champion

MAX_OBJECTIVES = 3  # the intro email lists up to three objectives (docs/method.md, "The intro email")


@dataclass(frozen=True)
class Contact:
    name: str
    email: str | None = None
    title: str | None = None

    @classmethod
    def of(cls, who: Person | Stakeholder | None) -> Contact:
        if who is None:
            raise ValueError("a required person is missing; needs.missing() should have caught it")
        return cls(who.name, who.email, who.title)


@dataclass(frozen=True)
class Line:
    """One line of a document, as data (`kind` and its facts) and as its English wording (`str(line)`).

    A translation words a line from `line.kind` and its facts (`line.text`, `line.due`, ...); see
    words.de.txt.j2. Templates that print `{{ line }}` get the English wording.
    """

    kind: str
    english: str
    facts: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.english

    def __getitem__(self, key: str) -> object:
        # Jinja falls back to item lookup for `line.text`: the facts read like attributes in a template
        return self.facts[key]


@dataclass(frozen=True)
class Criterion:
    """A success criterion for a template: its parts, and `str()` in English (`criterion()` below).

    Like `Line`, a value a template may hold: its fields are plain data and `str()` is all it does."""

    metric: str
    unit: str | None
    baseline: Decimal | None
    target: Decimal | None
    by: date | None
    english: str

    def __str__(self) -> str:
        return self.english


def criterion_of(c: SuccessCriterion) -> Criterion:
    return Criterion(c.metric, c.unit, c.baseline, c.target, c.by, criterion(c))


@dataclass(frozen=True)
class Intro:
    account: str
    champion: Contact
    rep: Contact
    csm: Contact
    main_goal: str          # the first outcome the customer bought for
    objectives: list[Criterion]  # the first success criteria, in measurable form
    outcome: str            # the outcome the email closes on: the last one listed


def day(value: date) -> str:
    """Weekday and ISO date, readable in any locale: `Mon 2026-11-16`."""
    return f"{value:%a} {value.isoformat()}"


def moment(value: datetime) -> str:
    """A local deadline with its zone's name and its offset: `Tue 2026-11-10 16:30 EST (UTC-05:00)`; a zone
    without a name of its own shows the offset alone (`16:30 UTC+04:00`), UTC its name."""
    name, utc = f"{value:%Z}", f"UTC{offset(value)}" if value.tzinfo else ""
    if name == "UTC" or not utc:  # UTC says its offset itself
        return f"{day(value.date())} {value:%H:%M} {name}".rstrip()
    zone = f"{name} ({utc})" if name and name[0] not in "+-" else utc
    return f"{day(value.date())} {value:%H:%M} {zone}"


def number(value: Decimal) -> str:
    # normalize() alone turns 100 into 1E+2; the 'f' format keeps it positional
    return f"{value.normalize():,f}"


def money(value: Money) -> str:
    return f"{number(value.amount)} {value.currency}"


def criterion(c: SuccessCriterion, *, dated: bool = True) -> str:
    """`First response time from 9.2 to 2 hours by Fri 2027-04-30`, leaving out what the dossier leaves out."""
    unit = "" if c.unit is None else (c.unit if c.unit == "%" else f" {c.unit}")
    text = c.metric
    if c.baseline is not None:
        text += f" from {number(c.baseline)}{unit if c.target is None else ''}"
    if c.target is not None:
        text += f" to {number(c.target)}{unit}"
    if c.by is not None and dated:
        text += f" by {day(c.by)}"
    return text


def intro(dossier: Dossier) -> Intro:
    goals = dossier.goals
    assert goals is not None and goals.outcomes and goals.success_criteria  # guaranteed by needs.INTRO
    return Intro(
        account=dossier.deal.account,
        champion=Contact.of(champion(dossier)),
        rep=Contact.of(dossier.deal.sales_rep),
        csm=Contact.of(dossier.deal.csm),
        main_goal=goals.outcomes[0],
        objectives=[criterion_of(c) for c in goals.success_criteria[:MAX_OBJECTIVES]],
        outcome=goals.outcomes[-1],
    )
