"""Rates with a 95 % Wilson score interval, so a small portfolio is not over-read (docs/outcomes.md)."""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt
from statistics import NormalDist

from handoff_cli.portfolio.report_document import RateFigures

CONFIDENCE = 0.95
MIN_DEALS = 10  # fewer deals with a known outcome in a band: too few to tell
_Z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)  # two-sided: 1.96 for 95 %


@dataclass(frozen=True)
class Rate:
    hits: int
    of: int
    percent: float | None
    low: float | None  # the interval's ends, in percent
    high: float | None

    def as_dict(self) -> RateFigures:
        return {"count": self.hits, "of": self.of, "percent": self.percent, "low": self.low, "high": self.high}


def rate(hits: int, of: int) -> Rate:
    """hits of `of` as a percentage with its Wilson interval; no interval without deals."""
    if of == 0:
        return Rate(hits, of, None, None, None)
    p, z2 = hits / of, _Z * _Z
    centre = (p + z2 / (2 * of)) / (1 + z2 / of)
    margin = _Z * sqrt(p * (1 - p) / of + z2 / (4 * of * of)) / (1 + z2 / of)
    return Rate(hits, of, round(100 * p, 1), round(100 * max(0.0, centre - margin), 1),
                round(100 * min(1.0, centre + margin), 1))  # fmt: skip


def compare(what: str, great: Rate, poor: Rate, *, great_name: str, poor_name: str) -> str:
    """One plain sentence on whether `what` differs between the best and the worst handoffs."""
    if great.of < MIN_DEALS or poor.of < MIN_DEALS:
        return (
            f"too few deals to tell: {great.of} with handoffs {great_name} and {poor.of} with handoffs {poor_name} "
            f"have a known outcome; at least {MIN_DEALS} in each are needed"
        )
    assert great.low is not None and great.high is not None and poor.low is not None and poor.high is not None
    figures = f"{great.percent:g}% with handoffs {great_name} against {poor.percent:g}% with handoffs {poor_name}"
    if great.high < poor.low:
        return f"{what} is lower after great handoffs: {figures}, and the 95% intervals do not overlap"
    if poor.high < great.low:
        return f"{what} is higher after great handoffs: {figures}, and the 95% intervals do not overlap"
    return f"no clear difference in {what} yet: {figures}, but the 95% intervals overlap"
