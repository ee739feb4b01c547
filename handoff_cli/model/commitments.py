"""Category 4: what sales promised, each promise an item someone owns."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

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
    what: Text
    kind: CommitmentKind
    owner: Line | None = Field(None, description="Who delivers it: a name or email from the dossier.")
    due: Day | None = None
    cs_validated: Flag = Field(False, description="CS has read this promise and can deliver it.")
    source: Source | None = Field(None, description="Where the promise was made.")
    certainty: Certainty | None = None
    custom: bool = Field(
        False, description="A customisation, roadmap item or workaround beyond the standard product CS must check."
    )
    notes: Text | None = None
    status: ItemStatus | None = Field(None, description="Where it stands; none means open. `handoff mark` writes it.")
    status_at: StatusAt = None
    status_by: StatusBy = None
    previous_due: PreviousDue = None

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
