"""The CSMs' verdicts on a group of handoffs (`handoff accept`): accepted, rejected, mean rating, reasons.

Each deal counts once, by its latest review up to --as-of: a rejection the rep has since fixed and the
CSM then accepted is an accepted handoff, and a review recorded after --as-of has not happened yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from handoff_cli.core.moments import local
from handoff_cli.core.vocabulary import Decision, RejectReason
from handoff_cli.portfolio.report_document import Reviews

if TYPE_CHECKING:
    from handoff_cli.model.progress import Progress, Review
    from handoff_cli.portfolio.facts import DealFacts

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


def latest(progress: Progress | None, tz: tzinfo, as_of: datetime) -> Review | None:
    """The latest review up to `as_of`; naive times are read in `tz`."""
    done = [r for r in (progress.reviews or ()) if local(r.at, tz) <= as_of] if progress else []
    # the last one written wins a tie: it was recorded later
    return max(reversed(done), key=lambda r: local(r.at, tz)) if done else None


def tally(deals: Sequence[DealFacts]) -> ReviewTally:
    found = [d.review for d in deals if d.review is not None]
    ratings = [r.rating for r in found if r.rating is not None]
    rejected = [r for r in found if r.decision is Decision.REJECTED]
    return ReviewTally(
        reviewed=len(found),
        accepted=sum(r.decision is Decision.ACCEPTED for r in found),
        rejected=len(rejected),
        mean_rating=round(sum(ratings) / len(ratings), 1) if ratings else None,
        reasons={code.value: sum(code in (r.reasons or ()) for r in rejected) for code in RejectReason},
    )
