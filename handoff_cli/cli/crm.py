"""`handoff import crm`: a CRM export (one row per closed-won deal) becomes dossier skeletons, one file per deal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from handoff_cli.checks import expand
from handoff_cli.cli.options import ConfigOpt, project
from handoff_cli.crm.fill import fill_empty
from handoff_cli.crm.mapping import load_mapping
from handoff_cli.crm.rows import CrmDeal, read_deals
from handoff_cli.crm.skeleton import check, render, slug
from handoff_cli.loader import load_file
from handoff_cli.render.environment import environment
from handoff_cli.writer import atomic_write, write_new

import_app = typer.Typer(
    name="import", help="Start dossiers from what other systems already know.", no_args_is_help=True
)


def _existing(folder: Path) -> dict[str, Path]:
    """deal id -> dossier file already in the output folder, so a deal is never written twice under two names."""
    if not folder.is_dir() or not any(folder.iterdir()):
        return {}
    found: dict[str, Path] = {}
    for path in expand([folder]):
        loaded, _ = load_file(path, str(path), max_bytes=1_000_000, max_depth=64)
        data: Any = loaded.data if loaded else None
        section = data.get("deal") if isinstance(data, dict) else None
        deal_id = section.get("id") if isinstance(section, dict) else None
        if isinstance(deal_id, str):
            found.setdefault(deal_id, path)
    return found


def _target(deal: CrmDeal, out: Path, taken: set[Path]) -> Path:
    # the account's name reads best; a second deal of the same account gets its id added
    for name in (slug(deal.account), f"{slug(deal.account)}-{slug(deal.id)}"):
        path = out / f"{name}.yaml"
        if path not in taken and not path.exists():
            return path
    return out / f"{slug(deal.account)}-{slug(deal.id)}.yaml"


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
    --update only its empty fields are filled (deal.value, deal.signed_at, deal.sales_rep, stakeholders),
    every other byte kept. A bad cell stops the import before anything is written, naming the row and column.

    Examples:

      handoff import crm hubspot-deals.csv --map hubspot --out deals/

      handoff import crm opportunities.csv --map salesforce --out deals/ --update

      handoff import crm pipedrive.csv --map pipedrive.toml --out deals/
    """
    mapping = load_mapping(map)
    deals = read_deals(file, mapping)
    env = environment(project(config))
    existing, taken = _existing(out), set[Path]()
    plans: list[tuple[str, Path, str | None, list[str]]] = []  # verb, path, new text, fields
    # every row is rendered and checked first, so one bad row means nothing is written
    for deal in deals:
        where = f"{file}: row {deal.row}"
        path = existing.get(deal.id)
        if path is None:
            path = _target(deal, out, taken)
            taken.add(path)
            source = f"the {mapping.crm} export {file.name}, row {deal.row}"
            plans.append(("wrote", path, render(env, deal, filename=str(path), source=source, where=where), []))
        elif not update:
            plans.append(("skipped", path, None, []))
        else:
            filled, fields = fill_empty(path.read_text(encoding="utf-8"), deal, display=str(path))
            if fields:
                check(filled, str(path), where=f"{path}: with {', '.join(fields)} from {where}")
            plans.append(("updated", path, filled, fields) if fields else ("unchanged", path, None, []))
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
