"""Category 2, decision stakeholders: who matters on the customer's side and what each of them needs."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_cli.model import Dossier
from handoff_cli.model.stakeholders import Role
from handoff_cli.rules.base import ALL, LARGE, NOT_SMB, Category, Context, Miss, each, rule, thin, unanswered

C = Category.STAKEHOLDERS
_KEY_ROLES = {Role.EXECUTIVE_SPONSOR, Role.CHAMPION, Role.ECONOMIC_BUYER}


def _role_missing(d: Dossier, role: Role) -> Iterator[Miss]:
    if not d.with_role(role):
        yield Miss(("stakeholders",), f"no stakeholder has role {role.value}")


@rule(
    "HS201",
    "champion-named",
    C,
    weight=10,
    required=ALL,
    why="the intro email goes to the champion, who carries the project inside the customer; even a self-serve SMB "
    "customer has the one person the welcome goes to",
)
def champion_named(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A stakeholder has the role champion.

    PASS: stakeholders: [{name: Dana Levi, role: champion}]
    FAIL: stakeholders: [{name: Dana Levi, role: end-user}]
    """
    yield from _role_missing(d, Role.CHAMPION)


@rule(
    "HS202",
    "economic-buyer-named",
    C,
    weight=6,
    applies=NOT_SMB,
    required=NOT_SMB,
    why="the economic buyer decides the renewal and holds the ROI expectations; in an SMB deal the buyer is usually "
    "the champion",
)
def economic_buyer_named(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A stakeholder has the role economic-buyer.

    PASS: stakeholders: [{name: Omar Haddad, role: economic-buyer}]
    FAIL: stakeholders: [{name: Dana Levi, role: champion}]
    """
    yield from _role_missing(d, Role.ECONOMIC_BUYER)


@rule(
    "HS203",
    "executive-sponsor-named",
    C,
    weight=5,
    applies=NOT_SMB,
    required=LARGE,
    why="enterprise and strategic onboarding needs an executive who clears the way; a mid-market one benefits, an SMB "
    "one has no layers to clear",
)
def executive_sponsor_named(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A stakeholder has the role executive-sponsor.

    PASS: stakeholders: [{name: Ruth Cohen, role: executive-sponsor}]
    FAIL: stakeholders: [{name: Dana Levi, role: champion}]
    """
    yield from _role_missing(d, Role.EXECUTIVE_SPONSOR)


@rule(
    "HS204",
    "technical-evaluator-named",
    C,
    weight=4,
    applies=NOT_SMB,
    why="integration and security questions need a named counterpart on day one; SMB integrations are self-serve",
)
def technical_evaluator_named(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """A stakeholder has the role technical-evaluator.

    PASS: stakeholders: [{name: Li Wei, role: technical-evaluator}]
    FAIL: stakeholders: [{name: Dana Levi, role: champion}]
    """
    yield from _role_missing(d, Role.TECHNICAL_EVALUATOR)


@rule(
    "HS205",
    "end-users-described",
    C,
    weight=3,
    applies=NOT_SMB,
    why="adoption fails with the end users, so their current process and pains must be known; SMB users are reached "
    "by the product's own tutorials",
)
def end_users_described(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """End users are listed with their pains or current process.

    PASS: stakeholders: [{name: Support agents (40), role: end-user, pains: [Copy-paste between tools]}]
    FAIL: stakeholders: [{name: Support agents (40), role: end-user}]
    """
    users = d.with_role(Role.END_USER)
    if not users:
        yield Miss(("stakeholders",), "no stakeholder has role end-user")
    elif not any(u.pains or u.current_process for u in users):
        yield Miss(("stakeholders",), "end users have neither pains nor current_process described")


@rule(
    "HS206",
    "stakeholder-contact",
    C,
    weight=3,
    why="the CSM must be able to reach each person without asking the rep; an SMB welcome sequence needs the "
    "address too",
)
def stakeholder_contact(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every named stakeholder other than end-user groups has an email.

    PASS: stakeholders: [{name: Dana Levi, role: champion, email: dana@acme.example}]
    FAIL: stakeholders: [{name: Dana Levi, role: champion}]
    """
    people = [(p, s) for p, s in each(d.stakeholders, ("stakeholders",)) if s.role is not Role.END_USER]
    if not people:
        yield unanswered(("stakeholders",), "no stakeholder other than end users is named")
    for path, person in people:
        if not person.email:
            yield Miss((*path, "email"), f"{person.name} has no email", 1 / len(people))


@rule(
    "HS207",
    "stakeholder-goals",
    C,
    weight=3,
    applies=NOT_SMB,
    why="each decision maker judges the project by their own goals; for SMB the deal's goals.outcomes are the buyer's",
)
def stakeholder_goals(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Sponsor, champion and economic buyer each have their goals listed.

    PASS: stakeholders: [{name: Dana Levi, role: champion, goals: [Halve first-response time]}]
    FAIL: stakeholders: [{name: Dana Levi, role: champion}]
    """
    key = [(p, s) for p, s in each(d.stakeholders, ("stakeholders",)) if s.role in _KEY_ROLES]
    if not key:
        yield unanswered(("stakeholders",), "no sponsor, champion or economic buyer is named")
    for path, person in key:
        if not person.goals:
            yield Miss((*path, "goals"), f"{person.name} ({person.role.value}) has no goals listed", 1 / len(key))


@rule(
    "HS208",
    "champion-motivation",
    C,
    weight=2,
    applies=LARGE,
    why="knowing why the champion advocated, and what they risked, tells the CSM how to make them look good; the "
    "politics of enterprise and strategic deals, not of a standard onboarding",
)
def champion_motivation(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """The champion's reason to advocate (why_they_advocate or success_criteria) is recorded.

    PASS: stakeholders: [{name: Dana Levi, role: champion, why_they_advocate: Owns the CSAT target}]
    FAIL: stakeholders: [{name: Dana Levi, role: champion}]
    """
    if not d.with_role(Role.CHAMPION):
        yield unanswered(("stakeholders",), "no stakeholder has role champion")
    for index, person in enumerate(d.stakeholders or ()):
        if person.role is not Role.CHAMPION:
            continue
        if not (person.why_they_advocate or person.success_criteria):
            yield Miss(("stakeholders", index, "why_they_advocate"), f"why {person.name} advocated is not recorded")
        yield from thin(ctx, ("stakeholders", index, "why_they_advocate"), person.why_they_advocate)


@rule(
    "HS209",
    "blockers-engagement",
    C,
    weight=2,
    applies=NOT_SMB,
    why="influencers and blockers derail onboarding unless someone knows how to engage them; an SMB purchase "
    "rarely has any",
)
def blockers_engagement(d: Dossier, ctx: Context) -> Iterator[Miss]:
    """Every influencer or blocker has concerns and how_to_engage recorded.

    PASS: stakeholders: [{name: Sam Roe, role: blocker, concerns: [Data residency], how_to_engage: Share DPA early}]
    FAIL: stakeholders: [{name: Sam Roe, role: blocker, concerns: [Data residency]}]
    """
    if not d.stakeholders:
        yield unanswered(("stakeholders",), "no stakeholder is listed")
    for index, person in enumerate(d.stakeholders or ()):
        if person.role not in (Role.INFLUENCER, Role.BLOCKER):
            continue
        lacking = [k for k, v in (("concerns", person.concerns), ("how_to_engage", person.how_to_engage)) if not v]
        if lacking:
            where = ("stakeholders", index, lacking[0]) if len(lacking) == 1 else ("stakeholders", index)
            yield Miss(where, f"{person.name} ({person.role.value}) lacks {' and '.join(lacking)}")


RULES = (
    champion_named,
    economic_buyer_named,
    executive_sponsor_named,
    technical_evaluator_named,
    end_users_described,
    stakeholder_contact,
    stakeholder_goals,
    champion_motivation,
    blockers_engagement,
)
