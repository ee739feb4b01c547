"""What someone owes besides the clocks: a survey rated under the target owes the CSM a look back."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from handoff_cli.clocks.follow_ups import follow_ups
from handoff_cli.core.sla_settings import Owner
from handoff_cli.model import Dossier
from tests.builders import dossier_data

AS_OF = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)  # both surveys' days and grace are behind
JAN = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)  # the day-30 survey's grace is behind, the day-90 survey's day ahead


def deal(*surveys: tuple[str, int], **fields: object) -> Dossier:
    outcomes = [{"outcome": "customer_survey", "at": at, "rating": rating} for at, rating in surveys]
    return Dossier.model_validate({**dossier_data(**fields), "handoff": {"outcomes": outcomes}})


def test_a_low_rating_owes_the_csm_a_look_back() -> None:
    (owed,) = follow_ups(deal(("2026-12-09T10:00:00+00:00", 3)), tz=UTC, as_of=JAN, path="d.yaml")
    assert (owed.owner, owed.owner_name, owed.at) == (Owner.CSM, "Carl CSM", datetime(2026, 12, 9, 10, tzinfo=UTC))
    assert owed.line("2026-12-09 10:00") == (
        "D-1 Initech: csm Carl CSM owes a look back at the handoff: the day-30 customer survey rated it 3 of 5, "
        "under the target 4.5, since 2026-12-09 10:00"
    )
    assert owed.as_dict()["owed"] == owed.what and owed.as_dict()["at"] == "2026-12-09T10:00:00+00:00"


def test_a_rating_at_the_target_or_above_owes_nothing() -> None:
    assert follow_ups(deal(("2026-12-09T10:00:00+00:00", 5)), tz=UTC, as_of=JAN, path="d.yaml") == []


def test_a_survey_after_the_moment_asked_about_is_not_counted_yet() -> None:
    early = datetime(2026, 12, 1, tzinfo=UTC)
    assert follow_ups(deal(("2026-12-09T10:00:00+00:00", 2)), tz=UTC, as_of=early, path="d.yaml") == []


def test_a_naive_survey_time_is_in_the_deal_s_zone() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    (owed,) = follow_ups(deal(("2026-12-09T10:00:00", 2)), tz=tokyo, as_of=JAN, path="d.yaml")
    assert owed.at == datetime(2026, 12, 9, 10, tzinfo=tokyo)


def test_each_low_survey_is_its_own_follow_up_and_a_missing_csm_is_none() -> None:
    found = follow_ups(deal(("2026-12-09T10:00:00+00:00", 2), ("2027-02-07T10:00:00+00:00", 4), csm=None),
                       tz=UTC, as_of=AS_OF, path="d.yaml")  # fmt: skip
    assert [("day-90" in f.what, f.owner_name) for f in found] == [(False, None), (True, None)]
    assert found[0].line("x").startswith("D-1 Initech: csm (none) owes")


def test_a_signed_deal_without_a_survey_owes_the_one_whose_grace_is_over() -> None:
    (owed,) = follow_ups(Dossier.model_validate(dossier_data()), tz=UTC, as_of=JAN, path="d.yaml")
    assert (owed.owner, owed.owner_name) == (Owner.CSM, "Carl CSM")
    assert "day-30 customer survey, not logged within the 14 days' grace after day 30" in owed.what


def test_an_unsigned_deal_owes_nothing() -> None:
    unsigned = deal(("2026-12-09T10:00:00+00:00", 2), signed_at=None, stage="pre-close")
    assert follow_ups(unsigned, tz=UTC, as_of=AS_OF, path="d.yaml") == []
