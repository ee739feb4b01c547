"""The three ways a command ends, the same for every command (README: exit codes)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # the files have problems: invalid, below the minimum score, a clock breached
    USAGE = 2  # the call is wrong or its input unreadable: nothing was checked
