"""The report's change control: per sales rep, the commitments changed in commits after signature (git)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from handoff_cli.core.moments import aware
from handoff_cli.gate.change_control import changes_of
from handoff_cli.portfolio.facts import DealFacts
from handoff_cli.portfolio.report_document import Change, ChangeControl
from handoff_cli.repo.git_walk import top_of


def change_section(deals: Sequence[DealFacts], as_of: datetime) -> ChangeControl | None:
    """By the deal's rep, in name order; a rep with no change after signature is left out. Commits after
    --as-of have not happened yet. One git walk for every deal (gate/change_control.changes_of). None when no
    deal is in a git work tree: there is no history to tell from."""
    if not any(top_of(Path(d.path)) for d in deals):
        return None
    signed = {Path(d.path): aware(d.deal.signed_at, d.tz) for d in deals if d.deal.signed_at}
    found = changes_of(signed, until=as_of)
    by_rep: dict[str, list[Change]] = {}
    for deal in deals:
        for c in found.get(Path(deal.path), ()):
            by_rep.setdefault(deal.rep, []).append({
                "deal_id": deal.deal.id, "commitment": c.what, "change": c.change, "commit": c.commit,
                "author": c.author, "date": c.date,
            })  # fmt: skip
    return {"by_rep": {rep: by_rep[rep] for rep in sorted(by_rep)}}
