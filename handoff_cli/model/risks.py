"""Category 7: objections, risks, churn indicators, competition and special considerations."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from handoff_cli.model.audience import Audience, internal_only
from handoff_cli.model.common import Flag, Level, Line, Model, Text, TextList
from handoff_cli.model.tracking import RiskStatus, StatusAt, StatusBy


class ObjectionKind(StrEnum):
    CAPABILITY = "capability"
    COMPETITOR = "competitor"
    PRICE = "price"
    COMPLEXITY = "complexity"
    OTHER = "other"


class Objection(Model):
    objection: Annotated[Text, internal_only("an objection from the sale")]
    kind: Annotated[ObjectionKind | None, internal_only("an objection from the sale")] = None
    handled: Annotated[Text | None, internal_only("how sales answered it")] = Field(
        None, description="The argument, evidence or commitment that answered it."
    )
    open: Annotated[Flag, internal_only("our assessment")] = Field(False, description="Still unresolved at close.")
    audience: Annotated[Audience | None, internal_only("a routing mark for documents, not content")] = Field(
        None, description="customer or internal: who may read this item, over its section's default."
    )


class RiskKind(StrEnum):
    POLITICAL = "political"
    ORGANISATIONAL = "organisational"
    BUDGET = "budget"
    TECHNICAL = "technical"
    ADOPTION = "adoption"
    CHURN = "churn"
    OTHER = "other"


class Risk(Model):
    risk: Annotated[Text, internal_only("a risk in our register")]
    kind: Annotated[RiskKind | None, internal_only("a risk in our register")] = None
    severity: Annotated[Level, internal_only("our assessment")]
    mitigation: Annotated[Text | None, internal_only("our plan against it")] = None
    owner: Annotated[Line | None, internal_only("our staffing")] = None
    status: Annotated[RiskStatus | None, internal_only("a risk in our register")] = Field(
        None, description="Where it stands; none means open. `handoff mark` writes it."
    )
    status_at: Annotated[StatusAt, internal_only("a risk in our register")] = None
    status_by: Annotated[StatusBy, internal_only("a risk in our register")] = None
    audience: Annotated[Audience | None, internal_only("a routing mark for documents, not content")] = Field(
        None, description="customer or internal: who may read this item, over its section's default."
    )

    @property
    def state(self) -> RiskStatus:
        return self.status or RiskStatus.OPEN

    @property
    def title(self) -> str:
        return self.risk


class Competition(Model):
    beaten: Annotated[TextList | None, internal_only("competitors")] = Field(None, description="Whom we won against.")
    differentiators: Annotated[TextList | None, internal_only("our positioning")] = None
    doubts: Annotated[TextList | None, internal_only("their doubts, as sales heard them")] = Field(
        None, description="Lingering doubts about the choice."
    )


class Risks(Model):
    objections: Annotated[list[Objection] | None, internal_only("objections and how they were handled")] = None
    entries: Annotated[list[Risk] | None, internal_only("the risk register")] = Field(
        None, alias="register", description="The risk register; an empty list means no risk was found."
    )
    red_flags: Annotated[TextList | None, internal_only("churn indicators")] = Field(
        None, description="Churn indicators; an empty list means none seen."
    )
    competition: Annotated[Competition | None, internal_only("competitors")] = None
    special_considerations: Annotated[TextList | None, internal_only("sensitive politics, executive visibility")] = None
