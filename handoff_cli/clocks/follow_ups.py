"""What someone owes a deal besides its clocks: a look back at the handoff after the customer rated it low."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from handoff_cli.core.sla_settings import Owner
from handoff_cli.model import Dossier
from handoff_cli.model.outcomes import SURVEY_TARGET, OutcomeKind, survey_point


@dataclass(frozen=True, slots=True)
class FollowUp:
    path: str
    deal_id: str
    account: str
    at: datetime  # when the reason for it came in
    what: str  # what is owed, in a sentence
    owner: Owner
    owner_name: str | None

    def as_dict(self) -> dict[str, str | None]:
        return {"path": self.path, "deal_id": self.deal_id, "account": self.account, "at": self.at.isoformat(),
                "owed": self.what, "owner": self.owner.value, "owner_name": self.owner_name}

    def line(self, stamp: str) -> str:
        """One line for people; `stamp` is `at` as the output shows times."""
        owner = f"{self.owner.value} {self.owner_name or '(none)'}"
        return f"{self.deal_id} {self.account}: {owner} owes a {self.what}, since {stamp}"


def follow_ups(dossier: Dossier, *, tz: tzinfo, as_of: datetime, path: str) -> list[FollowUp]:
    """Each customer survey up to `as_of` rated under the target: the CSM owes a look back at that handoff."""
    deal, progress = dossier.deal, dossier.handoff
    if deal.signed_at is None or progress is None:
        return []

    def aware(moment: datetime) -> datetime:
        return (moment if moment.tzinfo else moment.replace(tzinfo=tz)).astimezone(tz)

    signed = aware(deal.signed_at)
    out = []
    for survey in progress.outcomes or ():
        at = aware(survey.at)
        if survey.outcome is not OutcomeKind.CUSTOMER_SURVEY or at > as_of or survey.rating is None:
            continue
        if survey.rating < SURVEY_TARGET:
            what = (f"look back at the handoff: the day-{survey_point(signed, at)} customer survey rated it "
                    f"{survey.rating} of 5, under the target {SURVEY_TARGET:g}")
            name = deal.csm.name if deal.csm else None
            out.append(FollowUp(path, deal.id, deal.account, at, what, Owner.CSM, name))
    return out
