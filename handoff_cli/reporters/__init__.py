"""Every command's output formats, found as REPORTERS[command][format].

Each command's --format choices (cli/options.FORMATS) are the keys of its entry; a test keeps them equal.

A format's module is imported when it is used, so printing findings as text never loads SARIF,
the rule registry or rich tables.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Generic, TypeVar

from handoff_cli.reporters.base import Reporter

if TYPE_CHECKING:
    from handoff_cli.reporters.clocks import SlaReporter
    from handoff_cli.reporters.crm_export import WriteBackWriter
    from handoff_cli.reporters.diff import DiffWriter
    from handoff_cli.reporters.digest import DigestWriter
    from handoff_cli.reporters.history import HistoryReporter
    from handoff_cli.reporters.portfolio import CsmWriter, ReportWriter
    from handoff_cli.reporters.rules import RulesReporter

T = TypeVar("T")


class _Formats(Mapping[str, T], Generic[T]):
    """format name -> reporter function, given as "module:function" under handoff_cli.reporters."""

    def __init__(self, **where: str) -> None:
        self._where = where

    def __getitem__(self, name: str) -> T:
        module, _, function = self._where[name].partition(":")
        found: T = getattr(importlib.import_module(f"handoff_cli.reporters.{module}"), function)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


_CI = {"json": "json:report", "github": "github:report", "sarif": "sarif:report"}
FINDINGS: Mapping[str, Reporter] = _Formats(text="text:report", **_CI)
SCORES: Mapping[str, Reporter] = _Formats(text="table:report", **_CI)
# `handoff sla`: its own text and JSON (reporters/clocks.py), the CI formats beside the findings' ones
SLA: Mapping[str, SlaReporter] = _Formats(
    text="clocks:text", json="clocks:json_report", github="github:sla_report", sarif="sarif:sla_report"
)
REPORT: Mapping[str, ReportWriter] = _Formats(
    text="portfolio:text", md="portfolio:markdown", json="portfolio:json_report", html="portfolio:html_report"
)
# `report --by csm`: the same --format choices, each writing the CSM view alone
REPORT_BY_CSM: Mapping[str, CsmWriter] = _Formats(
    text="portfolio:csm_text", md="portfolio:csm_markdown", json="portfolio:csm_json", html="portfolio:csm_html"
)
HISTORY: Mapping[str, HistoryReporter] = _Formats(text="history:text", json="history:json_report")
RULES: Mapping[str, RulesReporter] = _Formats(text="rules:text", json="rules:json_report")
DIFF: Mapping[str, DiffWriter] = _Formats(text="diff:text", md="diff:markdown", json="diff:json_report")
DIGEST: Mapping[str, DigestWriter] = _Formats(
    text="digest:text", md="digest:markdown", json="digest:json_report", slack="digest:slack", teams="digest:teams",
    eml="digest:eml",
)
# `export crm`: one CSV writer; each format brings its own mapping (crm/<format>.toml's [export] table)
EXPORT_CRM: Mapping[str, WriteBackWriter] = _Formats(
    hubspot="crm_export:write_back_csv", salesforce="crm_export:write_back_csv", csv="crm_export:write_back_csv"
)

REPORTERS: Mapping[str, Mapping[str, object]] = {
    "validate": FINDINGS,
    "score": SCORES,
    "sla": SLA,
    "report": REPORT,
    "history": HISTORY,
    "rules": RULES,
    "export crm": EXPORT_CRM,
    "digest": DIGEST,
    "diff": DIFF,
}

__all__ = [
    "DIFF", "DIGEST", "EXPORT_CRM", "FINDINGS", "HISTORY", "REPORT", "REPORTERS", "REPORT_BY_CSM", "RULES", "SCORES",
    "SLA", "Reporter",
]
