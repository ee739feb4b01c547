"""The columns of a CRM write-back file (`handoff export crm`): the `[export]` table of a mapping. Data, not code.

The shipped ones are the `[export]` tables of handoff_cli/crm/hubspot.toml and salesforce.toml, and of csv.toml
for a plain file; a user's MAP.toml (the one `import crm --map` reads, or a file of its own) has the same shape:

    [export]
    date_format = "%Y-%m-%d"             # how first contact and kickoff are written
    [export.columns]                     # what = the column's header; a column left out is not written
    id = "Deal ID"   score = "Handoff score"   status = "Handoff status"   csm = "CSM"
    first_contact = "First contact"   kickoff = "Kickoff"   breached_clocks = "Breached clocks"
    last_review_rating = "Handoff rating"
    [export.statuses]                    # incomplete | ready | accepted | rejected = the CRM's picklist value
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from handoff_cli.core.errors import ConfigError

EXPORT_BUILT_IN = ("hubspot", "salesforce", "csv")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExportColumns(_Strict):
    id: str = Field(min_length=1)
    score: str | None = None
    status: str | None = None
    csm: str | None = None
    first_contact: str | None = None
    kickoff: str | None = None
    breached_clocks: str | None = None
    last_review_rating: str | None = None


class ExportStatuses(_Strict):
    """Each status as the CRM's picklist holds it; by default handoff's own word."""

    incomplete: str = "incomplete"
    ready: str = "ready"
    accepted: str = "accepted"
    rejected: str = "rejected"


class ExportMapping(_Strict):
    date_format: str = "%Y-%m-%d"
    columns: ExportColumns
    statuses: ExportStatuses = Field(default_factory=ExportStatuses)

    def header(self) -> list[tuple[str, str]]:
        """(field, column) for every column written, in the order the fields are declared."""
        return [(name, column) for name, column in self.columns.model_dump().items() if column]


def load_export(fmt: str, map: Path | None) -> ExportMapping:
    """The `[export]` table of `map` when given, else of the format's shipped mapping."""
    if map is None:
        source, text = f"{fmt} mapping", files("handoff_cli.crm").joinpath(f"{fmt}.toml").read_text(encoding="utf-8")
    else:
        if not map.is_file():
            raise ConfigError("--map: no such mapping file", path=map)
        source, text = str(map), map.read_text(encoding="utf-8")
    try:
        table = tomllib.loads(text).get("export")
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=source) from None
    if not isinstance(table, dict):
        raise ConfigError("has no [export] table: name the write-back columns under [export.columns]", path=source)
    try:
        return ExportMapping.model_validate(table)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(["export", *(str(p) for p in err["loc"])])
        raise ConfigError(f"{where}: {err['msg']}", path=source) from None
