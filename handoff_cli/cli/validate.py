"""`handoff validate` and `handoff score`: paths -> checks -> reporter -> exit code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from handoff_cli.cli.options import (
    AsOf,
    CheckFormat,
    CheckFormatOpt,
    ConfigOpt,
    Explain,
    MinScore,
    NoCacheOpt,
    Paths,
    WorkersOpt,
    console,
    detail,
    dossier_paths,
    moment,
    note,
    project,
    say_skipped,
)
from handoff_cli.cli.stdin_args import StdinNameOpt, reads_stdin
from handoff_cli.core.errors import HandoffError

if TYPE_CHECKING:

    from handoff_cli.core.findings import CheckResult
    from handoff_cli.settings import Project

ChangedOpt = Annotated[
    bool,
    typer.Option(
        "--changed",
        help="Check only the dossiers added, modified or untracked since --base (deleted ones are skipped).",
    ),
]
BaseOpt = Annotated[
    str | None,
    typer.Option(
        "--base",
        metavar="REF",
        show_default=False,
        help="With --changed or --no-regress: the git ref to compare with; default the merge base with "
        "origin/HEAD, main or master.",
    ),
]
NoRegressOpt = Annotated[
    bool,
    typer.Option(
        "--no-regress",
        help="Fail (HR001) when a dossier scores lower than the same file at --base; new files are not regressions.",
    ),
]

ChangeControlOpt = Annotated[
    bool | None,
    typer.Option(
        "--change-control/--no-change-control",
        show_default=False,
        help="Warn (HC001) for each commitment added, removed, re-dated or re-scoped in a commit after signature "
        "(read from git); default: the change_control setting, on.",
    ),
]

def _stdin(paths: list[Path] | None, name: str | None, *, changed: bool = False, no_regress: bool = False) -> bool:
    """Whether the dossier comes from stdin; '-' stands alone, as in ruff and eslint."""
    alone = "no other path, --changed or --no-regress"
    dash = reads_stdin(paths, name, alone=alone)
    if dash and (changed or no_regress):
        raise HandoffError(f"'-' reads one dossier from stdin; it goes with {alone}")
    return dash


def _run(
    paths: list[Path] | None,
    config: Path | None,
    min_score: float | None,
    as_of: str | None,
    *,
    changed: bool = False,
    base: str | None = None,
    workers: int | None = None,
    no_cache: bool = False,
    stdin_name: str | None = None,
    no_regress: bool = False,
) -> tuple[CheckResult, Project]:
    """The run's results, and the settings it ran with (read once: a one-file hook opens one settings file)."""
    from handoff_cli.cli.progress import indexing, progress
    from handoff_cli.engine.runner import Plan, check_all, default_workers
    from handoff_cli.repo.files import expand_names
    from handoff_cli.repo.git_changed import changed_dossiers
    from handoff_cli.repo.repo_dossiers import repo_dossiers

    proj = project(config)
    if _stdin(paths, stdin_name, changed=changed, no_regress=no_regress):
        from handoff_cli.engine.stdin_input import check_stdin

        when = moment(as_of, proj.settings.tz)
        checked = check_stdin(Plan(proj, when, min_score, 1, cache=False), stdin_name)
        checked.repeats = proj.settings.repeats
        return checked, proj
    targets = dossier_paths(paths, proj)
    if changed:
        found = changed_dossiers(targets, Path.cwd().resolve(), base)
        if not found.files:
            # on stderr, so that --format json/sarif still print a valid (empty) document on stdout
            note(f"no changed dossiers since {found.base}; nothing to check")
        names = [str(p) for p in found.files]
    else:
        names = expand_names(targets)
    when = moment(as_of, proj.settings.tz)
    plan = Plan(proj, when, min_score, workers or default_workers(), cache=not no_cache)
    detail(f"checking {len(names)} dossier{'s' * (len(names) != 1)}")
    with progress(len(names)) as advance:
        result = check_all(names, plan, advance, repo_dossiers(proj, names), indexing)
    result.repeats = proj.settings.repeats
    return result, proj


def validate(
    paths: Paths = None,
    format: CheckFormatOpt = CheckFormat.TEXT,
    min_score: MinScore = None,
    explain: Explain = False,
    config: ConfigOpt = None,
    as_of: AsOf = None,
    changed: ChangedOpt = False,
    base: BaseOpt = None,
    workers: WorkersOpt = None,
    no_cache: NoCacheOpt = False,
    no_regress: NoRegressOpt = False,
    change_control: ChangeControlOpt = None,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """Check dossiers against the schema and the completeness rules; list every problem as file:line:col.

    Exit 0 when every dossier is valid and complete enough, 1 when any has findings, 2 on a usage error.

    A dossier that cannot be read is skipped with one line on stderr, the others are checked, and the exit is 2.

    Examples:

      handoff validate deals/acme.yaml

      handoff validate deals/ --format json --min-score 90

      handoff validate deals/ --changed --base origin/main --format github

      handoff validate deals/ --no-regress --base origin/main

      handoff validate deals/ --no-change-control

      handoff validate - --stdin-filename deals/acme.yaml < deals/acme.yaml
    """
    from handoff_cli.reporters import FINDINGS

    out = console()
    result, proj = _run(
        paths, config, min_score, as_of,
        changed=changed, base=base, workers=workers, no_cache=no_cache,
        stdin_name=stdin_filename, no_regress=no_regress,
    )  # fmt: skip
    if no_regress:
        from handoff_cli.gate.no_regress import add_regressions

        result.files = list(result.files)  # HR001 is added to the results themselves, so they are held
        add_regressions(result, proj, as_of=moment(as_of, proj.settings.tz), min_score=min_score, base=base)
    if proj.settings.change_control if change_control is None else change_control:
        from handoff_cli.engine.change_findings import add_changes

        if not _stdin(paths, stdin_filename):  # text from stdin is not the file whose commits git holds
            add_changes(result, proj)
    FINDINGS[format.resolve()](result, out, explain=explain)
    say_skipped(result.skipped)
    raise typer.Exit(result.exit_code)


def score(
    paths: Paths = None,
    format: CheckFormatOpt = CheckFormat.TEXT,
    min_score: MinScore = None,
    explain: Explain = False,
    config: ConfigOpt = None,
    as_of: AsOf = None,
    workers: WorkersOpt = None,
    no_cache: NoCacheOpt = False,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """Show each dossier's completeness per category (0-100) as a table; --explain lists what each gap costs.

    Exit codes as for validate: 1 when a dossier is invalid or below the minimum score.

    Examples:

      handoff score deals/acme.yaml --explain

      handoff score deals/ --format json
    """
    from handoff_cli.reporters import SCORES

    out = console()
    result, _ = _run(paths, config, min_score, as_of, workers=workers, no_cache=no_cache, stdin_name=stdin_filename)
    SCORES[format.resolve()](result, out, explain=explain)
    say_skipped(result.skipped)
    raise typer.Exit(result.exit_code)
