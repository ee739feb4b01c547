"""The handoff's own record: what happened when, and the checklist, read by the SLA clocks."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from handoff_cli.core.vocabulary import Decision, RejectReason
from handoff_cli.model.audience import customer_safe, internal_only
from handoff_cli.model.common import Day, Email, Flag, Line, Model, Moment, Text
from handoff_cli.model.outcomes import Outcome
from handoff_cli.model.tracking import ItemStatus, PreviousDue, StatusAt, StatusBy

__all__ = ["Decision", "RejectReason"]  # re-exported beside the Review that uses them


class EventName(StrEnum):
    # before signature: CS meets the customer while the sale is still open
    CS_JOINED_SALE = "cs_joined_sale"
    FINALIST_PRESENTATION = "finalist_presentation"
    CLOSING_CALL = "closing_call"
    SOW_REVIEW = "sow_review"
    PRE_CLOSE_HANDOFF = "pre_close_handoff"
    # from signature on
    INTERNAL_MEETING = "internal_meeting"
    INTRO_EMAIL = "intro_email"
    FIRST_CONTACT = "first_contact"
    JOINT_MEETING = "joint_meeting"
    KICKOFF = "kickoff"
    FIRST_VALUE = "first_value"
    QBR_SCHEDULED = "qbr_scheduled"
    QBR = "qbr"
    CHECK_IN = "check_in"  # the CSM's
    REP_CHECK_IN = "rep_check_in"  # the sales rep's


# the steps of the sale CS takes part in: they belong before signature, and are CS involvement
PRE_CLOSE_EVENTS = frozenset(
    {
        EventName.CS_JOINED_SALE,
        EventName.FINALIST_PRESENTATION,
        EventName.CLOSING_CALL,
        EventName.SOW_REVIEW,
        EventName.PRE_CLOSE_HANDOFF,
    }
)
# CS in touch with the customer after signature: what keeps the onboarding's momentum
CS_CONTACT = frozenset(
    {
        EventName.FIRST_CONTACT,
        EventName.JOINT_MEETING,
        EventName.KICKOFF,
        EventName.CHECK_IN,
        EventName.FIRST_VALUE,
        EventName.QBR_SCHEDULED,
        EventName.QBR,
    }
)
# happen again and again: a second one is not a mistake
RECURRING_EVENTS = frozenset({EventName.CHECK_IN, EventName.REP_CHECK_IN, EventName.QBR})


class Event(Model):
    event: Annotated[EventName, customer_safe("a meeting or step that happened")]
    at: Annotated[Moment, customer_safe("when it happened")] = Field(
        description="When it happened; without an offset it is read in the deal's time zone."
    )
    by: Annotated[Line | None, internal_only("who logged it")] = None
    note: Annotated[Line | None, internal_only("internal notes")] = None


class ChecklistItem(Model):
    item: Annotated[Line, internal_only("our checklist")]
    done: Annotated[Flag, internal_only("our checklist")] = False
    due: Annotated[Day | None, internal_only("our checklist")] = None
    owner: Annotated[Line | None, internal_only("our checklist")] = None
    status: Annotated[ItemStatus | None, internal_only("our checklist")] = Field(
        None, description="Where it stands; none means open. `handoff mark` writes it."
    )
    status_at: Annotated[StatusAt, internal_only("our checklist")] = None
    status_by: Annotated[StatusBy, internal_only("our checklist")] = None
    previous_due: Annotated[PreviousDue, internal_only("our checklist")] = None

    @property
    def state(self) -> ItemStatus:
        """`done: true` without a status, as dossiers wrote it before statuses, is done."""
        return self.status or (ItemStatus.DONE if self.done else ItemStatus.OPEN)

    @property
    def title(self) -> str:
        return self.item


class Waiver(Model):
    """A known gap accepted on purpose: the rule stops counting until `expires`."""

    rule: Annotated[Line, internal_only("a gap accepted in our process")] = Field(
        description="Rule code or name, e.g. HS202 or economic-buyer-named; or a clock, e.g. intro_email, which then "
        "does not run for the deal."
    )
    reason: Annotated[Text, internal_only("a gap accepted in our process")]
    approved_by: Annotated[Line, internal_only("a gap accepted in our process")]
    expires: Annotated[Day, internal_only("a gap accepted in our process")]


class Review(Model):
    """The CSM's acceptance or rejection of the handoff, with their 1-5 rating of it."""

    decision: Annotated[Decision, internal_only("the CSM's review of the handoff")]
    by: Annotated[Email, internal_only("the CSM's review of the handoff")]
    at: Annotated[Moment, internal_only("the CSM's review of the handoff")]
    rating: Annotated[Annotated[int, Field(ge=1, le=5)] | None, internal_only("the CSM's rating of the rep")] = None
    reasons: Annotated[list[RejectReason] | None, internal_only("the CSM's review of the handoff")] = None
    note: Annotated[Line | None, internal_only("the CSM's review of the handoff")] = None


class Progress(Model):
    events: Annotated[list[Event] | None, customer_safe("when the meetings happened; notes stay internal")] = None
    checklist: Annotated[list[ChecklistItem] | None, internal_only("our checklist")] = None
    waivers: Annotated[list[Waiver] | None, internal_only("our process")] = None
    reviews: Annotated[list[Review] | None, internal_only("the CSM's review of the handoff")] = Field(
        None, description="`handoff accept` writes here."
    )
    outcomes: Annotated[list[Outcome] | None, internal_only("our record of their results")] = Field(
        None, description="The customer's results; `handoff log` writes here."
    )

    def first(self, name: EventName) -> Event | None:
        """The earliest logged occurrence of an event, whatever the order in the file."""
        found = [e for e in self.events or () if e.event == name]
        return min(found, key=lambda e: e.at) if found else None
