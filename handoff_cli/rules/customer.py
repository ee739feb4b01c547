"""Category 1, customer background and context: who they are, what drives them, how they bought."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_cli.model import Dossier
from handoff_cli.rules.base import LARGE, NOT_SMB, Category, Context, Miss, rule, thin

C = Category.CUSTOMER


@rule(
    "HS101",
    "industry-known",
    C,
    weight=2,
    why="onboarding examples and benchmarks depend on the industry; part of 'who they are', asked of every segment",
)
def industry_known(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The customer's industry is stated.

    PASS: customer: {company: {industry: Logistics}}
    FAIL: customer: {company: {employees: 1200}}
    """
    if not (d.customer and d.customer.company and d.customer.company.industry):
        yield Miss(("customer", "company", "industry"), "customer.company.industry is not filled in")


@rule(
    "HS102",
    "company-size",
    C,
    weight=2,
    why="size sets the onboarding motion and the number of users to train; asked of every segment",
)
def company_size(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The company's size is known: employees or revenue.

    PASS: customer: {company: {employees: 1200}}
    FAIL: customer: {company: {industry: Logistics}}
    """
    company = d.customer.company if d.customer else None
    if not (company and (company.employees is not None or company.revenue)):
        yield Miss(("customer", "company", "employees"), "neither customer.company.employees nor revenue is given")


@rule(
    "HS103",
    "business-model",
    C,
    weight=1,
    applies=LARGE,
    why="the CSM must know how the customer makes money to speak about value to executives; asked where executive "
    "reviews are the playbook (enterprise, strategic)",
)
def business_model(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The customer's business model is described.

    PASS: customer: {company: {business_model: B2B subscriptions to retailers}}
    FAIL: customer: {company: {industry: Retail}}
    """
    if not (d.customer and d.customer.company and d.customer.company.business_model):
        yield Miss(("customer", "company", "business_model"), "customer.company.business_model is not filled in")


@rule(
    "HS104",
    "challenges-listed",
    C,
    weight=3,
    applies=NOT_SMB,
    required=NOT_SMB,
    why="the CSM opens with the customer's problems, not a generic pitch (context-free CS); for SMB, whose welcome is "
    "automated, goals.problem says it",
)
def challenges_listed(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """At least one current business challenge is listed.

    PASS: customer: {strategy: {challenges: [Ticket backlog doubles every peak season]}}
    FAIL: customer: {strategy: {challenges: []}}
    """
    if not (d.customer and d.customer.strategy and d.customer.strategy.challenges):
        yield Miss(("customer", "strategy", "challenges"), "no current challenge in customer.strategy.challenges")


@rule(
    "HS105",
    "priorities-listed",
    C,
    weight=2,
    applies=NOT_SMB,
    why="success plans are ranked by the customer's own priorities; an SMB onboarding has no plan to rank",
)
def priorities_listed(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The customer's current priorities are listed.

    PASS: customer: {strategy: {priorities: [Cut support cost per order]}}
    FAIL: customer: {strategy: {challenges: [Backlog]}}
    """
    if not (d.customer and d.customer.strategy and d.customer.strategy.priorities):
        yield Miss(("customer", "strategy", "priorities"), "customer.strategy.priorities is empty")


@rule(
    "HS106",
    "existing-vendors",
    C,
    weight=1,
    applies=NOT_SMB,
    why="tools already in place shape integration work and hide competing renewals; for SMB technical.integrations "
    "carries what matters",
)
def existing_vendors(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Existing tools and vendors are listed (an empty list says: none).

    PASS: customer: {strategy: {existing_vendors: [Zendesk, Salesforce]}}
    FAIL: customer: {strategy: {priorities: [Growth]}}
    """
    if d.customer is None or d.customer.strategy is None or d.customer.strategy.existing_vendors is None:
        yield Miss(("customer", "strategy", "existing_vendors"), "customer.strategy.existing_vendors is not answered")


@rule(
    "HS107",
    "purchase-source",
    C,
    weight=1,
    applies=NOT_SMB,
    why="referral, inbound and outbound customers start with different trust; SMB purchases are mostly self-serve, "
    "so the source gives CS nothing to act on",
)
def purchase_source(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """How the customer found us is recorded.

    PASS: customer: {purchase: {source: referral}}
    FAIL: customer: {purchase: {why_us: Price}}
    """
    if not (d.customer and d.customer.purchase and d.customer.purchase.source):
        yield Miss(("customer", "purchase", "source"), "customer.purchase.source is not set")


@rule(
    "HS108",
    "why-us",
    C,
    weight=3,
    applies=NOT_SMB,
    required=NOT_SMB,
    why="the reason they chose us is the promise the CSM must keep; an SMB buyer's reason is the product itself, "
    "which the welcome sequence covers",
)
def why_us(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Why the customer chose us is written down.

    PASS: customer: {purchase: {why_us: Only vendor with native SAP connector}}
    FAIL: customer: {purchase: {source: inbound}}
    """
    text = d.customer.purchase.why_us if d.customer and d.customer.purchase else None
    if not text:
        yield Miss(("customer", "purchase", "why_us"), "customer.purchase.why_us is not filled in")
    yield from thin(ctx, ("customer", "purchase", "why_us"), text)


@rule(
    "HS109",
    "why-now",
    C,
    weight=3,
    applies=NOT_SMB,
    why="the trigger for buying sets the urgency of the first weeks; an SMB onboarding is short whatever the trigger",
)
def why_now(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """What triggered the evaluation is written down.

    PASS: customer: {purchase: {why_now: Peak season starts in March}}
    FAIL: customer: {purchase: {why_us: Price}}
    """
    text = d.customer.purchase.why_now if d.customer and d.customer.purchase else None
    if not text:
        yield Miss(("customer", "purchase", "why_now"), "customer.purchase.why_now is not filled in")
    yield from thin(ctx, ("customer", "purchase", "why_now"), text)


@rule(
    "HS110",
    "alternatives-evaluated",
    C,
    weight=2,
    applies=NOT_SMB,
    why="the alternatives they rejected are what they will compare us with at renewal; a self-serve SMB purchase "
    "has no evaluation to record",
)
def alternatives_evaluated(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The alternatives evaluated are listed (an empty list says: none).

    PASS: customer: {purchase: {alternatives: [Freshdesk, build in-house]}}
    FAIL: customer: {purchase: {why_us: Price}}
    """
    if d.customer is None or d.customer.purchase is None or d.customer.purchase.alternatives is None:
        yield Miss(("customer", "purchase", "alternatives"), "customer.purchase.alternatives is not answered")


RULES = (
    industry_known,
    company_size,
    business_model,
    challenges_listed,
    priorities_listed,
    existing_vendors,
    purchase_source,
    why_us,
    why_now,
    alternatives_evaluated,
)
