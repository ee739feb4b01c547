"""`handoff history`: a dossier's completeness score at every commit that touched it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import AsOf, ConfigOpt, Format, FormatOpt, console, moment, project, say


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
    points = scored(path, Checker.create(proj, as_of=when))
    cut = shallow(path.resolve().parent)
    HISTORY[format](points, console(), path=str(path), as_of=when.isoformat(), shallow=cut)
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
