"""`handoff import crm`: a CRM export (one row per closed-won deal) becomes dossier skeletons, one file per deal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import ConfigOpt, project, say
from handoff_cli.core.vocabulary import Segment

import_app = typer.Typer(
    name="import", help="Start dossiers from what other systems already know.", no_args_is_help=True
)


@import_app.command()
def crm(
    file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="The CRM export, one row per closed-won deal.")],
    map: Annotated[
        str, typer.Option("--map", metavar="hubspot|salesforce|MAP.toml", help="How the export's columns map.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the dossiers, e.g. deals/.", show_default=False)],
    update: Annotated[
        bool, typer.Option("--update", help="Fill the empty fields of dossiers that already exist for a deal.")
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", metavar="NAME", help="The export's encoding, e.g. cp1252; default: detected."),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option(
            "--locale",
            metavar="LOCALE",
            help="How amounts are written: de_DE for 150.000,00; default: the mapping's locale, or en_US.",
        ),
    ] = None,
    segment: Annotated[
        Segment | None, typer.Option("--segment", help="The segment of deals whose export row names none.")
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Turn a CRM export into dossier skeletons, one file per deal, as `handoff init` writes them.

    Account, deal id, segment, value, close date, owner and contacts are filled in; the rest are commented prompts.

    An existing dossier (same deal id, or the same file name) is never overwritten: it is skipped.

    With --update only its empty fields are filled (value, signature, time zone, holidays, rep, stakeholders).

    The encoding and the separator (`,`, `;`, tab) are detected; amounts are read in --locale.

    A bad cell stops the import before anything is written, naming the line and column.

    Examples:

      handoff import crm hubspot-deals.csv --map hubspot --out deals/

      handoff import crm opportunities.csv --map salesforce --out deals/ --update

      handoff import crm report.csv --map salesforce --out deals/ --segment mid-market --locale de_DE

      handoff import crm pipedrive.csv --map pipedrive.toml --out deals/
    """
    from handoff_cli.crm.importer import plan_import
    from handoff_cli.crm.rows import Reading
    from handoff_cli.edit.atomic_write import atomic_write, write_new
    from handoff_cli.edit.file_lock import locked
    from handoff_cli.edit.writable import refuse_unwritable

    proj = project(config)
    reading = Reading(encoding=encoding, locale=locale, segment=segment)
    plans = plan_import(file, map, out, update=update, reading=reading, project=proj)
    for (verb, path, _, _), _ in plans:  # all or nothing: every target is checked before the first is written
        if verb != "skipped":
            refuse_unwritable(path, proj.root)
    done = []
    for first, redo in plans:
        verb, path, new, fields = first
        if redo is None and verb == "wrote" and new is not None:
            write_new(path, new, repo=proj.root, wait=proj.settings.lock_wait)
            say(f"wrote {path}")
        elif redo is None:
            say(f"skipped {path}: a dossier for this deal exists; --update fills its empty fields")
        else:
            with locked(path, wait=proj.settings.lock_wait):
                verb, path, new, fields = redo()  # the file as it is now, under its lock
                if verb == "updated" and new is not None:
                    atomic_write(path, new, repo=proj.root)
            if verb == "updated":
                say(f"updated {path}: filled {', '.join(fields)}")
            else:
                say(f"unchanged {path}: nothing the CRM knows is empty there")
        done.append(verb)
    wrote = done.count("wrote")
    say(f"{len(plans)} deals from {file}: {wrote} new, {len(plans) - wrote} existing")
