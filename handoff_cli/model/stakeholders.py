"""Category 2: the people on the customer's side and what each of them needs."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from handoff_cli.model.audience import customer_safe, internal_only
from handoff_cli.model.common import Email, Level, Line, Model, Text, TextList


class Role(StrEnum):
    EXECUTIVE_SPONSOR = "executive-sponsor"
    CHAMPION = "champion"
    ECONOMIC_BUYER = "economic-buyer"
    TECHNICAL_EVALUATOR = "technical-evaluator"
    END_USER = "end-user"
    INFLUENCER = "influencer"
    BLOCKER = "blocker"


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    VIDEO = "video"
    CHAT = "chat"
    IN_PERSON = "in-person"


class Stakeholder(Model):
    name: Annotated[Line, customer_safe("a person on their side")] = Field(
        description="A person, or for end users the group (e.g. 'Support agents (40)')."
    )
    role: Annotated[
        Role,
        internal_only(
            "our assessment (blocker, influencer, economic buyer); the roles they agreed to take (champion, executive"
            " sponsor, technical evaluator, end user) are shown to them"
        ),
    ]
    title: Annotated[Line | None, customer_safe("their own job title")] = None
    email: Annotated[Email | None, customer_safe("their own address")] = None
    goals: Annotated[TextList | None, customer_safe("what they want from the project, as they said it")] = None
    involvement: Annotated[Level | None, internal_only("our expectation of their effort")] = Field(
        None, description="Expected involvement in onboarding."
    )
    channel: Annotated[Channel | None, customer_safe("how they like to be reached")] = Field(
        None, description="Preferred way to be contacted."
    )
    # role-specific context; which ones matter depends on `role`
    why_they_advocate: Annotated[Text | None, internal_only("the champion's motives")] = Field(
        None, description="Champion: why they pushed for us."
    )
    political_capital: Annotated[Text | None, internal_only("internal politics")] = Field(
        None, description="Champion: what they spent to get this bought."
    )
    success_criteria: Annotated[Text | None, internal_only("a personal win")] = Field(
        None, description="What makes this person look good."
    )
    budget: Annotated[Text | None, internal_only("the economic buyer's constraints")] = Field(
        None, description="Economic buyer: budget control and constraints."
    )
    roi_expectations: Annotated[Text | None, internal_only("expectations to manage, not to quote")] = None
    requirements: Annotated[TextList | None, customer_safe("their stated technical priorities")] = Field(
        None, description="Technical evaluator: integration and security priorities."
    )
    current_process: Annotated[Text | None, customer_safe("how their users work today")] = Field(
        None, description="End users: how they work today."
    )
    pains: Annotated[TextList | None, internal_only("our notes on their pains")] = None
    adoption_risk: Annotated[Level | None, internal_only("a risk")] = None
    concerns: Annotated[TextList | None, internal_only("what worries an influencer or blocker")] = Field(
        None, description="Influencers and blockers: what still worries them."
    )
    how_to_engage: Annotated[Text | None, internal_only("our tactics")] = None
