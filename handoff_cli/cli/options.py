"""Option types shared by commands, and the few things every command does first (settings, console, now).

Command modules import only this, typer and the vocabularies at start-up; each command imports
what it works with when it runs, so `handoff --help` or `validate` never load rendering or CRM code.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core

from handoff_cli.core.errors import HandoffError, InputError
from handoff_cli.core.moments import aware, zone_name
from handoff_cli.core.vocabulary import FIRST_YEAR, LAST_YEAR

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


class ReportFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    JSON = "json"
    HTML = "html"


class CrmFormat(StrEnum):
    """`export crm`: the CRM whose importer reads the file, or csv in handoff's own words."""

    HUBSPOT = "hubspot"
    SALESFORCE = "salesforce"
    CSV = "csv"


class DiffFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    JSON = "json"


class DigestFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    JSON = "json"
    SLACK = "slack"
    TEAMS = "teams"
    EML = "eml"


# command -> its --format choices: the keys of reporters.REPORTERS[command] (auto aside), which a test keeps
# equal; declared rather than built from the registry, so Typer shows them and mypy checks every use
FORMATS: dict[str, type[StrEnum]] = {
    "validate": CheckFormat, "score": CheckFormat, "sla": CheckFormat, "report": ReportFormat,
    "history": Format, "rules": Format, "export crm": CrmFormat, "digest": DigestFormat, "diff": DiffFormat,
}  # fmt: skip

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
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-j",
        min=1,
        show_default=False,
        help="Processes to read and check with; default: one per core. The output is the same whatever the number.",
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read and check every file afresh, without reading or writing the result cache (see HANDOFF_CACHE_DIR).",
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


class Verbosity(IntEnum):
    QUIET = -1  # the output and errors only: no notes, no progress bar
    NORMAL = 0
    VERBOSE = 1  # also what the run used: the settings file, how many files


_verbosity = [Verbosity.NORMAL]  # the running command's, from its --quiet or --verbose


def reset_verbosity() -> None:
    """Each command starts at normal (tests run many in one process)."""
    _verbosity[0] = Verbosity.NORMAL


def _set_verbosity(ctx: Any, param: Any, value: bool) -> None:
    if ctx.resilient_parsing:  # shell completion parses without running
        return
    if not value:
        return
    chosen = Verbosity.QUIET if param.name == "quiet" else Verbosity.VERBOSE
    if _verbosity[0] not in (Verbosity.NORMAL, chosen):
        raise typer.BadParameter("give --quiet or --verbose, not both")
    _verbosity[0] = chosen


def verbosity_options() -> list[typer.core.TyperOption]:
    """--quiet and --verbose, added to every command where the app builds it (cli/__init__.py)."""
    quiet = "Print the output and errors only: no notes on stderr, no progress bar."
    verbose = "Also say on stderr which settings file and how many files the run used."
    return [
        typer.core.TyperOption(
            param_decls=[*names], is_flag=True, default=False, expose_value=False, callback=_set_verbosity, help=text
        )
        for names, text in ((("--quiet", "-q"), quiet), (("--verbose", "-v"), verbose))
    ]


def verbosity() -> Verbosity:
    return _verbosity[0]


def note(message: str) -> None:
    """A line on stderr about the run (not a finding, not an error); --quiet drops it."""
    if verbosity() > Verbosity.QUIET:
        say(f"handoff: {message}", err=True)


def detail(message: str) -> None:
    """A line on stderr that only --verbose asks for."""
    if verbosity() >= Verbosity.VERBOSE:
        say(f"handoff: {message}", err=True)


def project(config: Path | None) -> Project:
    from handoff_cli.settings import discover

    found = discover(Path.cwd(), config)
    shown = _relative(found.source, Path.cwd()) if found.source else "built-in defaults (no handoff.toml found)"
    detail(f"settings: {shown}")
    return found


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
    """--as-of and --at values: ISO 8601, read in `tz` when they carry no offset."""
    if value is None:
        return datetime.now(tz).replace(microsecond=0)  # printed in reports: seconds are precise enough
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not an ISO 8601 date or date-time, e.g. 2026-11-23T09:00") from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise typer.BadParameter(f"'{value}': the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    return aware(parsed, tz)


def logged_at(
    value: str | None, zone: tzinfo, *, option: str, what: str, display: str, signed: datetime | None = None,
    force: bool = False,
) -> datetime:
    """When a logged event, outcome or review happened: `option`'s value (default now) in the deal's `zone`,
    checked by the one time check; a value without an offset gets a warning naming the zone it was read in."""
    from handoff_cli.edit.logged_time import check_time

    now = datetime.now(zone)
    try:
        when = moment(value, zone) if value else now.replace(microsecond=0)
    except typer.BadParameter as exc:  # one line, like every other refusal of a writer
        raise InputError(f"{option} {exc.message}", path=display) from None
    if value and datetime.fromisoformat(value).tzinfo is None:
        typer.echo(f"handoff: warning: {option} {value} has no offset; read in {zone_name(zone)}, "
                   "the deal's time zone", err=True)
    check_time(when, now=now, signed=aware(signed, zone) if signed else None, force=force, what=what,
               option=option, display=display, zone=zone)
    return when


def tell(exc: HandoffError) -> None:
    """An error as the user sees it on stderr, the same for every command: the boundary's, and `sla`'s and
    `report`'s for each file they skip (an invalid dossier's finding lines, then one line)."""
    from handoff_cli.core.printable import printable

    for line in exc.lines():  # the whole line: a message may quote a file name, and one error stays one line
        typer.echo(printable(line), err=True)


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
    from handoff_cli.core.printable import printable

    typer.echo(printable(line), err=err)


def say_skipped(lines: list[str]) -> None:
    """One line on stderr per dossier a run could not read ("path: why"); the run covered the others."""
    for line in lines:
        say(f"handoff: error: {line}; skipped", err=True)
