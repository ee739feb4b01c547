"""Time-zone names as the IANA database spells a place today (Europe/Berlin), not its legacy aliases: an
abbreviation (EST, CET), a country name (US/Eastern, Japan), a fixed `Etc/` offset or a renamed city.

`EST` is a fixed UTC-5 with no summer time, so in July a deal's clocks would fall due an hour off New York's.
The names and links come from the tz database's own source (tzdata.zi, shipped by the tzdata package).
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from importlib.resources import files
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = "UTC"
# the database's regions; every place's zone is named under one of them
_AREAS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
# what an abbreviation or a POSIX-style name is usually written for (the database links some of them elsewhere:
# EST to Panama, which keeps no summer time, which is exactly the surprise)
_MEANT = {
    "EST": "America/New_York", "EDT": "America/New_York", "EST5EDT": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago", "CST6CDT": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "MST7MDT": "America/Denver",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PST8PDT": "America/Los_Angeles",
    "HST": "Pacific/Honolulu", "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MET": "Europe/Berlin",
    "EET": "Europe/Athens", "WET": "Europe/Lisbon", "BST": "Europe/London", "IST": "Asia/Kolkata",
    "JST": "Asia/Tokyo", "AEST": "Australia/Sydney",
}  # fmt: skip
_FIXED = re.compile(r"Etc/GMT[+-]\d+")


@cache
def _database() -> tuple[frozenset[str], dict[str, str]]:
    """(canonical zone names, alias -> the zone it links to)."""
    source = files("tzdata").joinpath("zoneinfo", "tzdata.zi").read_text(encoding="utf-8")
    zones, links = set(), {}
    for line in source.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "Z":
            zones.add(rest.split(" ", 1)[0])
        elif kind == "L":
            target, alias = rest.split()
            links[alias] = target
    canonical = frozenset(z for z in zones if z.split("/", 1)[0] in _AREAS) | {UTC}
    return canonical, {alias: (t if t in canonical else UTC) for alias, t in links.items()}


def zone_problem(value: str) -> str | None:
    """None for a canonical zone name; else what is wrong with `value` and what to write instead."""
    canonical, links = _database()
    if value in canonical:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):  # listed by tzdata, missing from the zones Python found
            return "not a time zone this system knows"
        return None
    if value.upper() in _MEANT:
        return (
            "an abbreviation, not a place (it keeps one offset all year or another place's rules); "
            f"write {_MEANT[value.upper()]} or the zone of the place you mean"
        )
    if _FIXED.fullmatch(value):
        return "a fixed offset without summer time (its sign is reversed); write the place, e.g. Europe/Berlin"
    if value in links:
        return f"an old alias of {links[value]}; write {links[value]}"
    return f"not a known time zone{_closest(value, canonical)}"


def _closest(value: str, canonical: frozenset[str]) -> str:
    typed = value.strip().replace(" ", "_").casefold()
    by_city = {z.rsplit("/", 1)[-1].casefold(): z for z in sorted(canonical)}
    exact = next((z for z in canonical if z.casefold() == typed), None) or by_city.get(typed)
    if exact is None:
        close = difflib.get_close_matches(typed, by_city, n=1, cutoff=0.75)
        exact = by_city[close[0]] if close else None
    if exact is None:
        whole = difflib.get_close_matches(value, sorted(canonical), n=1, cutoff=0.6)
        exact = whole[0] if whole else None
    return f"; did you mean '{exact}'?" if exact else "; use an IANA name such as Europe/Berlin"


def check_zone(value: str) -> str:
    """`value` if it is a canonical zone name, else a ValueError saying what to write."""
    if (problem := zone_problem(value)) is not None:
        raise ValueError(problem)
    return value
