"""Category 4, commitments and promises: everything sales promised, owned, dated and validated by CS."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_cli.core.vocabulary import DealKind
from handoff_cli.model import Dossier
from handoff_cli.model.commitments import CommitmentKind
from handoff_cli.rules.base import ALL, NOT_SMB, Category, Context, Miss, each, rule, thin, unanswered

C = Category.COMMITMENTS


@rule(
    "HS401",
    "commitments-listed",
    C,
    weight=5,
    required=ALL,
    why="what was sold and promised is the contract CS inherits (promise vs reality); 'what they bought' is on "
    "every segment's checklist",
)
def commitments_listed(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """At least one commitment (what was bought or promised) is listed.

    PASS: commitments: [{what: Zendesk integration, kind: scope}]
    FAIL: commitments: []
    """
    if not d.commitments:
        yield Miss(("commitments",), "no commitment is listed")


@rule(
    "HS402",
    "commitment-owner",
    C,
    weight=4,
    applies=NOT_SMB,
    why="a promise nobody owns is a promise nobody keeps; an SMB purchase is the standard product, which the pooled "
    "CS team delivers",
)
def commitment_owner(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every commitment has an owner.

    PASS: commitments: [{what: SSO setup, kind: scope, owner: Maya Ross}]
    FAIL: commitments: [{what: SSO setup, kind: scope}]
    """
    items = list(each(d.commitments, ("commitments",)))
    if not items:
        yield unanswered(("commitments",), "no commitment is listed")
    for path, item in items:
        if not item.owner:
            yield Miss((*path, "owner"), f"commitment '{item.what}' has no owner", 1 / len(items))


@rule(
    "HS403",
    "commitment-due",
    C,
    weight=3,
    applies=NOT_SMB,
    why="an undated promise turns into 'we expected it last week'; an SMB purchase is live at payment",
)
def commitment_due(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every commitment other than a commercial term has a due date.

    PASS: commitments: [{what: SSO setup, kind: scope, due: 2027-01-15}]
    FAIL: commitments: [{what: SSO setup, kind: scope}]
    """
    if not d.commitments:
        yield unanswered(("commitments",), "no commitment is listed")
    items = [(p, c) for p, c in each(d.commitments, ("commitments",)) if c.kind is not CommitmentKind.COMMERCIAL]
    for path, item in items:
        if item.due is None:
            yield Miss((*path, "due"), f"commitment '{item.what}' has no due date", 1 / len(items))


@rule(
    "HS404",
    "commitments-validated",
    C,
    weight=6,
    required=NOT_SMB,
    applies=NOT_SMB,
    why="CS must confirm each promise is deliverable before close (promise vs reality); for SMB only soft or custom "
    "promises need it (soft-promise-validated), the standard product needs no check",
)
def commitments_validated(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every commitment has cs_validated: true.

    PASS: commitments: [{what: SSO setup, kind: scope, cs_validated: true}]
    FAIL: commitments: [{what: SSO setup, kind: scope, cs_validated: false}]
    """
    items = list(each(d.commitments, ("commitments",)))
    if not items:
        yield unanswered(("commitments",), "no commitment is listed")
    for path, item in items:
        if not item.cs_validated:
            yield Miss((*path, "cs_validated"), f"commitment '{item.what}' is not validated by CS", 1 / len(items))


@rule(
    "HS405",
    "service-level-stated",
    C,
    weight=2,
    applies=NOT_SMB,
    why="the support tier and implementation help promised decide the CSM's workload; SMB gets the standard tier",
)
def service_level_stated(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """At least one commitment of kind service states the support or implementation level.

    PASS: commitments: [{what: "Premium support, 4 h response", kind: service}]
    FAIL: commitments: [{what: SSO setup, kind: scope}]
    """
    if not any(c.kind is CommitmentKind.SERVICE for c in d.commitments or ()):
        yield Miss(("commitments",), "no commitment of kind service (support tier, implementation help, training)")


@rule(
    "HS406",
    "commitment-provenance",
    C,
    weight=3,
    applies=NOT_SMB,
    why="where a promise was made and how firmly decides whether CS must honour or renegotiate it; an SMB order form "
    "is the whole contract",
)
def commitment_provenance(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every commitment records its source (contract, email, call, verbal …) and certainty (signed, agreed, discussed).

    PASS: commitments: [{what: SSO setup, kind: scope, source: contract, certainty: signed}]
    FAIL: commitments: [{what: SSO setup, kind: scope, source: call}]
    """
    items = list(each(d.commitments, ("commitments",)))
    if not items:
        yield unanswered(("commitments",), "no commitment is listed")
    for path, item in items:
        if item.source is None or item.certainty is None:
            missing = " and ".join(k for k, v in (("source", item.source), ("certainty", item.certainty)) if v is None)
            yield Miss(path, f"commitment '{item.what}' has no {missing}", 1 / len(items))


@rule(
    "HS407",
    "soft-promise-validated",
    C,
    weight=4,
    required=ALL,
    why="verbal, merely discussed or custom promises are where 'sales promised X' comes from (promise vs reality); "
    "every segment, since one such promise is enough to sour a small customer too",
)
def soft_promise_validated(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A verbal, merely discussed or custom commitment is validated by CS before the deal is closed-won.

    PASS: commitments: [{what: Custom report, kind: verbal, certainty: discussed, cs_validated: true}]
    FAIL: commitments: [{what: Custom report, kind: scope, custom: true, cs_validated: false}]
    """
    if not d.commitments:
        yield unanswered(("commitments",), "no commitment is listed")
    soft = [(p, c) for p, c in each(d.commitments, ("commitments",)) if c.soft]
    for path, item in soft:
        if not item.cs_validated:
            yield Miss((*path, "cs_validated"), f"soft promise '{item.what}' is not validated by CS", 1 / len(soft))


@rule(
    "HS408",
    "expansion-scope",
    C,
    weight=4,
    required=ALL,
    kinds=frozenset({DealKind.EXPANSION}),
    why="an expansion keeps the account's CSM, who already knows the customer; what they must learn is what the "
    "customer is adding, or the new scope is onboarded as the old one",
)
def expansion_scope(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """An expansion states the new scope it adds: products, seats, teams or business units.

    PASS: deal: {kind: expansion, scope: "Relay Growth for the 35 leasing agents, and the Yardi connector"}
    FAIL: deal: {kind: expansion}
    """
    if not d.deal.scope:
        yield Miss(("deal", "scope"), "an expansion's new scope is not stated (deal.scope: what the customer adds)")
    yield from thin(ctx, ("deal", "scope"), d.deal.scope)


@rule(
    "HS409",
    "renewal-terms",
    C,
    weight=4,
    required=ALL,
    kinds=frozenset({DealKind.RENEWAL}),
    why="CS owns the renewed account; the new term's length, price and what changed from the last one are the "
    "commercial commitments it now delivers against",
)
def renewal_terms(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A renewal states its terms: the new term's length, price, and what changed from the last one.

    PASS: deal: {kind: renewal, terms: "24 months from 2027-01-01, price held, 50 more seats"}
    FAIL: deal: {kind: renewal}
    """
    if not d.deal.terms:
        yield Miss(("deal", "terms"), "a renewal's terms are not stated (deal.terms: length, price, what changed)")
    yield from thin(ctx, ("deal", "terms"), d.deal.terms)


RULES = (
    commitments_listed,
    commitment_owner,
    commitment_due,
    commitments_validated,
    service_level_stated,
    commitment_provenance,
    soft_promise_validated,
    expansion_scope,
    renewal_terms,
)
