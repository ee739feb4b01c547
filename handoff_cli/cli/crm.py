"""`handoff import crm`: a CRM export (one row per closed-won deal) becomes dossier skeletons, one file per deal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import ConfigOpt, project

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
    config: ConfigOpt = None,
) -> None:
    """Turn a CRM export into dossier skeletons: account, deal id, segment, value, close date, owner and contacts
    filled in, everything else left as commented prompts, as `handoff init` writes them.

    An existing dossier (same deal id, or the same file name) is never overwritten: it is skipped, or with
    --update only its empty fields are filled (deal.value, deal.signed_at, deal.timezone, deal.holidays,
    deal.sales_rep, stakeholders), every other byte kept. A bad cell stops the import before anything is
    written, naming the row and column.

    Examples:

      handoff import crm hubspot-deals.csv --map hubspot --out deals/

      handoff import crm opportunities.csv --map salesforce --out deals/ --update

      handoff import crm pipedrive.csv --map pipedrive.toml --out deals/
    """
    from handoff_cli.crm.importer import plan_import
    from handoff_cli.edit.atomic_write import atomic_write, write_new

    plans = plan_import(file, map, out, update=update, project=project(config))
    for verb, path, new, fields in plans:
        if verb == "wrote" and new is not None:
            write_new(path, new)
            typer.echo(f"wrote {path}")
        elif verb == "updated" and new is not None:
            atomic_write(path, new)
            typer.echo(f"updated {path}: filled {', '.join(fields)}")
        elif verb == "unchanged":
            typer.echo(f"unchanged {path}: nothing the CRM knows is empty there")
        else:
            typer.echo(f"skipped {path}: a dossier for this deal exists; --update fills its empty fields")
    wrote = sum(v == "wrote" for v, *_ in plans)
    typer.echo(f"{len(plans)} deals from {file}: {wrote} new, {len(plans) - wrote} existing")
