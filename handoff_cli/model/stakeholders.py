"""Category 2: the people on the customer's side and what each of them needs."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

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
    name: Line = Field(description="A person, or for end users the group (e.g. 'Support agents (40)').")
    role: Role
    title: Line | None = None
    email: Email | None = None
    goals: TextList | None = None
    involvement: Level | None = Field(None, description="Expected involvement in onboarding.")
    channel: Channel | None = Field(None, description="Preferred way to be contacted.")
    # role-specific context; which ones matter depends on `role`
    why_they_advocate: Text | None = Field(None, description="Champion: why they pushed for us.")
    political_capital: Text | None = Field(None, description="Champion: what they spent to get this bought.")
    success_criteria: Text | None = Field(None, description="What makes this person look good.")
    budget: Text | None = Field(None, description="Economic buyer: budget control and constraints.")
    roi_expectations: Text | None = None
    requirements: TextList | None = Field(None, description="Technical evaluator: integration and security priorities.")
    current_process: Text | None = Field(None, description="End users: how they work today.")
    pains: TextList | None = None
    adoption_risk: Level | None = None
    concerns: TextList | None = Field(None, description="Influencers and blockers: what still worries them.")
    how_to_engage: Text | None = None
