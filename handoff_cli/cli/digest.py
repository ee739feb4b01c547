"""`handoff digest`: one message per person with everything on the deals that waits for them, most urgent first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from handoff_cli.cli.options import (
    AsOf,
    ConfigOpt,
    DigestFormat,
    ForceOpt,
    Paths,
    dossier_paths,
    moment,
    note,
    project,
    say,
    say_skipped,
    tell,
)
from handoff_cli.core.errors import InputError
from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.core.vocabulary import DigestBy as By

if TYPE_CHECKING:
    from handoff_cli.settings import Project


def digest(
    paths: Paths = None,
    by: Annotated[
        By,
        typer.Option("--by", help="owner: each item's own owner; csm, rep, cs-manager: everything on their deals."),
    ] = By.OWNER,
    as_of: AsOf = None,
    format: Annotated[
        DigestFormat,
        typer.Option(
            "--format", "-f",
            help="text, md, json; slack (Block Kit) and teams (Adaptive Card) payloads; eml: a file per person.",
        ),
    ] = DigestFormat.TEXT,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", show_default=False,
                     help="Write to this file instead of stdout; with --format eml, the folder for the messages."),
    ] = None,
    sender: Annotated[
        str | None,
        typer.Option("--from", metavar="EMAIL", show_default=False, help="--format eml: the messages' From address."),
    ] = None,
    force: ForceOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Gather what needs each person's action into one message per person, most urgent first.

    Breached and at-risk clocks, overdue commitments, milestones and checklist items, rejected handoffs.

    Also low survey ratings, and the gaps of pre-close deals past the point where CS engages.

    Each item: what, the deal, when it was due, and the dossier. A person with nothing to do gets no message.

    --format slack and teams print a JSON array with one payload per person, to post as it is (docs/ci.md).

    --format eml writes one message per person into the --out folder, for an SMTP relay; --from is its sender.

    Exit 0; exit 1 when a file could not be read as a dossier (the digest still covers the others).

    Examples:

      handoff digest deals/ --by owner

      handoff digest deals/ --by csm --format slack --out digest.json

      handoff digest deals/ --by cs-manager --format eml --out outbox/ --from handoff@example.com
    """
    from handoff_cli.gate.checks import Checker
    from handoff_cli.portfolio.digest import digest as gather
    from handoff_cli.portfolio.facts import collect
    from handoff_cli.reporters import DIGEST
    from handoff_cli.reporters.digest import without_email

    if format is DigestFormat.EML:
        _check_eml(out, sender)
    proj = project(config)
    checker = Checker.create(proj, as_of=moment(as_of, proj.settings.tz))
    portfolio = collect(dossier_paths(paths, proj), checker)
    found = gather(portfolio, by, sender=sender)
    outputs = DIGEST[format.value](found)
    if format is DigestFormat.EML:
        assert out is not None
        _write_all(out, outputs, force=force, proj=proj)
        for m in without_email(found):
            note(f"warning: no email address for {m.person} in any dossier; no message written for them")
    elif out is None:
        typer.echo(outputs[0][1], nl=False)
    else:
        from handoff_cli.edit.atomic_write import write_new

        write_new(out, outputs[0][1], repo=proj.root, force=force, wait=proj.settings.lock_wait)
        say(f"wrote {out}")
    if not found.messages:
        note(f"nothing needs anyone's action at {checker.ctx.as_of.isoformat()}")
    for skipped in portfolio.invalid:
        tell(skipped)
    say_skipped(portfolio.unreadable)
    if portfolio.unreadable:
        raise typer.Exit(ExitCode.USAGE)
    if portfolio.invalid:
        raise typer.Exit(ExitCode.FINDINGS)


def _check_eml(out: Path | None, sender: str | None) -> None:
    from email_validator import EmailNotValidError, validate_email

    if out is None:
        raise InputError("--format eml writes one file per person: name their folder with --out")
    if sender is None:
        raise InputError("--format eml needs --from EMAIL, the address the messages are sent from")
    try:
        validate_email(sender, check_deliverability=False)
    except EmailNotValidError as exc:
        raise InputError(f"--from {sender}: not an email address ({exc})") from None


def _write_all(folder: Path, outputs: list[tuple[str | None, str]], *, force: bool, proj: Project) -> None:
    """Every message or none: a name already taken stops the run before the first is written (unless --force)."""
    from handoff_cli.edit.atomic_write import write_new
    from handoff_cli.edit.writable import refuse_unwritable

    targets = [(folder / str(name), text) for name, text in outputs]
    for path, _ in targets:  # as `import crm` does: every target is checked before the first is written
        refuse_unwritable(path, proj.root)
        if path.exists() and not force:
            raise InputError("already exists; pass --force to overwrite it; nothing was written", path=path)
    for path, text in targets:
        write_new(path, text, repo=proj.root, force=force, wait=proj.settings.lock_wait)
        say(f"wrote {path}")
