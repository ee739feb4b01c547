"""Errors that stop a command. Each prints as one line and exits 2; findings are not errors."""

from __future__ import annotations

from pathlib import Path

USAGE_EXIT = 2


class HandoffError(Exception):
    """A problem with how the tool was called or what it was pointed at."""

    exit_code = USAGE_EXIT

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


class ConfigError(HandoffError):
    """handoff.toml (or [tool.handoff]) is unreadable or holds an unknown or ill-typed setting."""


class InputError(HandoffError):
    """A path that does not exist, cannot be read, or holds no dossier."""


class WriteError(HandoffError):
    """A file could not be written, or would be overwritten without --force."""
