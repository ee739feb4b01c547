"""The CSMs' verdicts on a group of handoffs (`handoff accept`): accepted, rejected, mean rating, reasons.

Each deal counts once, by its latest review up to --as-of: a rejection the rep has since fixed and the
CSM then accepted is an accepted handoff, and a review recorded after --as-of has not happened yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from handoff_cli.core.vocabulary import Decision, RejectReason
from handoff_cli.model.progress import Review
from handoff_cli.portfolio.facts import DealFacts
from handoff_cli.portfolio.report_document import Reviews

TARGET_RATING = 4.0  # the CSM's rating of the rep's handoff, 1-5, target >= 4 (docs/method.md, metrics)


@dataclass(frozen=True)
class ReviewTally:
    reviewed: int
    accepted: int
    rejected: int
    mean_rating: float | None  # over the latest reviews that carry a rating
    reasons: dict[str, int]  # every reason code -> deals whose latest review rejects for it

    def as_dict(self) -> Reviews:
        return {
            "reviewed": self.reviewed,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "mean_rating": self.mean_rating,
            "target_rating": TARGET_RATING,
            "reasons": self.reasons,
        }


def latest(deal: DealFacts, as_of: datetime) -> Review | None:
    progress = deal.dossier.handoff
    done = [r for r in (progress.reviews or ()) if deal.aware(r.at) <= as_of] if progress else []
    # the last one written wins a tie: it was recorded later
    return max(reversed(done), key=lambda r: deal.aware(r.at)) if done else None


def tally(deals: Sequence[DealFacts], as_of: datetime) -> ReviewTally:
    found = [r for d in deals if (r := latest(d, as_of)) is not None]
    ratings = [r.rating for r in found if r.rating is not None]
    rejected = [r for r in found if r.decision is Decision.REJECTED]
    return ReviewTally(
        reviewed=len(found),
        accepted=sum(r.decision is Decision.ACCEPTED for r in found),
        rejected=len(rejected),
        mean_rating=round(sum(ratings) / len(ratings), 1) if ratings else None,
        reasons={code.value: sum(code in (r.reasons or ()) for r in rejected) for code in RejectReason},
    )
