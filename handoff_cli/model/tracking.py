"""Where a promise or plan stands: open until someone marks it done, dropped or renegotiated (`handoff mark`).

Commitments, milestones and checklist items share ItemStatus; a risk has its own life (mitigated, occurred,
closed). Every key is optional, so a dossier written before statuses existed reads as all open.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from handoff_cli.model.common import Day, Line, Moment


class ItemStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
    RENEGOTIATED = "renegotiated"  # still to deliver, by the new due date; previous_due holds the old one


class RiskStatus(StrEnum):
    OPEN = "open"
    MITIGATED = "mitigated"
    OCCURRED = "occurred"
    CLOSED = "closed"


# still owed: an item in these states counts as overdue once its due date has passed
OWED = frozenset({ItemStatus.OPEN, ItemStatus.RENEGOTIATED})

StatusAt = Annotated[Moment | None, Field(description="When the status last changed; `handoff mark` writes it.")]
StatusBy = Annotated[Line | None, Field(description="Who changed the status.")]
PreviousDue = Annotated[Day | None, Field(description="For a renegotiation: the due date it replaced.")]
