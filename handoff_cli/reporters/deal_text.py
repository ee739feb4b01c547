"""The report's per-deal table, its "due next 7 days" list and its trend by month, in the words text, Markdown
and HTML share (from the report document)."""

from __future__ import annotations

from datetime import UTC, datetime

from handoff_cli.core.printable import printable
from handoff_cli.portfolio.report_document import Deal, DueSoon, Report, TrendMonth
from handoff_cli.reporters.markdown import cell

COLUMNS = ("deal", "status", "score", "next clock due", "owner", "CSM", "rep", "dossier")


def when(moment: str) -> str:
    """An ISO date-time as a reader scans it: the date and the minute, in the zone it was written in."""
    return moment[:16].replace("T", " ")


def instant(moment: str) -> str:
    """An ISO date-time in UTC, so moments written in different zones sort in time order as text."""
    return datetime.fromisoformat(moment).astimezone(UTC).isoformat()


def due_key(d: Deal) -> str:
    """The next clock's due moment as a sort key; a deal with no clock due sorts after every one that has."""
    return instant(d["next_due"]["due"]) if d["next_due"] else "~"


def next_due(d: Deal) -> str:
    n = d["next_due"]
    return f"{n['clock']} {n['status']}, due {when(n['due'])}" if n else "none"


def deal_cells(d: Deal) -> list[str]:
    return [f"{d['deal_id']} {d['account']}", d["status"], f"{d['score']:g}%", next_due(d), d["owner"],
            d["csm"] or "(none)", d["rep"], printable(d["path"])]  # fmt: skip


def by_urgency(doc: Report) -> list[Deal]:
    """The next clock due soonest first (a breached one first of all), deals with none after them, lowest
    score first among equals."""
    return sorted(doc["deals"], key=lambda d: (due_key(d), d["score"], d["deal_id"]))


def due_soon_line(x: DueSoon) -> str:
    return f"{when(x['due'])} {x['what']} ({x['kind']}, {x['deal_id']} {x['account']}), owner {x['owner'] or '(none)'}"


def trend_cells(t: TrendMonth) -> list[str]:
    def pct(v: float | None) -> str:
        return "-" if v is None else f"{v:g}%"

    at = f"at {t['revision'][:7]}" if t["revision"] else "no commit yet"
    return [t["month"], pct(t["completeness"]), pct(t["on_time_rate"]), str(t["handoffs"]), at]


TREND_COLUMNS = ("month", "completeness", "on time", "handoffs", "commit")


def text_lines(doc: Report) -> list[str]:
    out = ["", "deals (next clock due first)"]
    out += ["  " + "; ".join(deal_cells(d)) for d in by_urgency(doc)] or ["  none"]
    out += ["", "due next 7 days"] + ([f"  {due_soon_line(x)}" for x in doc["due_soon"]] or ["  none"])
    if "trend" in doc:
        out += ["", "trend by month (completeness, on time, handoffs)"]
        out += [f"  {m}  {c:>6}  {o:>6}  {n:>3}  {at}" for m, c, o, n, at in map(trend_cells, doc["trend"])]
    return out


def md_lines(doc: Report) -> list[str]:
    out = ["", "## Deals", "", "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for d in by_urgency(doc):
        cells = deal_cells(d)
        cells[-1] = f"[{cell(cells[-1])}]({d['link'].replace('(', '%28').replace(')', '%29')})"
        out.append("| " + " | ".join([cell(c) for c in cells[:-1]] + [cells[-1]]) + " |")
    out += ["", "## Due next 7 days", ""] + ([f"- {cell(due_soon_line(x))}" for x in doc["due_soon"]] or ["none"])
    if "trend" in doc:
        out += ["", "## Trend by month", "", "| " + " | ".join(TREND_COLUMNS) + " |", "|" + "---|" * 5]
        out += ["| " + " | ".join(cell(c) for c in trend_cells(t)) + " |" for t in doc["trend"]]
    return out
