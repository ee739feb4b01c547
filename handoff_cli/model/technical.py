"""Category 5: the customer's systems, integrations, security and what was validated."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from handoff_cli.model.audience import Audience, customer_safe, internal_only
from handoff_cli.model.common import Email, Flag, Line, Model, Text, TextList


class Integration(Model):
    system: Annotated[Line, customer_safe("their system")]
    purpose: Annotated[Text | None, customer_safe("what the integration is for")] = None
    notes: Annotated[Text | None, internal_only("internal notes")] = None
    audience: Annotated[Audience | None, internal_only("a routing mark for documents, not content")] = Field(
        None, description="customer or internal: who may read this item, over its section's default."
    )


class DataMigration(Model):
    needed: Annotated[Flag, customer_safe("part of the plan")]
    source: Annotated[Text | None, customer_safe("their data")] = None
    volume: Annotated[Text | None, customer_safe("their data")] = None
    notes: Annotated[Text | None, internal_only("internal notes")] = None


class ReviewStatus(StrEnum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    PASSED = "passed"
    FAILED = "failed"
    NOT_REQUIRED = "not-required"


class Security(Model):
    review_status: Annotated[ReviewStatus | None, customer_safe("their own review")] = None
    compliance: Annotated[TextList | None, customer_safe("their standards")] = Field(
        None, description="Standards the customer holds us to: SOC 2, GDPR, HIPAA…"
    )
    requirements: Annotated[TextList | None, customer_safe("their requirements")] = None


class ContactRole(StrEnum):
    IT_LEAD = "it-lead"
    SECURITY = "security"
    INTEGRATION_DEVELOPER = "integration-developer"
    ADMIN = "admin"
    DATA = "data"


class TechnicalContact(Model):
    name: Annotated[Line, customer_safe("a person on their side")]
    role: Annotated[ContactRole, customer_safe("the part they play")]
    email: Annotated[Email | None, customer_safe("their own address")] = None
    audience: Annotated[Audience | None, internal_only("a routing mark for documents, not content")] = Field(
        None, description="customer or internal: who may read this item, over its section's default."
    )


class Validation(Model):
    proof_of_concept: Annotated[Text | None, internal_only("how the sale was proven")] = None
    objections_resolved: Annotated[TextList | None, internal_only("objections from the sale")] = None
    open_questions: Annotated[TextList | None, customer_safe("questions to settle with them")] = None


class Technical(Model):
    stack: Annotated[TextList | None, customer_safe("their systems")] = Field(
        None, description="Existing systems the product must live beside."
    )
    integrations: Annotated[list[Integration] | None, customer_safe("their systems")] = Field(
        None, description="An empty list means: none needed."
    )
    data_migration: Annotated[DataMigration | None, customer_safe("part of the plan")] = None
    security: Annotated[Security | None, customer_safe("their requirements")] = None
    contacts: Annotated[list[TechnicalContact] | None, customer_safe("people on their side")] = None
    validation: Annotated[Validation | None, customer_safe("its own fields decide")] = None
