"""What a check found: plain data that every reporter renders, never printed here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.core.printable import printable

# findings of one code a text report shows per file (`repeats` in handoff.toml); JSON and SARIF keep all
DEFAULT_REPEATS = 20


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    path: str
    line: int
    col: int
    field: str
    message: str
    why: str = ""
    points: float = 0.0

    def text(self) -> str:
        # the severity word after the position, as gcc writes it: without colour an error and a warning
        # still read differently, and editors' gcc problem matchers pick the lines up as they are
        return (
            f"{printable(self.path)}:{self.line}:{self.col}: {self.severity}: "
            f"{self.code} {self.name}: {printable(self.message)}"
        )


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: str
    earned: float
    possible: float

    @property
    def percent(self) -> float:
        return 100.0 if self.possible == 0 else round(100.0 * self.earned / self.possible, 1)


@dataclass(frozen=True, slots=True)
class Score:
    categories: tuple[CategoryScore, ...]

    @property
    def earned(self) -> float:
        return sum(c.earned for c in self.categories)

    @property
    def possible(self) -> float:
        return sum(c.possible for c in self.categories)

    @property
    def percent(self) -> float:
        return 100.0 if self.possible == 0 else round(100.0 * self.earned / self.possible, 1)


@dataclass(frozen=True, slots=True)
class Waived:
    """A rule switched off for one dossier by a waiver in force."""

    code: str
    name: str
    reason: str
    approved_by: str
    expires: str


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    score: Score | None = None
    min_score: float = 0.0
    deal_id: str | None = None
    segment: str | None = None
    stage: str | None = None
    waived: list[Waived] = field(default_factory=list)
    signed_at: str | None = None  # the deal's signature, ISO 8601 with its offset: change control starts there

    @property
    def valid(self) -> bool:
        """Loaded and matched the schema; completeness aside."""
        return self.score is not None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def passed(self) -> bool:
        return not self.errors


def capped(findings: Iterable[Finding], limit: int) -> Iterator[Finding | str]:
    """The first `limit` findings of each code, in order, then one line per code counting the rest: ten thousand
    stakeholders without an email are twenty lines and a count, not twenty thousand lines."""
    seen: Counter[str] = Counter()
    path = ""
    for finding in findings:
        seen[finding.code] += 1
        path = finding.path
        if seen[finding.code] <= limit:
            yield finding
    for code, count in seen.items():
        if count > limit:
            yield f"{printable(path)}: … and {count - limit:,} more {code} in this file"


@dataclass(slots=True)
class CheckResult:
    # a list, or a run's results read back one at a time from disk (engine/result_store.py)
    files: Sequence[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "path: why" of each file that could not be read
    repeats: int = DEFAULT_REPEATS  # what a text report shows of one code per file (see capped)

    @property
    def ok(self) -> int:
        """How many files passed; a store of results knows without reading them again."""
        known = getattr(self.files, "ok", None)
        return known if isinstance(known, int) else sum(f.passed for f in self.files)

    @property
    def exit_code(self) -> ExitCode:
        if self.skipped:  # a file that could not be read is unreadable input, as a missing one is
            return ExitCode.USAGE
        return ExitCode.OK if self.ok == len(self.files) else ExitCode.FINDINGS
