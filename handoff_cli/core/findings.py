"""What a check found: plain data that every reporter renders, never printed here."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from handoff_cli.core.exit_codes import ExitCode


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
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.name}: {self.message}"


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


@dataclass(slots=True)
class CheckResult:
    files: list[FileResult] = field(default_factory=list)

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.OK if all(f.passed for f in self.files) else ExitCode.FINDINGS
