"""Public-holiday calendars named by country or country-subdivision code (DE, US-NY, GB-SCT), checked against
what the holidays package knows, for a dossier's `deal.holidays` and handoff.toml's `country` alike."""

from __future__ import annotations


def split_holidays(code: str) -> tuple[str, str | None]:
    """'US-NY' -> ('US', 'NY'); 'DE' -> ('DE', None)."""
    country, _, subdivision = code.partition("-")
    return country, subdivision or None


def check_country(value: str) -> str:
    """`value` if the holidays package has its calendar, else a ValueError with what it knows."""
    # imported only when a calendar is named: the package is large
    import holidays

    if "," in value:
        raise ValueError(f"several calendars are a list: write [{', '.join(v.strip() for v in value.split(','))}]")
    supported = holidays.list_supported_countries()
    country, subdivision = split_holidays(value)
    if country not in supported:
        raise ValueError("not a country the holidays package knows; write a code such as DE, US-NY or GB-SCT")
    if subdivision is not None and subdivision not in supported[country]:
        known = ", ".join(f"{country}-{s}" for s in supported[country][:8]) or f"none (write {country})"
        more = " ..." if len(supported[country]) > 8 else ""
        raise ValueError(f"{country} has no subdivision {subdivision}; known: {known}{more}")
    return value
