"""Category 6: timeline, milestones, training and what the customer puts in."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from handoff_cli.model.audience import Audience, customer_safe, internal_only
from handoff_cli.model.common import Day, Flag, Line, Model, Text, TextList
from handoff_cli.model.tracking import ItemStatus, PreviousDue, StatusAt, StatusBy


class Milestone(Model):
    name: Annotated[Line, customer_safe("a milestone agreed with them")]
    due: Annotated[Day | None, customer_safe("a milestone agreed with them")] = None
    exit_criteria: Annotated[Text | None, customer_safe("a milestone agreed with them")] = None
    owner: Annotated[Line | None, internal_only("our staffing")] = Field(
        None, description="Who delivers it: a name or email from the dossier."
    )
    status: Annotated[ItemStatus | None, customer_safe("where a milestone agreed with them stands")] = Field(
        None, description="Where it stands; none means open. `handoff mark` writes it."
    )
    status_at: Annotated[StatusAt, internal_only("our own record of when it changed")] = None
    status_by: Annotated[StatusBy, internal_only("who on our side changed it")] = None
    previous_due: Annotated[PreviousDue, internal_only("our record of a renegotiation")] = None
    audience: Annotated[Audience | None, internal_only("a routing mark for documents, not content")] = Field(
        None, description="customer or internal: who may read this item, over its section's default."
    )

    @property
    def state(self) -> ItemStatus:
        return self.status or ItemStatus.OPEN

    @property
    def title(self) -> str:
        return self.name


class Training(Model):
    audience: Annotated[Line, customer_safe("who on their side is trained")]
    date: Annotated[Day | None, customer_safe("when")] = None
    format: Annotated[Line | None, customer_safe("how")] = None


class CustomerResource(Model):
    name: Annotated[Line, customer_safe("a person on their side")]
    role: Annotated[Line | None, customer_safe("the part they agreed to play")] = None
    time_commitment: Annotated[Text | None, customer_safe("the time they agreed to give")] = None
    decision_authority: Annotated[Flag, internal_only("our read of who decides")] = False
    audience: Annotated[Audience | None, internal_only("a routing mark for documents, not content")] = Field(
        None, description="customer or internal: who may read this item, over its section's default."
    )


class Implementation(Model):
    start: Annotated[Day | None, customer_safe("the agreed plan")] = None
    go_live: Annotated[Day | None, customer_safe("the agreed plan")] = Field(
        None, description="The go-live date promised to the customer."
    )
    went_live: Annotated[Day | None, internal_only("our delivery record, compared with the promise")] = Field(
        None, description="The day it actually went live (`handoff log DEAL went_live`); the report compares the two."
    )
    milestones: Annotated[list[Milestone] | None, customer_safe("the agreed plan")] = None
    training: Annotated[list[Training] | None, customer_safe("the agreed plan")] = None
    customer_resources: Annotated[list[CustomerResource] | None, customer_safe("what they agreed to put in")] = None
    dependencies: Annotated[TextList | None, customer_safe("approvals and third parties the plan waits on")] = Field(
        None, description="Approvals and third parties; an empty list means none."
    )
    constraints: Annotated[TextList | None, customer_safe("their dates the plan must respect")] = Field(
        None, description="Quarter close, seasonality, fiscal year-end, launch or compliance dates; empty means none."
    )
