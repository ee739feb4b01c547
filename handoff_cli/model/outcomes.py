"""What became of the customer after the handoff: their survey rating, health checks, renewal, churn, expansion.

`handoff log DEAL customer_survey|health|renewed|churned|expanded` writes these under `handoff.outcomes`;
`handoff report` ties them to the completeness of the dossier at signature (docs/outcomes.md).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from handoff_cli.core.surveys import SURVEY_DAYS
from handoff_cli.model.audience import internal_only
from handoff_cli.model.common import Model, Moment, Number, Text


class OutcomeKind(StrEnum):
    CUSTOMER_SURVEY = "customer_survey"
    HEALTH = "health"
    RENEWED = "renewed"
    CHURNED = "churned"
    EXPANDED = "expanded"


class Health(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"




def survey_point(signed: datetime, at: datetime) -> int:
    """The survey a rating answers: the day (30 or 90) nearest to when it was given."""
    days = (at - signed).total_seconds() / 86400
    return min(SURVEY_DAYS, key=lambda day: abs(days - day))


# the one kind of outcome each detail belongs to: a survey has a rating, a health check a value
DETAIL_OF = {"rating": OutcomeKind.CUSTOMER_SURVEY, "value": OutcomeKind.HEALTH, "amount": OutcomeKind.EXPANDED}
REQUIRED = frozenset({"rating", "value"})  # an expansion's amount may be unknown


class Outcome(Model):
    outcome: Annotated[OutcomeKind, internal_only("our record of their results")]
    at: Annotated[Moment, internal_only("our record of their results")] = Field(
        description="When it happened; without an offset it is read in the deal's time zone."
    )
    rating: Annotated[Annotated[int, Field(ge=1, le=5)] | None, internal_only("our record of their results")] = Field(
        None, validate_default=True, description="customer_survey: the customer's rating of the handoff, 1-5."
    )
    value: Annotated[Health | None, internal_only("our health score")] = Field(
        None, validate_default=True, description="health: green, yellow or red."
    )
    amount: Annotated[Annotated[Number, Field(ge=0)] | None, internal_only("commercial")] = Field(
        None, validate_default=True, description="expanded: the added annual value, in the deal's currency."
    )
    by: Annotated[Text | None, internal_only("our record of their results")] = None
    note: Annotated[Text | None, internal_only("internal notes")] = None

    @field_validator("rating", "value", "amount")
    @classmethod
    def _belongs_to_kind(cls, value: Any, info: ValidationInfo) -> Any:
        kind, name = info.data.get("outcome"), str(info.field_name)
        if kind is None:
            return value  # the kind itself is wrong: that is the error to show
        owner = DETAIL_OF[name]
        if value is None and kind is owner and name in REQUIRED:
            # reported like any missing key: "'rating' is required in handoff.outcomes[0]"
            raise PydanticCustomError("missing", "Field required")
        if value is not None and kind is not owner:
            raise ValueError(f"only a {owner.value} outcome has a {name}, not {kind.value}")
        return value
