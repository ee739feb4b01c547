"""Category 5: the customer's systems, integrations, security and what was validated."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from handoff_cli.model.common import Email, Flag, Line, Model, Text, TextList


class Integration(Model):
    system: Line
    purpose: Text | None = None
    notes: Text | None = None


class DataMigration(Model):
    needed: Flag
    source: Text | None = None
    volume: Text | None = None
    notes: Text | None = None


class ReviewStatus(StrEnum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    PASSED = "passed"
    FAILED = "failed"
    NOT_REQUIRED = "not-required"


class Security(Model):
    review_status: ReviewStatus | None = None
    compliance: TextList | None = Field(None, description="Standards the customer holds us to: SOC 2, GDPR, HIPAA…")
    requirements: TextList | None = None


class ContactRole(StrEnum):
    IT_LEAD = "it-lead"
    SECURITY = "security"
    INTEGRATION_DEVELOPER = "integration-developer"
    ADMIN = "admin"
    DATA = "data"


class TechnicalContact(Model):
    name: Line
    role: ContactRole
    email: Email | None = None


class Validation(Model):
    proof_of_concept: Text | None = None
    objections_resolved: TextList | None = None
    open_questions: TextList | None = None


class Technical(Model):
    stack: TextList | None = Field(None, description="Existing systems the product must live beside.")
    integrations: list[Integration] | None = Field(None, description="An empty list means: none needed.")
    data_migration: DataMigration | None = None
    security: Security | None = None
    contacts: list[TechnicalContact] | None = None
    validation: Validation | None = None
