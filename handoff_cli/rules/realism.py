"""Promises measured against what a segment's onboarding usually takes: a go-live sooner than that is a warning."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_cli.model import Dossier
from handoff_cli.rules.base import BUILT, Category, Context, Miss, rule


@rule(
    "HS810",
    "go-live-realistic",
    Category.CONSISTENCY,
    weight=0,
    kinds=BUILT,
    why='"live in 4 weeks" where onboarding takes 8 to 10 weeks is the promise CS cannot keep; go_live_weeks in '
    "handoff.toml holds each segment's usual range",
)
def go_live_realistic(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The promised go-live is no sooner than the segment's usual time to go-live (mid-market: 6-10 weeks).

    PASS: implementation: {start: 2026-12-01, go_live: 2027-02-01}
    FAIL: implementation: {start: 2026-12-01, go_live: 2026-12-29}
    """
    impl = d.implementation
    if impl is None or impl.go_live is None:
        return
    signed = ctx.aware(d.deal.signed_at).astimezone(ctx.tz).date() if d.deal.signed_at else None
    start, since = (impl.start, "the start") if impl.start else (signed, "signature")
    if start is None or impl.go_live < start:
        return  # no date to count from, or dates out of order (dates-in-order says so)
    low, high = ctx.go_live_weeks[d.deal.segment]
    weeks = (impl.go_live - start).days / 7
    if weeks < low:
        yield Miss(("implementation", "go_live"),
                   f"go_live {impl.go_live} is {weeks:.3g} weeks after {since} ({start}); {d.deal.segment.value} "
                   f"onboarding usually takes {low:g}-{high:g} weeks")  # fmt: skip


RULES = (go_live_realistic,)
