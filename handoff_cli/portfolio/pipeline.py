"""Open deals are the pipeline, not failed handoffs: their own section, out of the handoff metrics and rankings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from handoff_cli.model.common import Stage
from handoff_cli.portfolio.facts import DealFacts
from handoff_cli.portfolio.report_document import PipelineDeal

GAPS = 3  # costliest gaps shown per open deal


def in_pipeline(deal: DealFacts) -> bool:
    return deal.deal.effective_stage is Stage.PRE_CLOSE


def pipeline(deals: Sequence[DealFacts], as_of: datetime) -> list[PipelineDeal]:
    """Each open deal: how complete its dossier is, what costs it most, days to its expected close, and CS's part."""
    out: list[PipelineDeal] = []
    for d in deals:
        deal, a = d.deal, d.advice
        today = as_of.astimezone(d.tz).date()
        gaps = sorted(d.lost.items(), key=lambda kv: (-kv[1], kv[0]))[:GAPS]
        out.append({
            "path": d.path, "deal_id": deal.id, "account": deal.account, "segment": deal.segment.value,
            "rep": d.rep, "score": d.score, "gaps": [name for name, _ in gaps],
            "expected_close": deal.expected_close.isoformat() if deal.expected_close else None,
            "days_to_close": (deal.expected_close - today).days if deal.expected_close else None,
            "engage": a.when, "engaged": a.engaged.isoformat() if a.engaged else None, "due_now": a.due_now,
            "advice": a.due_now or a.verdict,
        })  # fmt: skip
    return out
