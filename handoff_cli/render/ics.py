"""The handoff's deadlines as an iCalendar file (RFC 5545) for the CSM's calendar, built with `icalendar`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta

from icalendar import Calendar, Event

from handoff_cli.model import Dossier
from handoff_cli.render.timeline import KeyDate

PRODID = "-//handoff//handoff render calendar//EN"
# the key dates the customer attends: the customer's calendar holds these only
MEETINGS = frozenset({"joint-meeting", "kickoff", "qbr"})
# a deadline -> its event's (title, description), worded by the calendar template in the deal's language
Words = Callable[[KeyDate], tuple[str, str]]


def calendar(dossier: Dossier, dates: list[KeyDate], *, stamp: datetime, name: str, words: Words,
             customer: bool = False) -> str:
    """One all-day event per deadline, on its local date.

    All-day, because these are deadlines, not meetings someone has booked; the exact time of an
    hour-based deadline is in the description. UIDs derive from the deal id and the deadline, so
    importing a re-rendered file updates the events instead of duplicating them; the customer's calendar
    derives them from a digest of the id, which is our CRM's and not for the customer. `stamp`
    (DTSTAMP, required by RFC 5545) comes from the command line, which keeps the output reproducible.
    """
    deal = dossier.deal
    uid = hashlib.sha256(deal.id.encode()).hexdigest()[:16] if customer else deal.id
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for key in dates:
        event = Event()
        event.add("uid", f"{uid}-{key.key}@handoff")
        event.add("dtstamp", stamp)
        event.add("dtstart", key.due.date())
        event.add("dtend", key.due.date() + timedelta(days=1))
        summary, description = words(key)
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")  # a deadline does not make the CSM busy
        event.add("categories", ["Handoff"])
        cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical.decode("utf-8")
