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
