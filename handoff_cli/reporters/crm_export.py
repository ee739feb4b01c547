"""`handoff export crm`: the write-back rows as the CSV file a CRM's importer reads.

Its formats (hubspot, salesforce, csv) differ only in their mapping (the columns' names, the status picklist, the
date format), which the command loads; the file is the same RFC 4180 CSV for each, UTF-8, with a header row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import date

from handoff_cli.crm.export_mapping import ExportMapping
from handoff_cli.crm.write_back import WriteBack

WriteBackWriter = Callable[[Sequence[WriteBack], ExportMapping], str]

# a cell a spreadsheet would run as a formula when the file is opened before it is imported (OWASP's list)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str | None) -> str:
    if not value:
        return ""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def _cells(row: WriteBack, mapping: ExportMapping) -> dict[str, str]:
    def day(value: date | None) -> str:
        return value.strftime(mapping.date_format) if value else ""

    return {
        "id": row.record_id,  # as the CRM wrote it, so that the import matches the record
        "score": f"{row.score:.1f}",
        "status": getattr(mapping.statuses, row.status.value),
        "csm": _text(row.csm),
        "first_contact": day(row.first_contact),
        "kickoff": day(row.kickoff),
        "breached_clocks": str(row.breached_clocks),
        "last_review_rating": "" if row.last_review_rating is None else str(row.last_review_rating),
    }


def write_back_csv(rows: Sequence[WriteBack], mapping: ExportMapping) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends, which every CRM importer reads
    header = mapping.header()
    writer.writerow([column for _, column in header])
    for row in rows:
        cells = _cells(row, mapping)
        writer.writerow([cells[field] for field, _ in header])
    return out.getvalue()

