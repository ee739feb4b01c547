"""What a rule is: a stable code and name, a category, a weight, why it matters, and a pure check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import TypeVar

from handoff_cli.core.field_paths import FieldPath, dotted, pattern
from handoff_cli.core.moments import aware
from handoff_cli.core.vocabulary import DealKind
from handoff_cli.model import Dossier
from handoff_cli.model.common import Segment
from handoff_cli.settings import DEFAULT_GO_LIVE_WEEKS

ALL = frozenset(Segment)
NOT_SMB = frozenset({Segment.ENTERPRISE, Segment.MID_MARKET, Segment.STRATEGIC})
LARGE = frozenset({Segment.ENTERPRISE, Segment.STRATEGIC})
NONE: frozenset[Segment] = frozenset()
SMB, MID = Segment.SMB, Segment.MID_MARKET
EVERY_KIND = frozenset(DealKind)
# a renewal's customer is live already: nothing is implemented, migrated or trained for it
BUILT = frozenset({DealKind.NEW, DealKind.EXPANSION})
# an expansion or a renewal keeps the account's CSM, already in touch with the customer before the deal
NEW_ONLY = frozenset({DealKind.NEW})
T = TypeVar("T")


class Category(StrEnum):
    CUSTOMER = "customer"
    STAKEHOLDERS = "stakeholders"
    GOALS = "goals"
    COMMITMENTS = "commitments"
    TECHNICAL = "technical"
    IMPLEMENTATION = "implementation"
    RISKS = "risks"
    CONSISTENCY = "consistency"


SCORED = tuple(c for c in Category if c is not Category.CONSISTENCY)


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the dossier: the moment of the check, the deal's time zone, some settings."""

    as_of: datetime
    tz: tzinfo  # the deal's own zone (core/moments.py): its naive times are read in it
    min_words: Mapping[str, int] = field(default_factory=dict)
    go_live_weeks: Mapping[Segment, tuple[float, float]] = field(default_factory=lambda: dict(DEFAULT_GO_LIVE_WEEKS))

    def aware(self, moment: datetime) -> datetime:
        return aware(moment, self.tz)


@dataclass(frozen=True, slots=True)
class Miss:
    """One thing a rule found missing or wrong, at a field path; `cost` is the share of the rule's points lost."""

    field: FieldPath
    message: str
    cost: float = 1.0
    warn_only: bool = False  # a thin answer warns even under a must-have rule
    # the list or section the rule looks into is not answered: every rule that needs it reports one
    # finding together, at that field, so one gap reads as one line with all the points it costs
    unanswered: bool = False


Check = Callable[[Dossier, Context], Iterable[Miss]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    weight: float
    why: str
    check: Check = field(repr=False)
    applies: frozenset[Segment] = ALL
    required: frozenset[Segment] = NONE
    weights: Mapping[Segment, float] = field(default_factory=dict, hash=False)  # per-segment points over `weight`
    kinds: frozenset[DealKind] = EVERY_KIND  # the deal kinds it is asked of; elsewhere it is off

    def weight_for(self, segment: Segment) -> float:
        return self.weights.get(segment, self.weight)

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.why

    def run(self, dossier: Dossier, ctx: Context) -> list[Miss]:
        return list(self.check(dossier, ctx))


def rule(
    code: str,
    name: str,
    category: Category,
    *,
    weight: float,
    why: str,
    applies: frozenset[Segment] = ALL,
    required: frozenset[Segment] = NONE,
    weights: Mapping[Segment, float] | None = None,
    kinds: frozenset[DealKind] = EVERY_KIND,
) -> Callable[[Check], Rule]:
    """Declare a rule; the decorated function's docstring (summary, PASS and FAIL YAML) is its documentation.

    `weight` is its points wherever it applies, unless `weights` gives a segment its own; `applies` and
    `required` name segments, `kinds` the deal kinds (new, expansion, renewal) it is asked of at all."""

    def wrap(check: Check) -> Rule:
        return Rule(code, name, category, weight, why, check, applies, required, dict(weights or {}), kinds)

    return wrap


def thin(ctx: Context, path: FieldPath, text: str | None, share: float = 1.0) -> Iterator[Miss]:
    """A free-text answer shorter than its configured minimum costs half its share of the points."""
    need = ctx.min_words.get(pattern(path))
    words = len(text.split()) if text else 0
    if text and need and words < need:
        message = f"{dotted(path)} is too thin to carry context ({words} words; at least {need})"
        yield Miss(path, message, share / 2, warn_only=True)


def each(items: Iterable[T] | None, prefix: FieldPath) -> Iterator[tuple[FieldPath, T]]:
    """Items of an optional list with their field paths, for rules that check every entry."""
    for index, item in enumerate(items or ()):
        yield (*prefix, index), item


def unanswered(path: FieldPath, message: str | None = None) -> Miss:
    """A rule over the items of a list earns nothing while the list is not answered: no vacuous credit."""
    return Miss(path, message or f"{dotted(path)} is not answered", unanswered=True)
