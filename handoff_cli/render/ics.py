"""The handoff's deadlines as an iCalendar file (RFC 5545) for the CSM's calendar, built with `icalendar`."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from handoff_cli.model import Dossier
from handoff_cli.render.documents import moment
from handoff_cli.render.timeline import KeyDate

PRODID = "-//handoff//handoff render calendar//EN"


def calendar(dossier: Dossier, dates: list[KeyDate], *, stamp: datetime) -> str:
    """One all-day event per deadline, on its local date.

    All-day, because these are deadlines, not meetings someone has booked; the exact time of an
    hour-based deadline is in the description. UIDs derive from the deal id and the deadline, so
    importing a re-rendered file updates the events instead of duplicating them. `stamp`
    (DTSTAMP, required by RFC 5545) comes from the command line, which keeps the output reproducible.
    """
    deal = dossier.deal
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Handoff: {deal.account}")
    for key in dates:
        event = Event()
        event.add("uid", f"{deal.id}-{key.key}@handoff")
        event.add("dtstamp", stamp)
        event.add("dtstart", key.due.date())
        event.add("dtend", key.due.date() + timedelta(days=1))
        event.add("summary", f"{key.title}: {deal.account}")
        lines = [f"Due {moment(key.due)}" if key.timed else f"Due {key.due.date().isoformat()}", key.why]
        if key.done is not None:
            lines.append(f"Logged as done {moment(key.done)}")
        lines.append(f"Deal {deal.id} ({deal.segment.value})")
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")  # a deadline does not make the CSM busy
        event.add("categories", ["Handoff"])
        cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical.decode("utf-8")
