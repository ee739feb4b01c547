"""Category 3: business goals and the success criteria that will prove them."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from handoff_cli.model.common import Day, Line, Model, Number, Text, TextList


class CriterionKind(StrEnum):
    ROI = "roi"
    EFFICIENCY = "efficiency"
    REVENUE = "revenue"
    ADOPTION = "adoption"
    QUALITY = "quality"
    OTHER = "other"


class SuccessCriterion(Model):
    metric: Line
    kind: CriterionKind | None = None
    unit: Line | None = Field(None, description="e.g. hours, %, USD, active users.")
    baseline: Number | None = None
    target: Number | None = None
    by: Day | None = Field(None, description="Date by which the target should be reached.")


class PersonalWins(Model):
    champion: Text | None = Field(None, description="What makes the champion look good.")
    sponsor: Text | None = Field(None, description="What makes the executive sponsor successful.")


class Goals(Model):
    problem: Text | None = Field(None, description="The problem the customer bought us to solve.")
    outcomes: TextList | None = None
    timeframe: Text | None = None
    success_criteria: list[SuccessCriterion] | None = None
    personal_wins: PersonalWins | None = None
