"""`handoff validate` and `handoff score`: paths -> checks -> reporter -> exit code."""

from __future__ import annotations

from pathlib import Path

import typer

from handoff_cli.checks import Checker
from handoff_cli.cli.options import (
    AsOf,
    ConfigOpt,
    Explain,
    Format,
    FormatOpt,
    MinScore,
    Paths,
    console,
    moment,
    project,
)
from handoff_cli.findings import CheckResult
from handoff_cli.reporters import FINDINGS, SCORES


def _run(paths: list[Path] | None, config: Path | None, min_score: float | None, as_of: str | None) -> CheckResult:
    proj = project(config)
    checker = Checker.create(proj, as_of=moment(as_of, proj.settings.tz), min_score=min_score)
    targets = paths or [proj.root / p for p in proj.settings.paths]
    return checker.check_paths(targets)


def validate(
    paths: Paths = None,
    format: FormatOpt = Format.TEXT,
    min_score: MinScore = None,
    explain: Explain = False,
    config: ConfigOpt = None,
    as_of: AsOf = None,
) -> None:
    """Check dossiers against the schema and the completeness rules; list every problem as file:line:col.

    Exit 0 when every dossier is valid and complete enough, 1 when any has findings, 2 on a usage error.

    Examples:

      handoff validate deals/acme.yaml

      handoff validate deals/ --format json --min-score 90
    """
    result = _run(paths, config, min_score, as_of)
    FINDINGS[format](result, console(), explain=explain)
    raise typer.Exit(result.exit_code)


def score(
    paths: Paths = None,
    format: FormatOpt = Format.TEXT,
    min_score: MinScore = None,
    explain: Explain = False,
    config: ConfigOpt = None,
    as_of: AsOf = None,
) -> None:
    """Show each dossier's completeness per category (0-100) as a table; --explain lists what each gap costs.

    Exit codes as for validate: 1 when a dossier is invalid or below the minimum score.

    Examples:

      handoff score deals/acme.yaml --explain

      handoff score deals/ --format json
    """
    result = _run(paths, config, min_score, as_of)
    SCORES[format](result, console(), explain=explain)
    raise typer.Exit(result.exit_code)
