"""Which dossier fields each document needs, checked before any template runs.

A document never renders with a blank where a name should be: every field a view model relies
on is listed here, and a missing one is reported by its dossier path (one line each, exit 1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from handoff_cli.model import Dossier
from handoff_cli.model.common import Person
from handoff_cli.model.stakeholders import Role, Stakeholder


@dataclass(frozen=True)
class Need:
    field: str                              # as a user finds it in the dossier
    get: Callable[[Dossier], object]

    def met(self, dossier: Dossier) -> bool:
        value = self.get(dossier)
        return value is not None and value != [] and value != ""


def champion(dossier: Dossier) -> Stakeholder | None:
    found = dossier.with_role(Role.CHAMPION)
    return found[0] if found else None


def _person(who: str) -> Callable[[Dossier], Person | None]:
    return lambda d: getattr(d.deal, who)


def _attr(get: Callable[[Dossier], object], name: str) -> Callable[[Dossier], object]:
    return lambda d: getattr(get(d), name, None)


CHAMPION_NAME = Need("stakeholders[role=champion].name", _attr(champion, "name"))
CHAMPION_EMAIL = Need("stakeholders[role=champion].email", _attr(champion, "email"))
REP_NAME = Need("deal.sales_rep.name", _attr(_person("sales_rep"), "name"))
REP_EMAIL = Need("deal.sales_rep.email", _attr(_person("sales_rep"), "email"))
CSM_NAME = Need("deal.csm.name", _attr(_person("csm"), "name"))
CSM_EMAIL = Need("deal.csm.email", _attr(_person("csm"), "email"))
SIGNED_AT = Need("deal.signed_at", lambda d: d.deal.signed_at)
OUTCOMES = Need("goals.outcomes", lambda d: d.goals and d.goals.outcomes)
CRITERIA = Need("goals.success_criteria", lambda d: d.goals and d.goals.success_criteria)
STAKEHOLDERS = Need("stakeholders", lambda d: d.stakeholders)

INTRO = (CHAMPION_NAME, CSM_NAME, REP_NAME, OUTCOMES, CRITERIA)
# a message also needs addresses: From, To and Cc
INTRO_EML = (*INTRO, REP_EMAIL, CHAMPION_EMAIL, CSM_EMAIL)
# milestones are optional: an SMB plan can run on the cadence alone (self-serve playbook)
PLAN = (SIGNED_AT, CSM_NAME, OUTCOMES, CRITERIA)
AGENDA = {
    "internal": (REP_NAME, CSM_NAME, STAKEHOLDERS, OUTCOMES),
    "joint": (CHAMPION_NAME, REP_NAME, CSM_NAME, OUTCOMES),
    "kickoff": (SIGNED_AT, CHAMPION_NAME, CSM_NAME, OUTCOMES, CRITERIA),
}
CALENDAR = (SIGNED_AT,)


def missing(dossier: Dossier, needs: Iterable[Need]) -> list[str]:
    """The fields among `needs` that the dossier leaves empty, in the order listed, each once."""
    return list(dict.fromkeys(n.field for n in needs if not n.met(dossier)))
