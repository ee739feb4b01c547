"""`handoff log DEAL <outcome>`: each detail flag with its own outcome, the refusals, the entry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handoff_cli.core.errors import InputError
from handoff_cli.edit.outcome_entry import check_outcome, details, outcome_entry
from handoff_cli.model import Dossier
from handoff_cli.model.outcomes import OutcomeKind
from tests.builders import dossier, dossier_data

SIGNED = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)


def detail(kind: OutcomeKind, **given: str) -> dict[str, object]:
    flags = {"rating": None, "value": None, "amount": None, **given}
    return details(kind, display="d.yaml", **flags)


def refused(kind: OutcomeKind, **given: str) -> str:
    with pytest.raises(InputError) as raised:
        detail(kind, **given)
    return raised.value.message


def test_each_outcome_takes_its_own_detail() -> None:
    assert detail(OutcomeKind.CUSTOMER_SURVEY, rating="4") == {"rating": 4}
    assert detail(OutcomeKind.HEALTH, value="green") == {"value": "green"}
    assert detail(OutcomeKind.EXPANDED, amount="20_000") == {"amount": 20000}
    assert detail(OutcomeKind.EXPANDED, amount="1250.5") == {"amount": 1250.5}
    assert detail(OutcomeKind.EXPANDED) == {}  # an expansion's amount may be unknown
    assert detail(OutcomeKind.RENEWED) == {}


def test_a_detail_with_another_outcome_is_refused() -> None:
    assert refused(OutcomeKind.HEALTH, rating="4") == "--rating goes with customer_survey, not health"
    assert refused(OutcomeKind.RENEWED, amount="10") == "--amount goes with expanded, not renewed"


def test_a_required_detail_is_asked_for() -> None:
    assert refused(OutcomeKind.CUSTOMER_SURVEY) == "customer_survey needs --rating 1-5"
    assert refused(OutcomeKind.HEALTH) == "health needs --value green, yellow or red"


def test_a_mistyped_health_gets_the_close_one() -> None:
    assert refused(OutcomeKind.HEALTH, value="gren") == "unknown health 'gren'; did you mean 'green'?"


@pytest.mark.parametrize("amount", ["-5", "nan", "inf", "1e15", "1000000000000000", "lots"])
def test_an_amount_is_a_plain_number_of_at_most_15_digits(amount: str) -> None:
    assert refused(OutcomeKind.EXPANDED, amount=amount) == (
        f"--amount must be a plain number of at most 15 digits, e.g. 20000, not '{amount}'"
    )


def _with_outcomes(*outcomes: dict[str, object]) -> Dossier:
    return Dossier.model_validate({**dossier_data(), "handoff": {"outcomes": list(outcomes)}})


def check(deal: Dossier, kind: OutcomeKind, at: datetime, *, force: bool = False) -> str | None:
    try:
        check_outcome(deal, kind, at, zone=UTC, force=force, display="d.yaml")
    except InputError as refusal:
        return refusal.message
    return None


def test_an_unsigned_deal_has_no_outcomes_even_with_force() -> None:
    assert check(dossier(signed_at=None, stage="pre-close"), OutcomeKind.RENEWED, SIGNED, force=True) == (
        "deal.signed_at is not set; outcomes are logged for signed deals"
    )


def test_the_same_survey_answered_twice_needs_force() -> None:
    deal = _with_outcomes({"outcome": "customer_survey", "at": "2026-12-09T10:00:00+00:00", "rating": 4})
    day_35 = datetime(2026, 12, 14, tzinfo=UTC)
    assert check(deal, OutcomeKind.CUSTOMER_SURVEY, day_35) == (
        "the day-30 customer_survey is already logged at 2026-12-09T10:00:00+00:00; pass --force to log it again"
    )
    assert check(deal, OutcomeKind.CUSTOMER_SURVEY, day_35, force=True) is None
    assert check(deal, OutcomeKind.CUSTOMER_SURVEY, datetime(2027, 2, 8, tzinfo=UTC)) is None  # the day-90 one


def test_after_a_churn_nothing_more_without_force() -> None:
    deal = _with_outcomes({"outcome": "churned", "at": "2027-11-01T10:00:00+00:00"})
    later = datetime(2027, 11, 5, tzinfo=UTC)
    assert check(deal, OutcomeKind.CHURNED, later) == (
        "churned is already logged at 2027-11-01T10:00:00+00:00; pass --force to log it again"
    )
    assert check(deal, OutcomeKind.HEALTH, later) == (
        "the customer churned at 2027-11-01T10:00:00+00:00; pass --force to log health after that"
    )


def test_health_checks_recur() -> None:
    deal = _with_outcomes({"outcome": "health", "at": "2027-01-01T10:00:00+00:00", "value": "green"})
    assert check(deal, OutcomeKind.HEALTH, datetime(2027, 2, 1, tzinfo=UTC)) is None


def test_the_entry_s_keys_in_the_documented_order() -> None:
    at = datetime(2026, 12, 9, tzinfo=UTC)
    item = outcome_entry(OutcomeKind.CUSTOMER_SURVEY, at, {"rating": 4}, by="Carl", note="happy")
    assert item == {"outcome": "customer_survey", "at": at, "rating": 4, "by": "Carl", "note": "happy"}
    assert list(item) == ["outcome", "at", "rating", "by", "note"]
