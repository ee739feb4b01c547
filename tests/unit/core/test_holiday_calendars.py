"""Holiday calendars named by country or subdivision code, checked against what the holidays package knows."""

from __future__ import annotations

import pytest

from handoff_cli.core.holiday_calendars import check_country, split_holidays


def test_a_code_splits_into_country_and_subdivision() -> None:
    assert split_holidays("US-NY") == ("US", "NY")
    assert split_holidays("DE") == ("DE", None)


@pytest.mark.parametrize("code", ["DE", "US-NY", "GB-SCT"])
def test_a_known_calendar_is_kept_as_written(code: str) -> None:
    assert check_country(code) == code


def test_an_unknown_country_says_what_to_write() -> None:
    with pytest.raises(ValueError, match=r"^not a country the holidays package knows; write a code such as DE"):
        check_country("XX")


def test_an_unknown_subdivision_lists_some_known_ones() -> None:
    with pytest.raises(ValueError) as raised:
        check_country("DE-XX")
    message = str(raised.value)
    assert message.startswith("DE has no subdivision XX; known: DE-")
    assert message.endswith(" ...")  # Germany has more than the eight shown


def test_several_calendars_in_one_string_are_told_to_be_a_list() -> None:
    with pytest.raises(ValueError, match=r"^several calendars are a list: write \[DE, US-NY\]$"):
        check_country("DE, US-NY")
