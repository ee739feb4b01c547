"""A CRM mapping: which CSV column holds which dossier field, and how CRM values translate. Data, not code.

The shipped mappings are handoff_cli/crm/<name>.toml; a user's MAP.toml has the same shape:

    crm = "Pipedrive"                    # named in messages
    stage = "closed-won"                 # the stage imported dossiers get
    date_formats = ["%Y-%m-%d"]          # strptime formats tried in order for signed_at
    default_currency = "EUR"             # when there is no currency column or its cell is empty
    locale = "de_DE"                     # how amounts are written (150.000,00); --locale overrides it
    optional = ["segment"]               # columns the export may lack; every other one must be there
    [columns]                            # dossier field = CSV header, or a list of the names it goes by
    id = "Deal ID"   account = ["Organization", "Company"]   segment = "Tier"   amount = "Value"
    currency = "Currency"   signed_at = "Won time"   sales_rep = "Owner"   sales_rep_email = "Owner email"
    timezone = "Time zone"   holidays = "Holiday calendar"   # optional: the deal's own region
    kind = "Type"                                            # optional: new | expansion | renewal, via [kinds]
    [contacts]                           # optional; with `separator` one cell lists several contacts
    name = "Person"   email = "Email"   title = "Job title"   role = "Role"   separator = ";"
    [segments]                           # CRM value (any case) = enterprise | mid-market | smb | strategic
    [roles]                              # CRM value (any case) = champion | economic-buyer | ...
    [kinds]                              # with columns.kind: CRM value (any case) = new | expansion | renewal
    [export]                             # optional: the write-back file's columns (crm/export_mapping.py)

Rows that share an id are one deal (a Salesforce contact-role report has a row per contact).
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from handoff_cli.core.errors import ConfigError
from handoff_cli.core.vocabulary import DealKind
from handoff_cli.crm.export_mapping import ExportMapping
from handoff_cli.model.common import Segment, Stage
from handoff_cli.model.stakeholders import Role

BUILT_IN = ("hubspot", "salesforce")

# a column's header, or the names it goes by in different exports: the first one the export has counts
Header = str | Annotated[list[str], Field(min_length=1)]
MayLack = Literal[
    "segment", "amount", "currency", "signed_at", "sales_rep", "sales_rep_email", "timezone", "holidays", "kind",
    "contacts.name", "contacts.email", "contacts.title", "contacts.role",
]  # fmt: skip


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Columns(_Strict):
    id: Header
    account: Header
    segment: Header | None = None
    amount: Header | None = None
    currency: Header | None = None
    signed_at: Header | None = None
    sales_rep: Header | None = None
    sales_rep_email: Header | None = None
    timezone: Header | None = None  # the deal's IANA time zone, when the CRM keeps one per deal
    holidays: Header | None = None  # the deal's holiday calendar: DE, US-NY, GB-SCT
    kind: Header | None = None  # new business, expansion or renewal (Salesforce's Type, HubSpot's Deal Type)


class Contacts(_Strict):
    name: Header
    email: Header | None = None
    title: Header | None = None
    role: Header | None = None
    separator: str | None = None


class Mapping(_Strict):
    crm: str
    stage: Stage = Stage.CLOSED_WON
    date_formats: list[str] = Field(default_factory=lambda: ["%Y-%m-%d"])
    default_currency: str | None = None
    default_segment: Segment | None = None
    locale: str | None = None
    optional: list[MayLack] = Field(default_factory=list)
    columns: Columns
    contacts: Contacts | None = None
    segments: dict[str, Segment] = Field(default_factory=dict)
    roles: dict[str, Role] = Field(default_factory=dict)
    kinds: dict[str, DealKind] = Field(default_factory=dict)
    export: ExportMapping | None = None  # the write-back columns (`export crm`); the import does not read them

    def segment_of(self, value: str) -> Segment | None:
        # CRM picklists differ only in case and spacing from ours more often than not
        wanted = " ".join(value.split()).casefold()
        found = {" ".join(k.split()).casefold(): v for k, v in self.segments.items()}.get(wanted)
        return found or next((s for s in Segment if s.value == wanted), None)

    def kind_of(self, value: str) -> DealKind | None:
        wanted = " ".join(value.split()).casefold()
        found = {" ".join(k.split()).casefold(): v for k, v in self.kinds.items()}.get(wanted)
        return found or next((k for k in DealKind if k.value == wanted), None)

    def role_of(self, value: str) -> Role | None:
        wanted = " ".join(value.split()).casefold()
        found = {" ".join(k.split()).casefold(): v for k, v in self.roles.items()}.get(wanted)
        return found or next((r for r in Role if r.value == wanted), None)

    def names(self, field: str) -> list[str]:
        """The headers a [columns] field goes by."""
        names = getattr(self.columns, field)
        return [names] if isinstance(names, str) else list(names or [])

    def locate(self, header: list[str]) -> tuple[dict[str, str], list[list[str]]]:
        """field -> the export's column for it ("contacts.email" for a contact's), and the names of each
        column that must be there and is not."""
        wanted = {k: v for k, v in self.columns.model_dump().items() if v}
        if self.contacts:
            wanted |= {f"contacts.{k}": v for k, v in self.contacts.model_dump().items() if v and k != "separator"}
        found: dict[str, str] = {}
        missing: list[list[str]] = []
        for field, names in wanted.items():
            names = [names] if isinstance(names, str) else names
            column = next((name for name in names if name in header), None)
            if column is not None:
                found[field] = column
            elif field not in self.optional:
                missing.append(names)
        return found, missing


def load_mapping(spec: str) -> Mapping:
    """`hubspot`, `salesforce`, or the path of a MAP.toml."""
    if spec.lower() in BUILT_IN:
        source, text = f"{spec.lower()} mapping", files("handoff_cli.crm").joinpath(f"{spec.lower()}.toml").read_text()
    else:
        path = Path(spec)
        if not path.is_file():
            raise ConfigError(f"--map {spec}: neither {' nor '.join(BUILT_IN)} nor a mapping file that exists")
        source, text = spec, path.read_text(encoding="utf-8")
    try:
        return Mapping.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=source) from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"{where}: {err['msg']}", path=source) from None
