"""Option types shared by commands, and the few things every command does first (settings, console, now).

Command modules import only this, typer and the vocabularies at start-up; each command imports
what it works with when it runs, so `handoff --help` or `validate` never load rendering or CRM code.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from handoff_cli.dossier.vocabulary import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:
    from rich.console import Console

    from handoff_cli.settings import Project


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"


class CheckFormat(StrEnum):
    """The formats of commands that report problems (validate, score, sla): also CI annotations and SARIF."""

    AUTO = "auto"
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"

    def resolve(self) -> str:
        # auto: annotations when running as a GitHub Actions step (the runner sets GITHUB_ACTIONS=true)
        if self is CheckFormat.AUTO:
            return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
        return self.value


Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Dossier files or folders (searched for *.yaml, *.yml). Default: `paths` from handoff.toml.",
        show_default=False,
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output: text for people, json for scripts.")]
CheckFormatOpt = Annotated[
    CheckFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output: text for people, json for scripts, github for Actions annotations, sarif for code scanning; "
        "auto is github under GitHub Actions, else text.",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="Settings file to use instead of the nearest handoff.toml.", show_default=False
    ),
]
MinScore = Annotated[
    float | None,
    typer.Option(
        "--min-score",
        min=0,
        max=100,
        show_default=False,
        help="Completeness a dossier needs, 0-100; overrides handoff.toml (default 95).",
    ),
]
OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.", show_default=False)
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Let --out replace an existing file.")]
Explain = Annotated[bool, typer.Option("--explain", "-e", help="Say why each finding matters.")]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATETIME",
        show_default=False,
        help="Check as if it were this moment (ISO 8601, e.g. 2026-11-23T09:00); default: now.",
    ),
]


def project(config: Path | None) -> Project:
    from handoff_cli.settings import discover

    return discover(Path.cwd(), config)


def dossier_paths(paths: list[Path] | None, proj: Project) -> list[Path]:
    """The paths given, else handoff.toml's `paths` named from the current folder: output never shows an
    absolute path the user did not type."""
    if paths:
        return paths
    here = Path.cwd()
    return [_relative(proj.root / p, here) for p in proj.settings.paths]


def _relative(path: Path, here: Path) -> Path:
    try:
        return Path(os.path.relpath(path, here))
    except ValueError:  # another drive on Windows: no relative name exists
        return path


def moment(value: str | None, tz: tzinfo) -> datetime:
    """--as-of and --at values: ISO 8601, read in the configured timezone when they carry no offset."""
    if value is None:
        return datetime.now(tz).replace(microsecond=0)  # printed in reports: seconds are precise enough
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not an ISO 8601 date or date-time, e.g. 2026-11-23T09:00") from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise typer.BadParameter(f"'{value}': the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def no_color() -> bool:
    """NO_COLOR set and not empty (no-color.org): no styling at all, bold and italic included."""
    return bool(os.environ.get("NO_COLOR"))


def console() -> Console:
    """stdout; unstyled when it is not a terminal or NO_COLOR is set, and never wraps lines."""
    from rich.console import Console

    # rich's own NO_COLOR handling drops colours but keeps bold, dim and italic; no colour system drops all
    return Console(highlight=False, soft_wrap=True, color_system=None if no_color() else "auto")


def say(line: str, *, err: bool = False) -> None:
    """One line for the user (what was written, a warning): a file name in it is shown escaped, so it
    stays one line and cannot restyle the terminal."""
    from handoff_cli.printable import printable

    typer.echo(printable(line), err=err)


def say_skipped(lines: list[str]) -> None:
    """One line on stderr per dossier a run could not read ("path: why"); the run covered the others."""
    for line in lines:
        say(f"handoff: error: {line}; skipped", err=True)
