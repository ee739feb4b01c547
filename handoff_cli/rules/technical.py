"""Category 5, technical requirements: systems, integrations, migration, security, and who to talk to."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_cli.model import Dossier
from handoff_cli.rules.base import BUILT, LARGE, MID, NOT_SMB, SMB, Category, Context, Miss, rule

C = Category.TECHNICAL


@rule(
    "HS501",
    "stack-known",
    C,
    weight=3,
    why="the CSM plans setup around the systems already running; a system named as an integration is part of the "
    "stack, so an SMB deal that names its POS or shop answers this",
)
def stack_known(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The customer's existing systems are listed, in technical.stack or as the systems integrations connect.

    PASS: technical: {integrations: [{system: Square POS, purpose: sales into the dashboard}]}
    FAIL: technical: {integrations: []}
    """
    if not (d.technical and (d.technical.stack or d.technical.integrations)):
        yield Miss(("technical", "stack"), "technical.stack is empty")


@rule(
    "HS502",
    "integrations-answered",
    C,
    weight=3,
    weights={SMB: 5},
    why="integrations are the most common source of implementation delay; for SMB they are the technical needs, so "
    "they weigh more there",
)
def integrations_answered(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Integrations are listed; an empty list says none are needed.

    PASS: technical: {integrations: [{system: Salesforce, purpose: account sync}]}
    FAIL: technical: {stack: [Salesforce]}
    """
    if d.technical is None or d.technical.integrations is None:
        yield Miss(("technical", "integrations"), "technical.integrations is not answered (use [] for none)")


@rule(
    "HS503",
    "migration-assessed",
    C,
    weight=2,
    applies=NOT_SMB,
    kinds=BUILT,
    why="an unplanned data migration moves go-live by weeks; SMB customers start afresh in the product",
)
def migration_assessed(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Whether data must be migrated is recorded.

    PASS: technical: {data_migration: {needed: false}}
    FAIL: technical: {stack: [Zendesk]}
    """
    if not (d.technical and d.technical.data_migration):
        yield Miss(("technical", "data_migration"), "technical.data_migration is not assessed")


@rule(
    "HS504",
    "security-review-status",
    C,
    weight=3,
    applies=NOT_SMB,
    required=LARGE,
    why="a security review still open after close blocks go-live; enterprise and strategic buyers always run one, "
    "mid-market ones sometimes, SMB ones accept standard terms",
)
def security_review_status(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The security review's status is recorded.

    PASS: technical: {security: {review_status: passed}}
    FAIL: technical: {security: {compliance: [SOC 2]}}
    """
    if not (d.technical and d.technical.security and d.technical.security.review_status):
        yield Miss(("technical", "security", "review_status"), "technical.security.review_status is not set")


@rule(
    "HS505",
    "technical-contact",
    C,
    weight=3,
    applies=NOT_SMB,
    why="setup stalls without a named IT or integration contact; an SMB customer sets up the product themselves",
)
def technical_contact(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """At least one technical contact is named.

    PASS: technical: {contacts: [{name: Li Wei, role: it-lead}]}
    FAIL: technical: {stack: [Okta]}
    """
    if not (d.technical and d.technical.contacts):
        yield Miss(("technical", "contacts"), "technical.contacts is empty")


@rule(
    "HS506",
    "validation-recorded",
    C,
    weight=2,
    applies=NOT_SMB,
    weights={MID: 1},
    why="proof-of-concept results and open questions keep CS from re-litigating the evaluation; mid-market "
    "evaluations are shorter, so it weighs less there, and an SMB trial speaks for itself",
)
def validation_recorded(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """What was validated during the sale (proof of concept, resolved objections or open questions) is recorded.

    PASS: technical: {validation: {proof_of_concept: "2-week pilot with 30 agents: passed"}}
    FAIL: technical: {stack: [Okta]}
    """
    v = d.technical.validation if d.technical else None
    if not (v and (v.proof_of_concept or v.objections_resolved or v.open_questions is not None)):
        yield Miss(("technical", "validation"), "technical.validation records no proof of concept or questions")


RULES = (
    stack_known,
    integrations_answered,
    migration_assessed,
    security_review_status,
    technical_contact,
    validation_recorded,
)
