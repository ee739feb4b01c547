"""What someone owes a deal besides its clocks: a look back at the handoff after the customer rated it low, and a
day-30 or day-90 customer survey not logged within its grace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from handoff_cli.core.moments import local
from handoff_cli.core.sla_settings import Owner
from handoff_cli.core.surveys import SURVEY_DAYS, SURVEY_GRACE_DAYS, SURVEY_TARGET
from handoff_cli.core.vocabulary import DealKind, Stage
from handoff_cli.model import Dossier
from handoff_cli.model.outcomes import OutcomeKind, survey_point


class Owed(StrEnum):
    LOOK_BACK = "look-back"  # the customer rated the handoff under the target
    SURVEY = "survey"  # a day-30 or day-90 survey not logged within its grace


@dataclass(frozen=True, slots=True)
class FollowUp:
    path: str
    deal_id: str
    account: str
    at: datetime  # when the reason for it came in: the survey's time, or the day the missing one was due
    what: str  # what is owed, in a sentence
    owner: Owner
    owner_name: str | None
    owed: Owed

    def as_dict(self) -> dict[str, str | None]:
        return {"path": self.path, "deal_id": self.deal_id, "account": self.account, "at": self.at.isoformat(),
                "owed": self.what, "owner": self.owner.value, "owner_name": self.owner_name}

    def line(self, stamp: str) -> str:
        """One line for people; `stamp` is `at` as the output shows times."""
        owner = f"{self.owner.value} {self.owner_name or '(none)'}"
        return f"{self.deal_id} {self.account}: {owner} owes a {self.what}, since {stamp}"


def follow_ups(
    dossier: Dossier,
    *,
    tz: tzinfo,
    as_of: datetime,
    path: str,
    target: float = SURVEY_TARGET,
    grace_days: int = SURVEY_GRACE_DAYS,
) -> list[FollowUp]:
    """Each customer survey up to `as_of` rated under `target`: the CSM owes a look back at that handoff. Each of
    the day-30 and day-90 surveys not logged `grace_days` after its day: the CSM owes it. A deal not signed yet
    owes neither; nor does a renewal, which has no handoff from sales to survey."""
    deal, progress = dossier.deal, dossier.handoff
    if deal.signed_at is None or deal.effective_stage is Stage.PRE_CLOSE:
        return []
    signed = local(deal.signed_at, tz)
    name = deal.csm.name if deal.csm else None
    surveys = [(local(o.at, tz), o.rating) for o in (progress.outcomes or () if progress else ())
               if o.outcome is OutcomeKind.CUSTOMER_SURVEY and local(o.at, tz) <= as_of]
    out = []
    for at, rating in surveys:
        if rating is not None and rating < target:
            what = (f"look back at the handoff: the day-{survey_point(signed, at)} customer survey rated it "
                    f"{rating} of 5, under the target {target:g}")
            out.append(FollowUp(path, deal.id, deal.account, at, what, Owner.CSM, name, Owed.LOOK_BACK))
    if deal.kind is DealKind.RENEWAL:
        return out
    answered = {survey_point(signed, at) for at, _ in surveys}
    for day in SURVEY_DAYS:
        due = signed + timedelta(days=day)
        if day not in answered and as_of > due + timedelta(days=grace_days):
            what = f"day-{day} customer survey, not logged within the {grace_days} days' grace after day {day}"
            out.append(FollowUp(path, deal.id, deal.account, due, what, Owner.CSM, name, Owed.SURVEY))
    return out
