"""The handoff dossier: the deal, the seven information categories, and the handoff's progress."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

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

    schema_version: Annotated[int, Field(alias="schema", description="Dossier format version; currently 1.")]
    deal: Deal
    customer: Customer | None = None
    stakeholders: list[Stakeholder] | None = None
    goals: Goals | None = None
    commitments: list[Commitment] | None = None
    technical: Technical | None = None
    implementation: Implementation | None = None
    risks: Risks | None = None
    handoff: Progress | None = Field(None, description="Events and checklist; `handoff log` writes here.")

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
