"""A CRM export (CSV) read through a mapping into deals; any bad cell stops the import before anything is written.

Rows are numbered as a spreadsheet shows them: the header is row 1. Rows that share a deal id are one deal
(their contacts are added up; the first row's other values count).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from itertools import zip_longest
from pathlib import Path

from handoff_cli.core.errors import InputError
from handoff_cli.crm.mapping import Mapping
from handoff_cli.model.common import Segment, Stage
from handoff_cli.model.stakeholders import Role


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    email: str | None = None
    title: str | None = None
    role: Role | None = None  # None: the CRM named no role, or one the mapping does not know
    crm_role: str | None = None


@dataclass(slots=True)
class CrmDeal:
    row: int
    id: str
    account: str
    segment: Segment
    stage: Stage
    amount: Decimal | None = None
    currency: str | None = None
    signed_at: date | datetime | None = None
    rep_name: str | None = None
    rep_email: str | None = None
    timezone: str | None = None
    holidays: str | None = None
    contacts: list[Contact] = field(default_factory=list)


def read_deals(path: Path, mapping: Mapping) -> list[CrmDeal]:
    display = str(path)
    try:
        # utf-8-sig: Excel and Salesforce start their CSV files with a byte-order mark
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            headers = reader.fieldnames or []
            missing = [h for h in mapping.required_headers() if h not in headers]
            if missing:
                raise InputError(
                    f"row 1 (header): missing column '{missing[0]}' that the {mapping.crm} mapping reads; "
                    "nothing was written",
                    path=display,
                )
            deals: dict[str, CrmDeal] = {}
            for cells in reader:
                cell = _Cells(cells, reader.line_num, display)
                deal_id = cell.required(mapping.columns.id)
                contacts = _contacts(cell, mapping)
                if deal_id in deals:
                    deals[deal_id].contacts.extend(c for c in contacts if c not in deals[deal_id].contacts)
                else:
                    deals[deal_id] = _deal(cell, deal_id, mapping, contacts)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=display) from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise InputError(f"not a readable CSV file ({exc}); nothing was written", path=display) from None
    return list(deals.values())


class _Cells:
    """One CSV row; every complaint names the file, the row and the column."""

    def __init__(self, cells: dict[str, str | None], row: int, display: str) -> None:
        self.cells, self.row, self.display = cells, row, display

    def get(self, column: str | None) -> str | None:
        value = (self.cells.get(column) or "").strip() if column else ""
        return value or None

    def fail(self, column: str, message: str) -> InputError:
        return InputError(f"row {self.row}, column '{column}': {message}; nothing was written", path=self.display)

    def required(self, column: str) -> str:
        value = self.get(column)
        if value is None:
            raise self.fail(column, "is empty, but every deal needs it")
        return value


def _deal(cell: _Cells, deal_id: str, mapping: Mapping, contacts: list[Contact]) -> CrmDeal:
    cols = mapping.columns
    segment = mapping.default_segment
    if (raw := cell.get(cols.segment)) is not None and cols.segment:
        segment = mapping.segment_of(raw)
        if segment is None:
            raise cell.fail(cols.segment, f"'{raw}' is not a known segment; map it under [segments] in a mapping file")
    if segment is None:
        raise cell.fail(cols.segment or "segment", "no segment, and the mapping has no default_segment")
    deal = CrmDeal(cell.row, deal_id, cell.required(cols.account), segment, mapping.stage, contacts=contacts)
    if (amount := cell.get(cols.amount)) is not None and cols.amount:
        try:
            deal.amount = Decimal(amount.replace(mapping.thousands, "").replace(" ", ""))
        except InvalidOperation:
            raise cell.fail(cols.amount, f"'{amount}' is not a number; the export should hold digits only") from None
        if not deal.amount.is_finite() or deal.amount < 0:
            raise cell.fail(cols.amount, f"'{amount}' is not an amount of money")
    currency = cell.get(cols.currency) or mapping.default_currency
    if deal.amount is not None and currency is not None:
        if len(currency) != 3 or not currency.isascii() or not currency.isalpha():
            raise cell.fail(cols.currency or "currency", f"'{currency}' is not an ISO 4217 code such as USD")
        deal.currency = currency.upper()
    if (signed := cell.get(cols.signed_at)) is not None and cols.signed_at:
        deal.signed_at = _moment(signed, mapping.date_formats)
        if deal.signed_at is None:
            formats = ", ".join(mapping.date_formats)
            raise cell.fail(cols.signed_at, f"'{signed}' is not a date in any of the mapping's formats ({formats})")
    deal.rep_name, deal.rep_email = cell.get(cols.sales_rep), cell.get(cols.sales_rep_email)
    deal.timezone, deal.holidays = cell.get(cols.timezone), cell.get(cols.holidays)
    return deal


def _moment(text: str, formats: list[str]) -> date | datetime | None:
    for fmt in formats:
        try:
            parsed = datetime.strptime(text, fmt)  # noqa: DTZ007 (read in the configured timezone, as dossiers are)
        except ValueError:
            continue
        return parsed if any(d in fmt for d in ("%H", "%I")) else parsed.date()
    return None


def _contacts(cell: _Cells, mapping: Mapping) -> list[Contact]:
    spec = mapping.contacts
    if spec is None:
        return []
    columns = (spec.name, spec.email, spec.title, spec.role)
    cells = [cell.get(c) or "" for c in columns]
    split = [c.split(spec.separator) if spec.separator else [c] for c in cells]
    found = []
    for name, email, title, role in zip_longest(*split, fillvalue=""):
        if name.strip():
            crm_role = role.strip() or None
            mapped = mapping.role_of(crm_role) if crm_role else None
            found.append(Contact(name.strip(), email.strip() or None, title.strip() or None, mapped, crm_role))
    return found
