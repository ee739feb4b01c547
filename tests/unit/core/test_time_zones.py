"""Time-zone names as the IANA database spells a place today; everything else refused with what to write."""

from __future__ import annotations

import pytest

from handoff_cli.core.time_zones import check_zone, zone_problem


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "UTC"])
def test_a_canonical_zone_has_no_problem(zone: str) -> None:
    assert zone_problem(zone) is None
    assert check_zone(zone) == zone


@pytest.mark.parametrize(("abbreviation", "meant"), [("EST", "America/New_York"), ("cet", "Europe/Berlin")])
def test_an_abbreviation_names_the_place_usually_meant(abbreviation: str, meant: str) -> None:
    problem = zone_problem(abbreviation)
    assert problem is not None and problem.startswith("an abbreviation, not a place")
    assert f"write {meant} or the zone of the place you mean" in problem


def test_a_fixed_etc_offset_is_refused_for_its_reversed_sign() -> None:
    assert zone_problem("Etc/GMT-1") == (
        "a fixed offset without summer time (its sign is reversed); write the place, e.g. Europe/Berlin"
    )


@pytest.mark.parametrize(("alias", "zone"), [("US/Eastern", "America/New_York"), ("Asia/Calcutta", "Asia/Kolkata")])
def test_an_old_alias_names_the_zone_it_links_to(alias: str, zone: str) -> None:
    assert zone_problem(alias) == f"an old alias of {zone}; write {zone}"


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("europe/berlin", "Europe/Berlin"), ("Berlin", "Europe/Berlin"), ("New York", "America/New_York"),
     ("Europe/Berln", "Europe/Berlin")],
)  # fmt: skip
def test_a_near_miss_is_told_the_zone_meant(typed: str, suggested: str) -> None:
    assert zone_problem(typed) == f"not a known time zone; did you mean '{suggested}'?"


def test_nothing_close_gets_an_example() -> None:
    assert zone_problem("xyzzy") == "not a known time zone; use an IANA name such as Europe/Berlin"


def test_check_zone_raises_the_problem() -> None:
    with pytest.raises(ValueError, match=r"^an old alias of America/New_York; write America/New_York$"):
        check_zone("US/Eastern")
