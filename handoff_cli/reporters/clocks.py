"""`handoff sla` output: an aligned table for people (most urgent first) or versioned JSON for scripts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from rich.console import Console
from rich.text import Text

from handoff_cli.clocks.evaluate import ClockStatus, SlaResult, Status
from handoff_cli.clocks.overdue import Late
from handoff_cli.core.durations import span
from handoff_cli.core.moments import stamp as in_zone
from handoff_cli.core.printable import printable
from handoff_cli.reporters.base import write_json

FORMAT_VERSION = 1
STYLE = {
    Status.BREACHED: "bold red",
    Status.AT_RISK: "yellow",
    Status.OPEN: "",
    Status.WAITING: "dim",
    Status.MET_LATE: "magenta",
    Status.MET: "green",
}
SlaReporter = Callable[[SlaResult, Console], None]


def stamp(moment: datetime | None) -> str:
    """In the deal's own zone, as the clocks compute it, with its offset: '2026-12-07 17:00+09:00'."""
    return in_zone(moment, moment.tzinfo or UTC) if moment else "-"


def detail(row: ClockStatus) -> str:
    delta = row.delta or timedelta()
    if row.status is Status.BREACHED:
        return f"late by {span(delta)}" + (f", escalate to {row.escalate_to}" if row.escalate_to else "")
    if row.status in (Status.OPEN, Status.AT_RISK):
        return f"{span(delta)} left"
    if row.status is Status.WAITING:
        return f"starts at {row.clock.start}"
    done = f"done {stamp(row.done)}"
    return f"{done}, {span(delta)} late" if row.status is Status.MET_LATE else done


def counts(result: SlaResult) -> str:
    found = Counter(r.status for r in result.rows)
    deals = len({r.path for r in result.rows})
    listed = ", ".join(f"{found[s]} {s.value.replace('-', ' ')}" for s in Status)
    shown = f" (showing {len(result.shown)})" if result.showing else ""
    return f"{len(result.rows)} clocks on {deals} deal{'s' * (deals != 1)}{shown}: {listed}"


def text(result: SlaResult, console: Console) -> None:
    header = ("status", "clock", "due (the deal's time)", "detail", "owner", "deal", "file")
    cells = [
        (r.status.value, r.clock.name, stamp(r.due), detail(r), f"{r.owner.value} {r.owner_name or '(none)'}",
         f"{r.deal_id} {r.account}", printable(r.path))
        for r in result.shown
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    if cells:
        console.print(Text("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(), style="bold"))
    for row, cell in zip(result.shown, cells, strict=True):
        line = Text("  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)).rstrip())
        line.stylize(STYLE[row.status], 0, len(row.status.value))
        console.print(line)
    for note in (*result.unsigned, *result.waived, *map(str, result.invalid)):
        console.print(Text(printable(note)))
    for owed in result.follow_ups:
        console.print(Text(printable(f"follow-up: {owed.line(stamp(owed.at))} ({owed.path})")))
    console.print(counts(result))
    if result.overdue:
        _overdue_text(result.overdue, console)


def _overdue_text(late: list[Late], console: Console) -> None:
    """Below the clocks, when there are any: each item past due and still owed, the most overdue first."""
    header = ("overdue", "list", "item", "due", "owner", "escalation", "deal", "file")
    cells = [
        (f"{x.days} d", x.item.list, x.item.title, x.item.due.isoformat(), x.item.owner or "(none)",
         x.item.escalation or "(none)", f"{x.item.deal_id} {x.item.account}", printable(x.item.path))
        for x in late
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    console.print()
    console.print(Text("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(), style="bold"))
    for cell in cells:
        line = Text("  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)).rstrip())
        line.stylize("bold red", 0, len(cell[0]))
        console.print(line)
    console.print(overdue_count(late))


def overdue_count(late: list[Late]) -> str:
    deals = len({x.item.path for x in late})
    return f"{len(late)} item{'s' * (len(late) != 1)} overdue on {deals} deal{'s' * (deals != 1)}"


def document(result: SlaResult) -> dict[str, Any]:
    found = Counter(r.status.value for r in result.rows)
    doc = {
        "version": FORMAT_VERSION,
        "as_of": result.as_of.isoformat(),
        "timezone": result.timezone,
        "showing": sorted(s.value for s in result.showing) if result.showing else "all",
        "clocks": [_row(r) for r in result.shown],
        "unsigned": result.unsigned,
        "invalid": [str(e) for e in result.invalid],
        "waived": result.waived,
        "follow_ups": [f.as_dict() for f in result.follow_ups],
        "summary": {"clocks": len(result.rows), **{s.value: found[s.value] for s in Status}},
    }
    if result.overdue is not None:  # absent with --clocks-only, so that view stays as it was
        doc["overdue"] = [_late(x) for x in result.overdue]
    return doc


def _late(x: Late) -> dict[str, Any]:
    i = x.item
    return {
        "path": i.path,
        "deal_id": i.deal_id,
        "account": i.account,
        "list": i.list,
        "item": i.title,
        "due": i.due.isoformat(),
        "days_overdue": x.days,
        "owner": i.owner,
        "escalation": i.escalation,
    }


def _row(r: ClockStatus) -> dict[str, Any]:
    minutes = int(r.delta.total_seconds() // 60) if r.delta is not None else None
    late = r.status in (Status.BREACHED, Status.MET_LATE)
    return {
        "path": r.path,
        "deal_id": r.deal_id,
        "account": r.account,
        "segment": r.segment,
        "clock": r.clock.name,
        "title": r.clock.title,
        "target": r.clock.target,
        "status": r.status.value,
        "start": r.start.isoformat() if r.start else None,
        "due": r.due.isoformat() if r.due else None,
        "done": r.done.isoformat() if r.done else None,
        "late_minutes": minutes if late else None,
        "left_minutes": minutes if not late else None,
        "owner": r.owner.value,
        "owner_name": r.owner_name,
        "escalate_to": r.escalate_to,
    }


def json_report(result: SlaResult, console: Console) -> None:
    write_json(console, document(result))
