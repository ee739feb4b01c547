"""The report's `outcomes` section: did good handoffs pay off? Plain data; text, md and html render it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from statistics import mean, median
from typing import TypeVar

from handoff_cli.model.outcomes import Health, OutcomeKind
from handoff_cli.portfolio.adherence import adherence
from handoff_cli.portfolio.facts import DealFacts, Portfolio
from handoff_cli.portfolio.outcomes import HEALTH_DAY, HEALTH_FROM, HEALTH_TO, SIZES, DealOutcome, Signed, outcomes
from handoff_cli.portfolio.report_document import (
    NOT_YET,
    Band,
    Delivery,
    OutcomeDeal,
    Outcomes,
    Survey,
)
from handoff_cli.portfolio.signature_quality import BANDS, CURRENT, SOURCES, Quality
from handoff_cli.portfolio.wilson import CONFIDENCE, MIN_DEALS, Rate, compare, rate

Figure = TypeVar("Figure")


def outcomes_section(portfolio: Portfolio, quality: Mapping[str, Quality]) -> Outcomes:
    found = outcomes(portfolio.deals)
    known = [(d, o) for d, o in found if o.first_year is not None]
    # quality is looked up for deals with a known outcome; without git history it is today's score
    at_signing = {d.path: quality.get(d.path) or Quality(d.score, CURRENT) for d, _ in known}
    by_band = {name: [o for d, o in known if at_signing[d.path].band == name] for name, _ in BANDS}
    rates = {name: _rates(group) for name, group in by_band.items()}
    great, poor = BANDS[0][0], BANDS[-1][0]
    target = portfolio.settings.survey_target
    survey = partial(_survey, target=target)
    return {
        "signed": len(found),
        "survey": {
            "target": target,
            "overall": survey(found),
            "by_segment": _grouped(found, lambda d: d.deal.segment.value, survey),
            "by_rep": _grouped(found, lambda d: d.rep, survey),
        },
        "delivery": {
            "overall": _delivered(found),
            "by_segment": _grouped(found, lambda d: d.deal.segment.value, _delivered),
            "by_size": {size: _delivered(g) for size in SIZES if (g := [(d, o) for d, o in found if o.size == size])},
            "by_csm": _grouped(found, lambda d: d.csm, _delivered),
            "by_rep": _grouped(found, lambda d: d.rep, _delivered),
        },
        "health_90": {
            "window_days": [HEALTH_FROM, HEALTH_TO], "day": HEALTH_DAY,
            "green": sum(o.health_90 is Health.GREEN for _, o in found),
            "yellow": sum(o.health_90 is Health.YELLOW for _, o in found),
            "red": sum(o.health_90 is Health.RED for _, o in found),
            NOT_YET: sum(o.health_90 is None for _, o in found),
        },
        "retention": {
            "confidence": CONFIDENCE, "min_deals": MIN_DEALS,
            "known": len(known), NOT_YET: len(found) - len(known),
            "quality_sources": {s: sum(q.source == s for q in at_signing.values()) for s in SOURCES},
            "by_band": {name: _band(group, rates[name]) for name, group in by_band.items()},
            "verdict": {
                what: compare(what, rates[great][what], rates[poor][what], great_name=great, poor_name=poor)
                for what in ("churn", "retention", "expansion")
            },
        },
        "deals": [_deal(d, o, at_signing.get(d.path)) for d, o in found],
    }  # fmt: skip


def _grouped(
    found: Sequence[Signed], key: Callable[[DealFacts], str], figure: Callable[[Sequence[Signed]], Figure]
) -> dict[str, Figure]:
    groups: dict[str, list[Signed]] = {}
    for pair in found:
        groups.setdefault(key(pair[0]), []).append(pair)
    return {name: figure(groups[name]) for name in sorted(groups)}


def _survey(group: Sequence[Signed], *, target: float) -> Survey:
    ratings = [o.survey for _, o in group if o.survey is not None]
    average = round(mean(ratings), 2) if ratings else None
    return {"mean": average, "count": len(ratings), "at_target": None if average is None else average >= target}


def _delivered(group: Sequence[Signed]) -> Delivery:
    days = [o.days_to_value for _, o in group if o.days_to_value is not None]
    return {
        "deals": len(group),
        "first_value": {"reached": len(days), "median_days": round(median(days), 1) if days else None},
        "adherence": adherence([x for d, _ in group for x in d.delivered]),
    }


def _rates(group: Sequence[DealOutcome]) -> dict[str, Rate]:
    """Over the deals of a band whose first-year outcome is known: renewed, churned, expanded."""
    n = len(group)
    renewed = sum(o.first_year is OutcomeKind.RENEWED for o in group)
    return {
        "retention": rate(renewed, n),
        "churn": rate(n - renewed, n),
        "expansion": rate(sum(o.expanded for o in group), n),
    }


def _band(group: Sequence[DealOutcome], rates: Mapping[str, Rate]) -> Band:
    return {
        "known": len(group), "renewed": rates["retention"].hits, "churned": rates["churn"].hits,
        "expanded": rates["expansion"].hits, "retention": rates["retention"].as_dict(),
        "churn": rates["churn"].as_dict(), "expansion": rates["expansion"].as_dict(),
        "too_few": len(group) < MIN_DEALS,
    }  # fmt: skip


def _deal(deal: DealFacts, o: DealOutcome, quality: Quality | None) -> OutcomeDeal:
    d = deal.deal
    return {
        "path": deal.path, "deal_id": d.id, "account": d.account, "segment": d.segment.value, "rep": deal.rep,
        "size": o.size, "survey": o.survey, "days_to_value": o.days_to_value,
        "health_90": o.health_90.value if o.health_90 else None,
        "first_year": o.first_year.value if o.first_year else NOT_YET, "expanded": o.expanded,
        "quality_at_signature": quality.score if quality else None,
        "quality_source": quality.source if quality else None,
        "quality_band": quality.band if quality else None, "csm": deal.csm, "adherence": adherence(deal.delivered),
    }  # fmt: skip
