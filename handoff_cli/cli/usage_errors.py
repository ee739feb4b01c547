"""A usage error as the one line every other error is: `handoff: error: ...`, with a did-you-mean for choices.

Typer would otherwise draw a six-line box with the usage and a help hint; a one-line message is what
editors, pre-commit and CI logs show well, and what a user can read at a glance.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import typer


def one_line(exc: typer.TyperException, args: Sequence[str]) -> str:
    message = " ".join(exc.format_message().split())
    hint = _did_you_mean(exc, args)
    return f"handoff: error: {message.rstrip('.') if hint else message}{hint}"


def suggest(value: str, choices: Sequence[str]) -> str | None:
    """The choice meant by `value`: same letters and digits in any case (SMB, midmarket), else a close spelling."""

    def squash(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    for choice in choices:
        if squash(choice) == squash(value):
            return choice
    close = difflib.get_close_matches(value.casefold(), [c.casefold() for c in choices], n=1, cutoff=0.6)
    return next((c for c in choices if close and c.casefold() == close[0]), None)


def _did_you_mean(exc: typer.TyperException, args: Sequence[str]) -> str:
    param = getattr(exc, "param", None)
    choices = getattr(getattr(param, "type", None), "choices", None)
    if not isinstance(exc, typer.BadParameter) or param is None or not choices:
        return ""
    names = [str(c) for c in choices]
    for value in _given(list(getattr(param, "opts", [])), list(args)):
        if value not in names and (meant := suggest(value, names)):
            return f"; did you mean '{meant}'?"
    return ""


def _given(opts: list[str], args: list[str]) -> list[str]:
    """What the user typed for an option (`--segment X`, `--segment=X`); for an argument, every word."""
    if not any(opt.startswith("-") for opt in opts):
        return [a for a in args if not a.startswith("-")]
    values = []
    for i, arg in enumerate(args):
        for opt in opts:
            if arg == opt and i + 1 < len(args):
                values.append(args[i + 1])
            elif arg.startswith(f"{opt}="):
                values.append(arg[len(opt) + 1 :])
    return values
