"""What reading YAML gives back: the data with its positions, or findings under the HY codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.positions import Positions

# code -> (name, why); listed by `handoff rules --all` and in the README's error table
LOAD_CODES: dict[str, tuple[str, str]] = {
    "HY001": ("yaml-syntax", "the file must be YAML before anything in it can be checked"),
    "HY002": ("encoding", "dossiers are UTF-8 text, so every tool reads the same thing"),
    "HY003": ("duplicate-key", "with a key written twice, one of the answers is silently thrown away"),
    "HY004": ("anchor-alias", "anchors and aliases hide where a value comes from and can blow up a file's size"),
    "HY005": (
        "forbidden-tag",
        "tags can ask a YAML loader to build objects; a dossier holds only text, numbers and dates",
    ),
    "HY006": ("merge-key", "merge keys (<<) copy values invisibly from elsewhere in the file"),
    "HY007": ("empty-file", "an empty dossier tells the CSM nothing"),
    "HY008": ("not-a-mapping", "a dossier is a mapping of sections (schema:, deal:, customer:, …)"),
    "HY009": ("several-documents", "one file holds one deal's dossier"),
    "HY010": ("file-too-large", "a dossier is a few hundred lines; a huge file is a mistake or an attack"),
    "HY011": ("too-deep", "no dossier field nests this deeply; deep nesting is a mistake or an attack"),
    "HY012": ("complex-key", "keys are plain names such as `deal` or `why_now`"),
    "HY013": ("yaml-version", "YAML 1.1 reads NO, on and 0123 differently; a dossier means one thing to every tool"),
    "HY014": (
        "comment-spacing",
        "`#` after one space starts a comment, so `Main St #1` silently loses `#1`; two spaces show it is meant",
    ),
}


@dataclass(frozen=True, slots=True)
class Loaded:
    data: Any
    positions: Positions
    warnings: tuple[Finding, ...] = ()  # what reads fine but may not mean what was meant (HY014)


def finding(
    display: str, code: str, line: int, col: int, message: str, severity: Severity = Severity.ERROR
) -> Finding:
    name, why = LOAD_CODES[code]
    return Finding(code, name, severity, display, line, col, "", message, why)
