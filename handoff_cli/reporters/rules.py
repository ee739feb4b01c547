"""`handoff rules` as a table (short segment columns, category rows) or versioned JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from handoff_cli.core.findings import Severity
from handoff_cli.core.vocabulary import DealKind, Segment
from handoff_cli.reporters.base import write_json

if TYPE_CHECKING:
    from rich.console import Console

    from handoff_cli.rules.catalog import Entry

SHORT = {Segment.ENTERPRISE: "ent", Segment.MID_MARKET: "mid", Segment.SMB: "smb", Segment.STRATEGIC: "strat"}
_MARK = {"required": "must", "scored": "yes", "off": "-"}  # by policy.Mode value


class RulesReporter(Protocol):
    def __call__(
        self, rows: Sequence[dict[str, Any]], extra: Sequence[Entry], console: Console, kind: DealKind
    ) -> None: ...


def cell(entry: dict[str, Any]) -> str:
    mode = str(entry["mode"])
    return _MARK[mode] if mode == "off" else f"{_MARK[mode]} {entry['points']:g}"


def json_report(rows: Sequence[dict[str, Any]], extra: Sequence[Entry], console: Console, kind: DealKind) -> None:
    errors = [{"code": e.code, "name": e.name, "severity": str(e.severity), "why": e.why} for e in extra]
    write_json(console, {"version": 1, "kind": kind.value, "rules": list(rows), "errors": errors})


def text(rows: Sequence[dict[str, Any]], extra: Sequence[Entry], console: Console, kind: DealKind) -> None:
    from rich.table import Table
    from rich.text import Text

    # short segment headers and category rows keep the table readable at 80 columns
    table = Table(
        "code",
        "name",
        *(SHORT[s] for s in Segment),
        title=None if kind is DealKind.NEW else f"rules for {kind.value} deals",
        caption="must = an error when missed" + ("; warn = a warning" if extra else "")
        + ("; columns for new deals (--kind expansion or renewal for theirs)" if kind is DealKind.NEW else "")
        + "; `handoff rules CODE` says why",
    )
    for column in table.columns:
        column.no_wrap = True
    category = ""
    for row in rows:
        if row["category"] != category:
            category = row["category"]
            table.add_row("", Text(category, style="bold"), *("" for _ in Segment))
        table.add_row(row["code"], row["name"], *(cell(row["segments"][s.value]) for s in Segment))
    for entry in extra:
        mark = "must" if entry.severity is Severity.ERROR else "warn"
        table.add_row(entry.code, entry.name, *(mark for _ in Segment))
    console.print(table)
