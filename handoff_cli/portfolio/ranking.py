"""Which deals need the CS lead first, and which gaps cost the portfolio most: the report's two rankings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from handoff_cli.portfolio.facts import LATE, DealFacts
from handoff_cli.portfolio.report_document import Ranked


def late_count(deal: DealFacts) -> int:
    return sum(c.status in LATE for c in deal.clocks)


def worst_first(deals: Sequence[DealFacts]) -> list[DealFacts]:
    """Lowest completeness first; among equal scores, the most clocks breached or met late; then by deal id."""
    return sorted(deals, key=lambda d: (d.score, -late_count(d), d.deal.id, d.path))


def points_lost(deals: Sequence[DealFacts]) -> list[tuple[str, int, float]]:
    """(rule, deals missing it, points lost across them), costliest first: the gaps that weigh most on the
    portfolio's completeness, not merely the most frequent ones."""
    lost: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for deal in deals:
        for name, points in deal.lost.items():
            lost[name] += points
            count[name] += 1
    return sorted(((n, count[n], round(lost[n], 2)) for n in lost), key=lambda x: (-x[2], -x[1], x[0]))


def ranked(deal: DealFacts, rank: int) -> Ranked:
    """One row of the worst-first list: the deal, its score, and each late clock with who owns it."""
    d = deal.deal
    return {
        "rank": rank, "path": deal.path, "deal_id": d.id, "account": d.account, "segment": d.segment.value,
        "score": deal.score, "rep": deal.rep, "csm": d.csm.name if d.csm else None,
        "late": [{"clock": c.clock.name, "status": c.status.value, "owner": c.owner.value, "owner_name": c.owner_name,
                  "escalate_to": c.escalate_to}
                 for c in deal.clocks if c.status in LATE],
    }  # fmt: skip
