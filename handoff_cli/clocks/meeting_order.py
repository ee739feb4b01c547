"""The kickoff is booked in the joint transition meeting, so it cannot come before it: the one test of that order,
used by `handoff sla` (a warning on the kickoff clock) and by the documents that date both meetings."""

from __future__ import annotations

from datetime import datetime


def kickoff_too_early(*, joint: datetime | None, kickoff_due: datetime | None, kickoff_done: datetime | None) -> bool:
    """`joint`: when the joint meeting was held, or else when it is due. A kickoff already held is what it is."""
    if joint is None or kickoff_due is None or kickoff_done is not None:
        return False
    return kickoff_due.date() < joint.date()
