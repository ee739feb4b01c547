"""A CRM export read through a mapping into deals; any bad cell stops the import before anything is written.

Every complaint names the file, the line the row starts on and the column. Rows that share a deal id are one
deal (their contacts are added up; the first row's other values count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from itertools import zip_longest
from pathlib import Path

from babel import Locale

from handoff_cli.core.errors import InputError
from handoff_cli.crm.export_file import Export, read_export
from handoff_cli.crm.locale_values import DEFAULT_LOCALE, country_code, number_locale, parse_amount
from handoff_cli.crm.mapping import Mapping
from handoff_cli.model.common import Segment, Stage
from handoff_cli.model.stakeholders import Role
from handoff_cli.render.environment import comment_text

_HOLIDAY_CODE = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?")
# HubSpot lists a deal's associated contacts as "Name (email);Name (email)"
_NAME_AND_EMAIL = re.compile(r"(?P<name>.*\S)\s*\((?P<email>[^()\s]+@[^()\s]+)\)")


@dataclass(frozen=True, slots=True)
class Reading:
    """How to read the export: what the command line says, where the mapping does not."""

    encoding: str | None = None
    locale: str | None = None
    segment: Segment | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    email: str | None = None
    title: str | None = None
    role: Role | None = None  # None: the CRM named no role, or one the mapping does not know
    crm_role: str | None = None


@dataclass(slots=True)
class CrmDeal:
    line: int
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


def read_deals(path: Path, mapping: Mapping, reading: Reading) -> list[CrmDeal]:
    display = str(path)
    if reading.locale:
        locale = number_locale(reading.locale, source="--locale")
    else:
        locale = number_locale(mapping.locale or DEFAULT_LOCALE, source=f"{mapping.crm} mapping: locale")
    export = read_export(path, encoding=reading.encoding, key_columns=mapping.names("id"))
    columns = _columns(export, mapping, display)
    if "segment" not in columns and (reading.segment or mapping.default_segment) is None:
        column = next((f"column '{name}'" for name in mapping.names("segment")), "segment column")
        raise InputError(
            f"no {column} and no --segment: pass the deals' segment (enterprise, mid-market, smb or strategic); "
            "nothing was written",
            path=display,
            line=export.header_line,
        )
    deals: dict[str, CrmDeal] = {}
    for row in export.rows:
        cell = _Cells(row.cells, columns, row.line, display)
        deal_id = cell.required("id")
        contacts = _contacts(cell, mapping)
        if deal_id in deals:
            deals[deal_id].contacts.extend(c for c in contacts if c not in deals[deal_id].contacts)
        else:
            deals[deal_id] = _deal(cell, deal_id, mapping, reading, locale, contacts)
    return list(deals.values())


def _columns(export: Export, mapping: Mapping, display: str) -> dict[str, str]:
    columns, missing = mapping.locate(export.header)
    if missing:
        names = " or ".join(f"'{name}'" for name in missing[0])
        raise InputError(
            f"the header has no column {names}, which the {mapping.crm} mapping reads "
            f"(the cells read as separated by {export.separator}); nothing was written",
            path=display,
            line=export.header_line,
        )
    return columns


class _Cells:
    """One row of the export; every complaint names the file, the line and the column."""

    def __init__(self, cells: dict[str, str], columns: dict[str, str], line: int, display: str) -> None:
        self.cells, self.columns, self.line, self.display = cells, columns, line, display

    def get(self, field: str) -> str | None:
        column = self.columns.get(field)
        value = (self.cells.get(column) or "").strip() if column else ""
        return value or None

    def fail(self, field: str, message: str) -> InputError:
        # the message quotes the export's cells: one line, no control characters, whatever they hold
        said = comment_text(f"column '{self.columns.get(field, field)}': {message}")
        return InputError(f"{said}; nothing was written", path=self.display, line=self.line)

    def required(self, field: str) -> str:
        value = self.get(field)
        if value is None:
            raise self.fail(field, "is empty, but every deal needs it")
        return value


def _deal(
    cell: _Cells, deal_id: str, mapping: Mapping, reading: Reading, locale: Locale, contacts: list[Contact]
) -> CrmDeal:
    segment = reading.segment or mapping.default_segment
    if (raw := cell.get("segment")) is not None:
        segment = mapping.segment_of(raw)
        if segment is None:
            raise cell.fail("segment", f"'{raw}' is not a known segment; map it under [segments] in a mapping file")
    if segment is None:
        raise cell.fail("segment", "is empty; pass --segment for the deals without one")
    deal = CrmDeal(cell.line, deal_id, cell.required("account"), segment, mapping.stage, contacts=contacts)
    if (amount := cell.get("amount")) is not None:
        try:
            deal.amount = parse_amount(amount, locale)
        except ValueError as exc:
            raise cell.fail("amount", f"'{amount}' {exc}; pass --locale if the export writes them otherwise") from None
        if not deal.amount.is_finite() or deal.amount < 0:
            raise cell.fail("amount", f"'{amount}' is not an amount of money")
    currency = cell.get("currency") or mapping.default_currency
    if deal.amount is not None and currency is not None:
        if len(currency) != 3 or not currency.isascii() or not currency.isalpha():
            raise cell.fail("currency", f"'{currency}' is not an ISO 4217 code such as USD")
        deal.currency = currency.upper()
    if (signed := cell.get("signed_at")) is not None:
        deal.signed_at = _moment(signed, mapping.date_formats)
        if deal.signed_at is None:
            formats = ", ".join(mapping.date_formats)
            raise cell.fail("signed_at", f"'{signed}' is not a date in any of the mapping's formats ({formats})")
    deal.rep_name, deal.rep_email = cell.get("sales_rep"), cell.get("sales_rep_email")
    deal.timezone, deal.holidays = cell.get("timezone"), _holidays(cell, locale)
    return deal


def _holidays(cell: _Cells, locale: Locale) -> str | None:
    """A holiday code as it is (DE, US-NY), or a country's name as a CRM's country picklist writes it."""
    value = cell.get("holidays")
    if value is None or _HOLIDAY_CODE.fullmatch(value):
        return value
    if (code := country_code(value, locale)) is None:
        raise cell.fail("holidays", f"'{value}' is not a country name CLDR knows; write its code, such as DE or US-NY")
    return code


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
    cells = [cell.get(f"contacts.{key}") or "" for key in ("name", "email", "title", "role")]
    split = [c.split(spec.separator) if spec.separator else [c] for c in cells]
    found = []
    for name, email, title, role in zip_longest(*split, fillvalue=""):
        name, email = name.strip(), email.strip()
        if not email and (both := _NAME_AND_EMAIL.fullmatch(name)):
            name, email = both["name"], both["email"]
        if name:
            crm_role = role.strip() or None
            mapped = mapping.role_of(crm_role) if crm_role else None
            found.append(Contact(name, email or None, title.strip() or None, mapped, crm_role))
    return found
