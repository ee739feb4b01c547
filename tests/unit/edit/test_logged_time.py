"""When a logged item happened: never in the future; before the signature only with --force."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handoff_cli.core.errors import InputError
from handoff_cli.edit.logged_time import check_time

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
SIGNED = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)


def check(at: datetime, *, force: bool = False, signed: datetime | None = SIGNED) -> None:
    check_time(at, now=NOW, signed=signed, force=force, what="log it once it has happened", option="--at",
               display="deal.yaml", zone=UTC)  # fmt: skip


def test_a_time_between_signature_and_now_is_taken() -> None:
    check(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    check(NOW)  # now itself is not the future
    check(SIGNED)  # nor is the signature itself before it


def test_a_time_in_the_future_is_refused_even_with_force() -> None:
    with pytest.raises(InputError) as raised:
        check(datetime(2026, 11, 23, 12, 1, tzinfo=UTC), force=True)
    assert str(raised.value) == (
        "deal.yaml: --at 2026-11-23T12:01:00+00:00 is in the future; log it once it has happened"
    )


def test_a_time_before_the_signature_needs_force() -> None:
    before = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with pytest.raises(InputError) as raised:
        check(before)
    assert str(raised.value) == (
        "deal.yaml: --at 2026-11-01T09:00:00+00:00 is before the signature (2026-11-09T09:00:00+00:00); "
        "pass --force if it really happened before close"
    )
    check(before, force=True)


def test_an_unsigned_deal_has_no_lower_bound() -> None:
    check(datetime(2020, 1, 1, tzinfo=UTC), signed=None)
