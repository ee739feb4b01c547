"""Category 7, risk factors and concerns: objections and how they were handled, risks, competition."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_cli.model import Dossier
from handoff_cli.model.common import Level
from handoff_cli.rules.base import LARGE, MID, NOT_SMB, Category, Context, Miss, each, rule, thin, unanswered

C = Category.RISKS


@rule(
    "HS701",
    "risks-assessed",
    C,
    weight=4,
    applies=NOT_SMB,
    required=LARGE,
    why="a risk register started at handoff is how CS avoids being surprised; [] says none were found; the SMB "
    "checklist leaves risks out, usage-triggered touchpoints catch them",
)
def risks_assessed(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The risk register is filled in; an empty list says no risk was found.

    PASS: risks: {register: [{risk: Champion leaves in Q1, severity: high, mitigation: Second sponsor}]}
    FAIL: risks: {objections: []}
    """
    if d.risks is None or d.risks.entries is None:
        yield Miss(("risks", "register"), "risks.register is not answered (use [] for none)")


@rule(
    "HS702",
    "risk-mitigation",
    C,
    weight=3,
    applies=NOT_SMB,
    why="a risk without a mitigation is only a worry; not asked of SMB, whose checklist leaves risks out",
)
def risk_mitigation(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every risk has a mitigation.

    PASS: risks: {register: [{risk: Budget cut, severity: medium, mitigation: ROI review at day 60}]}
    FAIL: risks: {register: [{risk: Budget cut, severity: medium}]}
    """
    items = list(each(d.risks.entries if d.risks else None, ("risks", "register")))
    if d.risks is None or d.risks.entries is None:
        yield unanswered(("risks", "register"), "risks.register is not answered (use [] for none)")
    for path, item in items:
        if not item.mitigation:
            yield Miss((*path, "mitigation"), f"risk '{item.risk}' has no mitigation", 1 / len(items))
        yield from thin(ctx, (*path, "mitigation"), item.mitigation, 1 / len(items))


@rule(
    "HS703",
    "high-risk-owner",
    C,
    weight=3,
    applies=NOT_SMB,
    why="high and critical risks need one person who watches them; not asked of SMB, whose checklist leaves risks out",
)
def high_risk_owner(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every high or critical risk has an owner.

    PASS: risks: {register: [{risk: Budget cut, severity: high, owner: Maya Ross}]}
    FAIL: risks: {register: [{risk: Budget cut, severity: high}]}
    """
    if d.risks is None or d.risks.entries is None:
        yield unanswered(("risks", "register"), "risks.register is not answered (use [] for none)")
    grave = [
        (p, r)
        for p, r in each(d.risks.entries if d.risks else None, ("risks", "register"))
        if r.severity in (Level.HIGH, Level.CRITICAL)
    ]
    for path, item in grave:
        if not item.owner:
            yield Miss((*path, "owner"), f"{item.severity.value} risk '{item.risk}' has no owner", 1 / len(grave))


@rule(
    "HS704",
    "objections-recorded",
    C,
    weight=2,
    applies=NOT_SMB,
    why="objections raised in the sale come back in onboarding; [] says there were none; a self-serve SMB purchase "
    "has no sales conversation to record",
)
def objections_recorded(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Objections raised during the sale are recorded; an empty list says there were none.

    PASS: risks: {objections: [{objection: Too expensive, kind: price, handled: ROI model}]}
    FAIL: risks: {register: []}
    """
    if d.risks is None or d.risks.objections is None:
        yield Miss(("risks", "objections"), "risks.objections is not answered (use [] for none)")


@rule(
    "HS705",
    "objections-handled",
    C,
    weight=3,
    applies=NOT_SMB,
    why="CS must know the argument or commitment that answered each objection; not asked of SMB, like the objections",
)
def objections_handled(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every objection says how it was handled.

    PASS: risks: {objections: [{objection: Too expensive, handled: ROI model signed off by CFO}]}
    FAIL: risks: {objections: [{objection: Too expensive}]}
    """
    items = list(each(d.risks.objections if d.risks else None, ("risks", "objections")))
    if d.risks is None or d.risks.objections is None:
        yield unanswered(("risks", "objections"), "risks.objections is not answered (use [] for none)")
    for path, item in items:
        if not item.handled:
            yield Miss(
                (*path, "handled"), f"objection '{item.objection}' does not say how it was handled", 1 / len(items)
            )
        yield from thin(ctx, (*path, "handled"), item.handled, 1 / len(items))


@rule(
    "HS706",
    "competition-known",
    C,
    weight=2,
    applies=NOT_SMB,
    weights={MID: 1},
    why="whom we beat and why is what the customer will re-check at renewal; mid-market renewals are less contested, "
    "so it weighs less there",
)
def competition_known(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The competitive context (whom we beat or our differentiators) is recorded.

    PASS: risks: {competition: {beaten: [Freshdesk], differentiators: [Native SAP connector]}}
    FAIL: risks: {register: []}
    """
    comp = d.risks.competition if d.risks else None
    if not (comp and (comp.beaten or comp.differentiators)):
        yield Miss(("risks", "competition"), "risks.competition names neither whom we beat nor differentiators")


@rule(
    "HS707",
    "red-flags-reviewed",
    C,
    weight=1,
    applies=NOT_SMB,
    why="churn indicators seen in the sale (unrealistic expectations, poor fit) must reach CS; [] says none; SMB "
    "churn shows in usage, which the SMB playbook watches",
)
def red_flags_reviewed(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Churn indicators are listed; an empty list says none were seen.

    PASS: risks: {red_flags: []}
    FAIL: risks: {register: []}
    """
    if d.risks is None or d.risks.red_flags is None:
        yield Miss(("risks", "red_flags"), "risks.red_flags is not answered (use [] for none)")


RULES = (
    risks_assessed,
    risk_mitigation,
    high_risk_owner,
    objections_recorded,
    objections_handled,
    competition_known,
    red_flags_reviewed,
)
