"""Errors that stop a command. Each prints as one line and exits 2, except an invalid dossier, which prints
its findings and exits 1 (the file's problem, not the call's); findings are not errors."""

from __future__ import annotations

from pathlib import Path

from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.core.findings import DEFAULT_REPEATS, Finding, capped


class HandoffError(Exception):
    """A problem with how the tool was called or what it was pointed at."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(
        self, message: str, *, path: Path | str | None = None, line: int | None = None, col: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            at = f"{self.line}:{self.col}:" if self.line and self.col else f"{self.line}:" if self.line else ""
            where = f"{self.path}:{at} "
        return where + self.message

    def lines(self) -> list[str]:
        """What the user sees on stderr: printed by the boundary, and by `sla` and `report` for a file they skip."""
        return [f"handoff: error: {self}"]


class ConfigError(HandoffError):
    """handoff.toml (or [tool.handoff]) is unreadable or holds an unknown or ill-typed setting."""


class InputError(HandoffError):
    """A path that does not exist, cannot be read, or holds no dossier."""


class WriteError(HandoffError):
    """A file could not be written, or would be overwritten without --force."""


class DossierInvalid(HandoffError):
    """The file is not a valid dossier; `findings` (its errors) say why."""

    exit_code = ExitCode.FINDINGS

    def __init__(self, path: Path | str, findings: list[Finding], *, repeats: int = DEFAULT_REPEATS) -> None:
        super().__init__(f"not a valid dossier ({len(findings)} problem(s)); run `handoff validate {path}`", path=path)
        self.findings = findings
        self.repeats = repeats  # `repeats` in handoff.toml, as for validate's text report

    def lines(self) -> list[str]:
        # the first of each code and a count of the rest, as text reports show them (core/findings.py)
        shown = capped(self.findings, self.repeats)
        return [*(f if isinstance(f, str) else f.text() for f in shown), *super().lines()]
