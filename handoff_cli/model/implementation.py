"""Category 6: timeline, milestones, training and what the customer puts in."""

from __future__ import annotations

from pydantic import Field

from handoff_cli.model.common import Day, Flag, Line, Model, Text, TextList
from handoff_cli.model.tracking import ItemStatus, PreviousDue, StatusAt, StatusBy


class Milestone(Model):
    name: Line
    due: Day | None = None
    exit_criteria: Text | None = None
    owner: Line | None = Field(None, description="Who delivers it: a name or email from the dossier.")
    status: ItemStatus | None = Field(None, description="Where it stands; none means open. `handoff mark` writes it.")
    status_at: StatusAt = None
    status_by: StatusBy = None
    previous_due: PreviousDue = None

    @property
    def state(self) -> ItemStatus:
        return self.status or ItemStatus.OPEN

    @property
    def title(self) -> str:
        return self.name


class Training(Model):
    audience: Line
    date: Day | None = None
    format: Line | None = None


class CustomerResource(Model):
    name: Line
    role: Line | None = None
    time_commitment: Text | None = None
    decision_authority: Flag = False


class Implementation(Model):
    start: Day | None = None
    go_live: Day | None = Field(None, description="The go-live date promised to the customer.")
    went_live: Day | None = Field(None, description="The day it actually went live; the report compares the two.")
    milestones: list[Milestone] | None = None
    training: list[Training] | None = None
    customer_resources: list[CustomerResource] | None = None
    dependencies: TextList | None = Field(None, description="Approvals and third parties; an empty list means none.")
    constraints: TextList | None = Field(
        None, description="Quarter close, seasonality, fiscal year-end, launch or compliance dates; empty means none."
    )
