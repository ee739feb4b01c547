"""`handoff diff`: what changed in each dossier between two revisions, in words, for a reviewer of a pull request."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import (
    AsOf,
    ConfigOpt,
    DiffFormat,
    ForceOpt,
    OutOpt,
    dossier_paths,
    moment,
    project,
    say,
    tell,
)
from handoff_cli.core.errors import InputError
from handoff_cli.core.exit_codes import ExitCode


def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[BASE] [HEAD] [PATH]...",
            show_default=False,
            help="Git revisions (default: the merge base with the default branch, and the work tree), then dossier "
            "files or folders (default: `paths` from handoff.toml). A name that is a file or folder is a path.",
        ),
    ] = None,
    format: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="text for people, md for a pull-request comment, json for scripts."),
    ] = DiffFormat.TEXT,
    as_of: AsOf = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Say what changed in each dossier between two revisions, as a CS lead would say it.

    Commitments added, removed, re-dated or re-scoped; the go-live moved; stakeholders, CSM and rep changed.

    Changes to commitments or the go-live made after the deal was signed are marked "after signature".

    Also the score before and after with the rules gained and lost, the clocks newly breached, and renames.

    Both versions are scored with today's rules and settings at --as-of, so a change in the score is the dossier's.

    Exit 0; exit 1 when a changed dossier is not valid at HEAD (its findings on stderr); exit 2 outside git.

    Examples:

      handoff diff

      handoff diff main HEAD deals/

      handoff diff origin/main HEAD --format md --out handoff-diff.md
    """
    from handoff_cli.gate.checks import Checker
    from handoff_cli.portfolio.dossier_diff import compare
    from handoff_cli.repo.git_changed import compare_base
    from handoff_cli.repo.git_diff import WORK_TREE, Revision, changed_pairs, is_revision, revision
    from handoff_cli.repo.git_history import repo_root
    from handoff_cli.reporters import DIFF

    proj = project(config)
    here = Path.cwd()
    root = repo_root(here, purpose="diff compares two revisions of the dossiers")
    revisions: list[str] = []
    paths: list[Path] = []
    for arg in args or []:
        if not paths and len(revisions) < 2 and not Path(arg).exists() and is_revision(root, arg):
            revisions.append(arg)
        elif Path(arg).exists():
            paths.append(Path(arg))
        else:
            raise InputError(f"{arg}: neither a git revision nor a file or folder")
    if revisions:
        base = revision(root, revisions[0])
    else:
        found = compare_base(here, flag="diff")
        base = Revision(found.label, found.commit, revision(root, found.commit).date)
    head = revision(root, revisions[1]) if len(revisions) > 1 else Revision(WORK_TREE, None, None)
    scopes = [p.resolve() for p in dossier_paths(paths, proj)]
    checker = Checker.create(proj, as_of=moment(as_of, proj.settings.tz))
    doc = compare(changed_pairs(root, base, head, scopes), root, base, head, checker)
    shown = DIFF[format.value](doc)
    if out is None:
        typer.echo(shown, nl=False)
    else:
        from handoff_cli.edit.atomic_write import write_new

        write_new(out, shown, repo=proj.root, force=force, wait=proj.settings.lock_wait)
        say(f"wrote {out}")
    invalid = [c.invalid for c in doc.changes if c.invalid is not None]
    for each in invalid:
        tell(each)
    if invalid:
        raise typer.Exit(ExitCode.FINDINGS)
