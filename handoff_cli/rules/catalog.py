"""Every finding code handoff can report: the rules, then the non-rule codes of core/codes.py.

`handoff rules --all`, SARIF's rule metadata, the generated reference pages and the registry test read
this one join, so a code listed in one of them is listed in all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from handoff_cli.core.codes import CODES
from handoff_cli.core.findings import Severity
from handoff_cli.rules import RULES


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    name: str
    summary: str  # one line: a rule's first docstring line, else why
    why: str
    severity: Severity | None  # None for a rule: the segment's policy decides (must = error, else warning)

    @property
    def is_rule(self) -> bool:
        return self.severity is None


@cache
def all_codes() -> Mapping[str, Entry]:
    """Code -> entry, rules first in category order, then the non-rule codes by family."""
    rules = (Entry(r.code, r.name, r.summary, r.why, None) for r in RULES)
    others = (Entry(c.code, c.name, c.why, c.why, c.severity) for c in CODES.values())
    return {e.code: e for e in (*rules, *others)}
