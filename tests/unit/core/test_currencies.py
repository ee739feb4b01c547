"""Currency codes against ISO 4217, with the fix for what people write instead."""

from __future__ import annotations

import pytest

from handoff_cli.core.currencies import currency_code


@pytest.mark.parametrize("code", ["USD", "EUR", "ILS", "JPY"])
def test_an_iso_code_is_kept(code: str) -> None:
    assert currency_code(code) == code


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("€", "EUR"), ("$", "USD"), ("RMB", "CNY"), ("NIS", "ILS"), ("euro", "EUR"),  # nicknames and signs
        ("usd", "USD"),  # the right letters in lower case
        ("UDS", "USD"),  # swapped letters
    ],
)  # fmt: skip
def test_a_look_alike_is_refused_with_its_code(written: str, fix: str) -> None:
    with pytest.raises(ValueError, match=rf"^not an ISO 4217 currency code; did you mean {fix}\?$"):
        currency_code(written)


def test_nothing_close_gets_an_example_instead() -> None:
    with pytest.raises(ValueError, match=r"^not an ISO 4217 currency code; write a code such as USD, EUR, ILS$"):
        currency_code("money")
