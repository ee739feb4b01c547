"""The handoff dossier: the deal, the seven information categories, and the handoff's progress."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from handoff_cli.model.audience import customer_safe, internal_only
from handoff_cli.model.commitments import Commitment
from handoff_cli.model.common import Model
from handoff_cli.model.customer import Customer
from handoff_cli.model.deal import Deal
from handoff_cli.model.goals import Goals
from handoff_cli.model.implementation import Implementation
from handoff_cli.model.progress import Progress
from handoff_cli.model.risks import Risks
from handoff_cli.model.stakeholders import Role, Stakeholder
from handoff_cli.model.technical import Technical

SCHEMA_VERSION = 1


class Dossier(Model):
    """One deal's handoff dossier (`schema: 1`)."""

    schema_version: Annotated[
        Annotated[int, Field(alias="schema", description="Dossier format version; currently 1.")],
        customer_safe("the file format's version, no content"),
    ]
    deal: Annotated[Deal, customer_safe("the deal's header; its own fields decide")]
    customer: Annotated[Customer | None, customer_safe("their background; its own fields decide")] = None
    stakeholders: Annotated[list[Stakeholder] | None, customer_safe("the people on their side; each field decides")] = (
        None
    )
    goals: Annotated[Goals | None, customer_safe("what they bought us for")] = None
    commitments: Annotated[
        list[Commitment] | None, customer_safe("what was sold; a commitment reaches them once CS validated it")
    ] = None
    technical: Annotated[Technical | None, customer_safe("their systems; its own fields decide")] = None
    implementation: Annotated[Implementation | None, customer_safe("the plan agreed with them")] = None
    risks: Annotated[
        Risks | None, internal_only("objections, risks, red flags and competition are our own read of the deal")
    ] = None
    handoff: Annotated[
        Progress | None, customer_safe("when the meetings happened; notes, checklist, waivers and reviews are internal")
    ] = Field(None, description="Events and checklist; `handoff log` writes here.")

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(
                f"unsupported dossier schema {value}; this version of handoff reads schema {SCHEMA_VERSION}"
            )
        return value

    def with_role(self, role: Role) -> list[Stakeholder]:
        return [s for s in self.stakeholders or () if s.role == role]


__all__ = ["SCHEMA_VERSION", "Dossier"]
