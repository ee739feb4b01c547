"""The one rule for a date-time written without an offset: it is in the deal's time zone.

The deal's zone is `deal.timezone` where the dossier names one, else `timezone` in handoff.toml. Every
reader of a dossier's times (rules, clocks, documents, the report, the result cache) and every writer of
one (`log`, `accept`) decides a naive moment's zone here, so two commands never read one file two ways.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo


class Zoned(Protocol):
    """Settings (timezone always set) or a deal (timezone optional)."""

    @property
    def timezone(self) -> str | None: ...


def deal_zone(settings: Zoned, deal: Zoned | None = None) -> ZoneInfo:
    """The deal's own zone if it names one, else the repo's."""
    name = deal.timezone if deal is not None and deal.timezone else settings.timezone
    return ZoneInfo(name or "UTC")


def aware(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` as an aware date-time: a naive one is read in `zone`, an aware one is kept as written."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def local(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` on the wall clock of `zone` (a naive one was written in it)."""
    return aware(moment, zone).astimezone(zone)


def zone_name(zone: tzinfo) -> str:
    """The IANA name a warning shows, e.g. Europe/Berlin."""
    return zone.key if isinstance(zone, ZoneInfo) else str(zone)


def shown(moment: datetime, zone: tzinfo) -> str:
    """A deal's time as a message or a confirmation prints it: on the deal's wall clock, with its offset, as
    ISO 8601 (2026-12-07T17:00:00+09:00), whatever offset it was written or given with."""
    return local(moment, zone).isoformat()


def stamp(moment: datetime, zone: tzinfo) -> str:
    """A deal's time in a table or a list line: its wall clock, to the minute, with its offset
    (2026-12-07 17:00+09:00)."""
    return local(moment, zone).isoformat(sep=" ", timespec="minutes")


def offset(moment: datetime) -> str:
    """An aware moment's UTC offset as +09:00 (-05:00, +05:30): what a zone's abbreviation leaves unsaid."""
    text = moment.strftime("%z")
    return f"{text[:3]}:{text[3:5]}" if text else ""
