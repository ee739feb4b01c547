"""Category 3: business goals and the success criteria that will prove them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from handoff_cli.model.audience import Audience, customer_safe, internal_only
from handoff_cli.model.common import Day, Line, Model, Number, Text, TextList


class CriterionKind(StrEnum):
    ROI = "roi"
    EFFICIENCY = "efficiency"
    REVENUE = "revenue"
    ADOPTION = "adoption"
    QUALITY = "quality"
    OTHER = "other"


class SuccessCriterion(Model):
    metric: Annotated[Line, customer_safe("a success criterion agreed with them")]
    kind: Annotated[CriterionKind | None, customer_safe("a success criterion agreed with them")] = None
    unit: Annotated[Line | None, customer_safe("a success criterion agreed with them")] = Field(
        None, description="e.g. hours, %, USD, active users."
    )
    baseline: Annotated[Number | None, customer_safe("a success criterion agreed with them")] = None
    target: Annotated[Number | None, customer_safe("a success criterion agreed with them")] = None
    by: Annotated[Day | None, customer_safe("a success criterion agreed with them")] = Field(
        None, description="Date by which the target should be reached."
    )
    audience: Annotated[Audience | None, internal_only("a routing mark for documents, not content")] = Field(
        None, description="customer or internal: who may read this item, over its section's default."
    )


class PersonalWins(Model):
    champion: Annotated[Text | None, internal_only("a personal win")] = Field(
        None, description="What makes the champion look good."
    )
    sponsor: Annotated[Text | None, internal_only("a personal win")] = Field(
        None, description="What makes the executive sponsor successful."
    )


class Goals(Model):
    problem: Annotated[Text | None, customer_safe("the problem they bought us to solve")] = Field(
        None, description="The problem the customer bought us to solve."
    )
    outcomes: Annotated[TextList | None, customer_safe("the outcomes they bought")] = None
    timeframe: Annotated[Text | None, customer_safe("their timeframe")] = None
    success_criteria: Annotated[list[SuccessCriterion] | None, customer_safe("how they will measure success")] = None
    personal_wins: Annotated[PersonalWins | None, internal_only("personal wins of the champion and sponsor")] = None
