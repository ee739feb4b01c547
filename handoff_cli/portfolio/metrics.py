"""The metrics of docs/method.md for a group of deals: counts, completeness, completion rate, medians, breaches."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import median

from handoff_cli.clocks.clocks import NAMES
from handoff_cli.portfolio.facts import LATE, DealFacts
from handoff_cli.portfolio.ranking import points_lost
from handoff_cli.portfolio.reviews import ReviewTally, tally

TARGET_SCORE = 95.0  # handoff completeness target ≥ 95 % (docs/method.md, metrics)
COMPLETION_FLAG = 90.0  # completion rate below 90 % means a process problem (docs/method.md, metrics)
# completeness distribution: lower bound of each band, shown as "95-100" etc.
BANDS: tuple[tuple[str, float], ...] = (("95-100", 95), ("85-94", 85), ("70-84", 70), ("50-69", 50), ("0-49", 0))


@dataclass(frozen=True)
class Metrics:
    handoffs: int
    signed: int
    completeness_mean: float | None
    completeness_bands: dict[str, int]
    at_target: int
    on_time: int
    completion_rate: float | None  # % of signed deals with every due clock met in time
    median_first_contact_hours: float | None
    median_days_to_kickoff: float | None
    breaches_by_clock: dict[str, int]  # breached now or met late
    most_missing: list[tuple[str, int, float]]  # (rule, deals missing it, points lost), costliest first
    reviews: ReviewTally  # the CSMs' verdicts (handoff accept)

    @property
    def completion_flag(self) -> bool:
        return self.completion_rate is not None and self.completion_rate < COMPLETION_FLAG


def band(score: float) -> str:
    return next(name for name, low in BANDS if score >= low)


def metrics(deals: Sequence[DealFacts], *, top: int = 10) -> Metrics:
    signed = [d for d in deals if d.clocks]
    scores = [d.score for d in deals]
    on_time = sum(d.on_time for d in signed)
    late = Counter(c.clock.name for d in signed for c in d.clocks if c.status in LATE)
    return Metrics(
        handoffs=len(deals),
        signed=len(signed),
        completeness_mean=round(sum(scores) / len(scores), 1) if scores else None,
        completeness_bands={name: sum(band(s) == name for s in scores) for name, _ in BANDS},
        # the gate `handoff validate` applies (segment threshold, must-have rules, placeholders), not the
        # score alone, so report and validate agree on every deal
        at_target=sum(d.result.passed for d in deals),
        on_time=on_time,
        completion_rate=round(100 * on_time / len(signed), 1) if signed else None,
        median_first_contact_hours=_median(signed, "first_contact", 3600),
        median_days_to_kickoff=_median(signed, "kickoff", 86400),
        breaches_by_clock={name: late[name] for name in NAMES},
        most_missing=points_lost(deals)[:top],
        reviews=tally(deals),
    )


def _median(deals: Sequence[DealFacts], clock: str, unit_seconds: int) -> float | None:
    """Time from the clock's start to its stop event, over the deals where it has happened."""
    spans = [
        (c.done - c.start).total_seconds() / unit_seconds
        for d in deals
        if (c := d.clock(clock)) and c.done and c.start
    ]
    return round(median(spans), 1) if spans else None


def grouped(
    deals: Sequence[DealFacts], key: Callable[[DealFacts], str], *, top: int
) -> dict[str, Metrics]:
    groups: dict[str, list[DealFacts]] = {}
    for deal in deals:
        groups.setdefault(key(deal), []).append(deal)
    return {name: metrics(groups[name], top=top) for name in sorted(groups)}
