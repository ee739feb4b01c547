"""One signed deal's outcomes as of the report's --as-of: survey, time to first value, 90-day health, first year.

Everything logged after --as-of has not happened yet. A deal with no renewal or churn logged has an
outcome that is "not yet known": it is never counted as retained (docs/outcomes.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from handoff_cli.model.outcomes import Health, Outcome, OutcomeKind
from handoff_cli.model.progress import EventName
from handoff_cli.portfolio.engagement import MAX_VALUE
from handoff_cli.portfolio.facts import DealFacts, Portfolio

K = OutcomeKind
# the 90-day health check: the one nearest day 90 among those logged from day 60 to day 120 after signature
HEALTH_DAY, HEALTH_FROM, HEALTH_TO = 90, 60, 120
LARGE_VALUE = 100_000
# deal-size bands by annual value: the CS-engagement threshold (15,000) and 100,000, as written (no conversion)
SIZES = (f"< {MAX_VALUE:,}", f"{MAX_VALUE:,}-{LARGE_VALUE - 1:,}", f">= {LARGE_VALUE:,}", "unknown")


@dataclass(frozen=True)
class DealOutcome:
    deal: DealFacts
    survey: int | None  # the latest customer_survey rating
    days_to_value: float | None  # signature -> the first first_value event
    health_90: Health | None
    first_year: OutcomeKind | None  # RENEWED or CHURNED: whichever was logged first; None: not yet known
    expanded: bool

    @property
    def size(self) -> str:
        value = self.deal.dossier.deal.value
        if value is None:
            return SIZES[-1]
        return SIZES[0] if value.amount < MAX_VALUE else SIZES[1] if value.amount < LARGE_VALUE else SIZES[2]


def signed_at(deal: DealFacts, as_of: datetime) -> datetime | None:
    signed = deal.dossier.deal.signed_at
    return deal.aware(signed) if signed is not None and deal.aware(signed) <= as_of else None


def logged(deal: DealFacts, as_of: datetime) -> list[Outcome]:
    """The deal's outcomes up to --as-of, oldest first (the file's order breaks a tie)."""
    found = (
        [o for o in (deal.dossier.handoff.outcomes or ()) if deal.aware(o.at) <= as_of] if deal.dossier.handoff else []
    )
    return sorted(found, key=lambda o: deal.aware(o.at))


def outcome(deal: DealFacts, signed: datetime, as_of: datetime) -> DealOutcome:
    done = logged(deal, as_of)
    surveys = [o.rating for o in done if o.outcome is K.CUSTOMER_SURVEY]
    value = deal.dossier.handoff.first(EventName.FIRST_VALUE) if deal.dossier.handoff else None
    reached = value is not None and deal.aware(value.at) <= as_of
    days = round((deal.aware(value.at) - signed) / timedelta(days=1), 1) if value is not None and reached else None
    ends = [o.outcome for o in done if o.outcome in (K.RENEWED, K.CHURNED)]
    return DealOutcome(
        deal=deal,
        survey=surveys[-1] if surveys else None,
        days_to_value=days,
        health_90=_health_90(deal, done, signed),
        first_year=ends[0] if ends else None,
        expanded=any(o.outcome is K.EXPANDED for o in done),
    )


def _health_90(deal: DealFacts, done: Sequence[Outcome], signed: datetime) -> Health | None:
    checks = [
        (abs(day - HEALTH_DAY), -day, o.value)
        for o in done
        if o.outcome is K.HEALTH
        and HEALTH_FROM <= (day := (deal.aware(o.at) - signed) / timedelta(days=1)) <= HEALTH_TO
    ]
    # nearest day 90; of two as near, the later one
    return min(checks, key=lambda c: (c[0], c[1]))[2] if checks else None


def outcomes(deals: Sequence[DealFacts], as_of: datetime) -> list[DealOutcome]:
    """Every deal signed by --as-of; unsigned deals have no customer yet."""
    return [outcome(d, signed, as_of) for d in deals if (signed := signed_at(d, as_of)) is not None]


def known_outcomes(portfolio: Portfolio) -> list[DealFacts]:
    """The deals whose first-year outcome is known: only these need their quality at signature."""
    return [o.deal for o in outcomes(portfolio.deals, portfolio.as_of) if o.first_year is not None]
