"""`handoff history`: a dossier's completeness score at every commit that touched it."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from handoff_cli.cli.options import AsOf, ConfigOpt, Format, FormatOpt, console, moment, project, say
from handoff_cli.core.errors import HandoffError

if TYPE_CHECKING:
    from handoff_cli.gate.checks import Checker


def history(
    path: Annotated[Path, typer.Argument(metavar="DEAL.yaml", help="The dossier, in a git repository.")],
    format: FormatOpt = Format.TEXT,
    as_of: AsOf = None,
    config: ConfigOpt = None,
) -> None:
    """Show a dossier's completeness at each commit that touched it, newest first, following renames (not copies).

    Each row: the commit, its date and author, the score, the minimum, pass or fail, the change since the one before.

    Every version is scored with today's rules and settings, so a change in the score is a change in the dossier.

    Exit 0; exit 1 when the newest committed version is not a valid dossier (its findings on stderr).

    Exit 2 outside a git repository or for a file no commit touches.

    Examples:

      handoff history deals/acme.yaml

      handoff history deals/acme.yaml --format json
    """
    from handoff_cli.gate.checks import Checker
    from handoff_cli.gate.score_history import history as scored
    from handoff_cli.repo.git_history import shallow
    from handoff_cli.reporters import HISTORY

    proj = project(config)
    when = moment(as_of, proj.settings.tz)
    checker = Checker.create(proj, as_of=when)
    points = scored(path, checker)
    cut = shallow(path.resolve().parent)
    HISTORY[format](points, console(), path=str(path), as_of=when.isoformat(), shallow=cut, zone=_zone(path, checker))
    if cut and points:
        say(
            f"handoff: warning: this clone is shallow: commits before {points[-1].version.short} are not in it, "
            "so the history may start later than the file did; `git fetch --unshallow` fetches them",
            err=True,
        )
    if points and not points[0].result.valid:  # said like any invalid dossier: its findings, then one line
        from handoff_cli.core.errors import DossierInvalid
        from handoff_cli.core.findings import Severity

        newest = points[0].result
        errors = [f for f in newest.findings if f.severity is Severity.ERROR]
        raise DossierInvalid(path, errors, repeats=proj.settings.repeats)


def _zone(path: Path, checker: Checker) -> tzinfo:
    """The deal's zone as the file names it now (else the repo's): the commit dates are said on its clock."""
    if not path.is_file():
        return checker.ctx.tz
    try:
        return checker.inspect(path).zone
    except HandoffError:  # unreadable now: its history was still read from git
        return checker.ctx.tz
