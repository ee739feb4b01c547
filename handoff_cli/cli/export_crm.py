"""`handoff export crm`: a write-back file for the CRM, one row per dossier keyed by the record id `import crm` read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import (
    AsOf,
    ConfigOpt,
    CrmFormat,
    ForceOpt,
    OutOpt,
    Paths,
    dossier_paths,
    moment,
    project,
    say,
)

export_app = typer.Typer(name="export", help="Hand what the dossiers know back to other systems.", no_args_is_help=True)


@export_app.command()
def crm(
    paths: Paths = None,
    format: Annotated[
        CrmFormat,
        typer.Option("--format", "-f", help="hubspot or salesforce: that CRM's import columns; csv: handoff's own."),
    ] = CrmFormat.CSV,
    map: Annotated[
        Path | None,
        typer.Option(
            "--map", metavar="MAP.toml", show_default=False,
            help="Name the columns from this mapping's [export] table instead of the format's.",
        ),
    ] = None,
    as_of: AsOf = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Write a CRM import file that updates each deal's record with where its handoff stands.

    One row per dossier, keyed by deal.id: the record id `handoff import crm` read (Record ID, Opportunity ID).

    Columns: score, status (incomplete, ready, accepted, rejected), CSM, first contact, kickoff, breached clocks.

    Also the last review's rating. Column names follow the CRM's import; --map renames them (docs/crm.md).

    Every dossier is checked first: an invalid one, or two with one deal id, stops it with nothing written.

    --out replaces a file only with --force, and never leaves it half-written.

    Examples:

      handoff export crm deals/ --format hubspot --out handoff-hubspot.csv

      handoff export crm deals/ --format salesforce --out opportunities-update.csv --force

      handoff export crm deals/ --format csv --map pipedrive.toml
    """
    from handoff_cli.crm.export_mapping import load_export
    from handoff_cli.crm.write_back import write_backs
    from handoff_cli.edit.atomic_write import write_new
    from handoff_cli.gate.checks import Checker
    from handoff_cli.reporters import EXPORT_CRM

    proj = project(config)
    mapping = load_export(format.value, map)  # a bad mapping stops the export before a dossier is read
    checker = Checker.create(proj, as_of=moment(as_of, proj.settings.tz))
    rows = write_backs(dossier_paths(paths, proj), checker)
    text = EXPORT_CRM[format.value](rows, mapping)
    if out is None:
        typer.echo(text, nl=False)
        return
    write_new(out, text, repo=proj.root, force=force, wait=proj.settings.lock_wait)
    say(f"wrote {out}: {len(rows)} deals")
