"""The handoff's own record: what happened when, and the checklist, read by the SLA clocks."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import EmailStr, Field

from handoff_cli.core.vocabulary import Decision, RejectReason
from handoff_cli.model.common import Day, Flag, Line, Model, Moment, Text
from handoff_cli.model.outcomes import Outcome
from handoff_cli.model.tracking import ItemStatus, PreviousDue, StatusAt, StatusBy

__all__ = ["Decision", "RejectReason"]  # re-exported beside the Review that uses them


class EventName(StrEnum):
    INTERNAL_MEETING = "internal_meeting"
    INTRO_EMAIL = "intro_email"
    FIRST_CONTACT = "first_contact"
    JOINT_MEETING = "joint_meeting"
    KICKOFF = "kickoff"
    FIRST_VALUE = "first_value"
    QBR_SCHEDULED = "qbr_scheduled"
    QBR = "qbr"
    REP_CHECK_IN = "rep_check_in"


class Event(Model):
    event: EventName
    at: Moment = Field(description="When it happened; without an offset it is read in the deal's time zone.")
    by: Line | None = None
    note: Line | None = None


class ChecklistItem(Model):
    item: Line
    done: Flag = False
    due: Day | None = None
    owner: Line | None = None
    status: ItemStatus | None = Field(None, description="Where it stands; none means open. `handoff mark` writes it.")
    status_at: StatusAt = None
    status_by: StatusBy = None
    previous_due: PreviousDue = None

    @property
    def state(self) -> ItemStatus:
        """`done: true` without a status, as dossiers wrote it before statuses, is done."""
        return self.status or (ItemStatus.DONE if self.done else ItemStatus.OPEN)

    @property
    def title(self) -> str:
        return self.item


class Waiver(Model):
    """A known gap accepted on purpose: the rule stops counting until `expires`."""

    rule: Line = Field(description="Rule code or name, e.g. HS202 or economic-buyer-named.")
    reason: Text
    approved_by: Line
    expires: Day


class Review(Model):
    """The CSM's acceptance or rejection of the handoff, with their 1-5 rating of it."""

    decision: Decision
    by: EmailStr
    at: Moment
    rating: Annotated[int, Field(ge=1, le=5)] | None = None
    reasons: list[RejectReason] | None = None
    note: Line | None = None


class Progress(Model):
    events: list[Event] | None = None
    checklist: list[ChecklistItem] | None = None
    waivers: list[Waiver] | None = None
    reviews: list[Review] | None = Field(None, description="`handoff accept` writes here.")
    outcomes: list[Outcome] | None = Field(None, description="The customer's results; `handoff log` writes here.")

    def first(self, name: EventName) -> Event | None:
        """The earliest logged occurrence of an event, whatever the order in the file."""
        found = [e for e in self.events or () if e.event == name]
        return min(found, key=lambda e: e.at) if found else None
