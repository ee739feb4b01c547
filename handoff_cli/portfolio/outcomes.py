"""One signed deal's outcomes as of the report's --as-of: survey, time to first value, 90-day health, first year.

Everything logged after --as-of has not happened yet. A deal with no renewal or churn logged has an
outcome that is "not yet known": it is never counted as retained (docs/outcomes.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from handoff_cli.core.moments import local
from handoff_cli.model.outcomes import Health, Outcome, OutcomeKind
from handoff_cli.model.progress import EventName
from handoff_cli.portfolio.engagement import MAX_VALUE

if TYPE_CHECKING:
    from handoff_cli.model import Dossier
    from handoff_cli.model.common import Money
    from handoff_cli.model.progress import Progress
    from handoff_cli.portfolio.facts import DealFacts, Portfolio

K = OutcomeKind
# the 90-day health check: the one nearest day 90 among those logged from day 60 to day 120 after signature
HEALTH_DAY, HEALTH_FROM, HEALTH_TO = 90, 60, 120
LARGE_VALUE = 100_000
# deal-size bands by annual value: the CS-engagement threshold (15,000) and 100,000, as written (no conversion)
SIZES = (f"< {MAX_VALUE:,}", f"{MAX_VALUE:,}-{LARGE_VALUE - 1:,}", f">= {LARGE_VALUE:,}", "unknown")


@dataclass(frozen=True, slots=True)
class DealOutcome:
    survey: int | None  # the latest customer_survey rating
    days_to_value: float | None  # signature -> the first first_value event
    health_90: Health | None
    first_year: OutcomeKind | None  # RENEWED or CHURNED: whichever was logged first; None: not yet known
    expanded: bool
    size: str  # one of SIZES, by the deal's value


def size(value: Money | None) -> str:
    if value is None:
        return SIZES[-1]
    return SIZES[0] if value.amount < MAX_VALUE else SIZES[1] if value.amount < LARGE_VALUE else SIZES[2]


def logged(progress: Progress | None, tz: tzinfo, as_of: datetime) -> list[Outcome]:
    """The deal's outcomes up to --as-of, oldest first (the file's order breaks a tie); naive times in `tz`."""
    found = [o for o in (progress.outcomes or ()) if local(o.at, tz) <= as_of] if progress else []
    return sorted(found, key=lambda o: local(o.at, tz))


def churned(progress: Progress | None, tz: tzinfo, as_of: datetime) -> bool:
    """The customer left by `as_of`: nobody owes this deal an onboarding step any more."""
    return any(o.outcome is K.CHURNED for o in logged(progress, tz, as_of))


def deal_outcome(dossier: Dossier, tz: tzinfo, as_of: datetime) -> DealOutcome | None:
    """The outcomes of a deal signed by `as_of`; None for one not signed by then (it has no customer yet)."""
    signed = local(dossier.deal.signed_at, tz) if dossier.deal.signed_at is not None else None
    if signed is None or signed > as_of:
        return None
    progress = dossier.handoff
    done = logged(progress, tz, as_of)
    surveys = [o.rating for o in done if o.outcome is K.CUSTOMER_SURVEY]
    value = progress.first(EventName.FIRST_VALUE) if progress else None
    reached = value is not None and local(value.at, tz) <= as_of
    days = round((local(value.at, tz) - signed) / timedelta(days=1), 1) if value is not None and reached else None
    ends = [o.outcome for o in done if o.outcome in (K.RENEWED, K.CHURNED)]
    return DealOutcome(
        survey=surveys[-1] if surveys else None,
        days_to_value=days,
        health_90=_health_90(done, signed, tz),
        first_year=ends[0] if ends else None,
        expanded=any(o.outcome is K.EXPANDED for o in done),
        size=size(dossier.deal.value),
    )


def _health_90(done: Sequence[Outcome], signed: datetime, tz: tzinfo) -> Health | None:
    checks = [
        (abs(day - HEALTH_DAY), -day, o.value)
        for o in done
        if o.outcome is K.HEALTH
        and HEALTH_FROM <= (day := (local(o.at, tz) - signed) / timedelta(days=1)) <= HEALTH_TO
    ]
    # nearest day 90; of two as near, the later one
    return min(checks, key=lambda c: (c[0], c[1]))[2] if checks else None


Signed = tuple["DealFacts", DealOutcome]  # a deal signed by --as-of, and its outcomes


def outcomes(deals: Sequence[DealFacts]) -> list[Signed]:
    """Every deal signed by --as-of, with its outcomes; unsigned deals have no customer yet."""
    return [(d, d.outcome) for d in deals if d.outcome is not None]


def known_outcomes(portfolio: Portfolio) -> list[DealFacts]:
    """The deals whose first-year outcome is known: only these need their quality at signature."""
    return [d for d, o in outcomes(portfolio.deals) if o.first_year is not None]
