"""Category 7: objections, risks, churn indicators, competition and special considerations."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from handoff_cli.model.common import Flag, Level, Line, Model, Text, TextList
from handoff_cli.model.tracking import RiskStatus, StatusAt, StatusBy


class ObjectionKind(StrEnum):
    CAPABILITY = "capability"
    COMPETITOR = "competitor"
    PRICE = "price"
    COMPLEXITY = "complexity"
    OTHER = "other"


class Objection(Model):
    objection: Text
    kind: ObjectionKind | None = None
    handled: Text | None = Field(None, description="The argument, evidence or commitment that answered it.")
    open: Flag = Field(False, description="Still unresolved at close.")


class RiskKind(StrEnum):
    POLITICAL = "political"
    ORGANISATIONAL = "organisational"
    BUDGET = "budget"
    TECHNICAL = "technical"
    ADOPTION = "adoption"
    CHURN = "churn"
    OTHER = "other"


class Risk(Model):
    risk: Text
    kind: RiskKind | None = None
    severity: Level
    mitigation: Text | None = None
    owner: Line | None = None
    status: RiskStatus | None = Field(None, description="Where it stands; none means open. `handoff mark` writes it.")
    status_at: StatusAt = None
    status_by: StatusBy = None

    @property
    def state(self) -> RiskStatus:
        return self.status or RiskStatus.OPEN

    @property
    def title(self) -> str:
        return self.risk


class Competition(Model):
    beaten: TextList | None = Field(None, description="Whom we won against.")
    differentiators: TextList | None = None
    doubts: TextList | None = Field(None, description="Lingering doubts about the choice.")


class Risks(Model):
    objections: list[Objection] | None = None
    entries: list[Risk] | None = Field(
        None, alias="register", description="The risk register; an empty list means no risk was found."
    )
    red_flags: TextList | None = Field(None, description="Churn indicators; an empty list means none seen.")
    competition: Competition | None = None
    special_considerations: TextList | None = None
