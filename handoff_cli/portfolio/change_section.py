"""The report's change control: per sales rep, the commitments changed in commits after signature (git)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from handoff_cli.gate.change_control import changes
from handoff_cli.portfolio.facts import DealFacts
from handoff_cli.portfolio.report_document import Change, ChangeControl


def change_section(deals: Sequence[DealFacts], as_of: datetime) -> ChangeControl:
    """By the deal's rep, in name order; a rep with no change after signature is left out. Commits after
    --as-of have not happened yet."""
    by_rep: dict[str, list[Change]] = {}
    for deal in deals:
        for c in changes(Path(deal.path), deal.dossier.deal.signed_at, deal.tz, until=as_of):
            by_rep.setdefault(deal.rep, []).append({
                "deal_id": deal.dossier.deal.id, "commitment": c.what, "change": c.change, "commit": c.commit,
                "author": c.author, "date": c.date,
            })  # fmt: skip
    return {"by_rep": {rep: by_rep[rep] for rep in sorted(by_rep)}}
