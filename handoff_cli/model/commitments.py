"""Category 4: what sales promised, each promise an item someone owns."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from handoff_cli.model.audience import Audience, customer_safe, internal_only
from handoff_cli.model.common import Day, Flag, Line, Model, Text
from handoff_cli.model.tracking import ItemStatus, PreviousDue, StatusAt, StatusBy


class CommitmentKind(StrEnum):
    SCOPE = "scope"
    SERVICE = "service"
    TIMELINE = "timeline"
    COMMERCIAL = "commercial"
    VERBAL = "verbal"


class Source(StrEnum):
    CONTRACT = "contract"
    ORDER_FORM = "order-form"
    EMAIL = "email"
    CALL = "call"
    MEETING = "meeting"
    VERBAL = "verbal"


class Certainty(StrEnum):
    SIGNED = "signed"
    AGREED = "agreed"
    DISCUSSED = "discussed"


class Commitment(Model):
    what: Annotated[
        Text, customer_safe("agreed scope once CS validated it; before that, an unvalidated promise (internal)")
    ]
    kind: Annotated[CommitmentKind, customer_safe("the kind of agreed scope")]
    owner: Annotated[Line | None, internal_only("our staffing")] = Field(
        None, description="Who delivers it: a name or email from the dossier."
    )
    due: Annotated[Day | None, customer_safe("when agreed scope is due")] = None
    cs_validated: Annotated[Flag, internal_only("our own check")] = Field(
        False, description="CS has read this promise and can deliver it."
    )
    source: Annotated[Source | None, internal_only("where sales made the promise")] = Field(
        None, description="Where the promise was made."
    )
    certainty: Annotated[Certainty | None, internal_only("how firm sales thinks it is")] = None
    custom: Annotated[bool, internal_only("our assessment of the work")] = Field(
        False, description="A customisation, roadmap item or workaround beyond the standard product CS must check."
    )
    notes: Annotated[Text | None, internal_only("internal notes")] = None
    audience: Annotated[Audience | None, internal_only("a routing mark for documents, not content")] = Field(
        None, description="customer or internal: who may read this item, over its section's default."
    )
    status: Annotated[ItemStatus | None, customer_safe("where agreed scope stands")] = Field(
        None, description="Where it stands; none means open. `handoff mark` writes it."
    )
    status_at: Annotated[StatusAt, internal_only("our own record of when it changed")] = None
    status_by: Annotated[StatusBy, internal_only("who on our side changed it")] = None
    previous_due: Annotated[PreviousDue, internal_only("our record of a renegotiation")] = None

    @property
    def state(self) -> ItemStatus:
        return self.status or ItemStatus.OPEN

    @property
    def title(self) -> str:
        return self.what

    @property
    def soft(self) -> bool:
        """A promise CS must validate before it can count on it: verbal, only discussed, or custom work."""
        weak = (
            self.kind is CommitmentKind.VERBAL or self.source is Source.VERBAL or self.certainty is Certainty.DISCUSSED
        )
        return weak or self.custom
