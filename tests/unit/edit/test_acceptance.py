"""`handoff accept`'s flags, each refused in one line before the dossier is read, and the review entry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handoff_cli.core.errors import InputError
from handoff_cli.core.vocabulary import RejectReason
from handoff_cli.edit.acceptance import REASONS, email_value, rating_value, reason_values, review_entry

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def refusal(call: object, *args: object, **kwargs: object) -> str:
    assert callable(call)
    with pytest.raises(InputError) as raised:
        call(*args, display="d.yaml", **kwargs)
    return raised.value.message


def test_a_rating_is_a_whole_number_from_one_to_five() -> None:
    assert rating_value("4", display="d.yaml") == 4
    assert rating_value(None, display="d.yaml") is None
    for wrong in ("0", "6", "4.5", "-1", "four", ""):
        assert refusal(rating_value, wrong) == f"--rating must be a whole number from 1 to 5, not '{wrong}'"


def test_by_is_an_email_address() -> None:
    assert email_value("carl@example.com", display="d.yaml") == "carl@example.com"
    assert refusal(email_value, "carl").startswith("--by 'carl' is not an email address: ")


def test_reasons_go_with_reject_and_reject_needs_one() -> None:
    assert refusal(reason_values, ["filler"], reject=False) == (
        "--reason goes with --reject; an accepted handoff has no rejection reasons"
    )
    assert refusal(reason_values, [], reject=True) == f"--reject needs at least one --reason: {', '.join(REASONS)}"
    assert reason_values([], reject=False, display="d.yaml") == []


def test_a_mistyped_reason_gets_the_close_one_and_a_repeat_counts_once() -> None:
    assert refusal(reason_values, ["filer"], reject=True) == "unknown reason 'filer'; did you mean 'filler'?"
    assert reason_values(["filler", "other", "filler"], reject=True, display="d.yaml") == [
        RejectReason.FILLER, RejectReason.OTHER,
    ]  # fmt: skip


def test_the_review_entry_is_accepted_without_reasons_rejected_with_them() -> None:
    assert review_entry(by="c@x.io", at=AT, reasons=[], rating=None, note=None) == {
        "decision": "accepted", "by": "c@x.io", "at": AT,
    }  # fmt: skip
    rejected = review_entry(by="c@x.io", at=AT, reasons=[RejectReason.FILLER], rating=2, note="thin")
    assert rejected == {"decision": "rejected", "by": "c@x.io", "at": AT, "rating": 2, "reasons": ["filler"],
                        "note": "thin"}  # fmt: skip
    assert list(rejected) == ["decision", "by", "at", "rating", "reasons", "note"]
