"""`handoff init` writes a new, commented dossier; `handoff schema` prints the dossier's JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli.options import ConfigOpt, console, project, say
from handoff_cli.core.vocabulary import DealKind, Segment

SKELETON = "dossier.yaml.j2"


def init(
    path: Annotated[Path, typer.Argument(help="The dossier file to create, e.g. deals/acme.yaml.", show_default=False)],
    account: Annotated[str, typer.Option(help="The customer's company name.", show_default=False)],
    segment: Annotated[Segment, typer.Option(help="The segment playbook that applies.", show_default=False)],
    kind: Annotated[DealKind, typer.Option(
        help="new customer, expansion of an existing one, or renewal: each has its own clocks.")] = DealKind.NEW,
    deal_id: Annotated[str | None, typer.Option("--id", help="CRM deal id. Default: the file name.")] = None,
    rep: Annotated[str | None, typer.Option(help="Sales rep's name.")] = None,
    rep_email: Annotated[str | None, typer.Option(help="Sales rep's email.")] = None,
    timezone: Annotated[str | None, typer.Option(
        help="The deal's IANA time zone, e.g. Europe/Berlin. Default: handoff.toml's.", show_default=False)] = None,
    holidays: Annotated[str | None, typer.Option(
        help="The deal's public holidays: DE, US-NY, GB-SCT... Default: handoff.toml's.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Start a dossier: every section present, each commented with what belongs there.

    Refuses to overwrite an existing file unless --force is given.

    Examples:

      handoff init deals/acme.yaml --account "Acme Corp" --segment mid-market

      handoff init deals/acme-2027.yaml --account "Acme Corp" --segment mid-market --kind expansion

      handoff init deals/globex.yaml --account "Globex AG" --segment strategic --timezone Europe/Berlin --holidays DE-BY
    """
    from handoff_cli.crm.skeleton import check
    from handoff_cli.edit.atomic_write import write_new
    from handoff_cli.model.region import check_region
    from handoff_cli.render import engine
    from handoff_cli.render.environment import environment

    check_region(timezone=timezone, holidays=holidays)
    proj = project(config)
    env = environment(proj)
    text = engine.render(env, SKELETON, {
        "account": account, "segment": segment.value, "kind": kind.value, "deal_id": deal_id or path.stem,
        "filename": str(path), "rep_name": rep, "rep_email": rep_email, "timezone": timezone, "holidays": holidays,
    })
    check(text, str(path), where=str(path))  # e.g. an --account with a line break: refused, nothing written
    write_new(path, text, repo=proj.root, force=force, wait=proj.settings.lock_wait)
    say(f"wrote {path}; next: fill it in, then run `handoff validate {path}`")


def schema(
    indent: Annotated[int, typer.Option(help="Spaces of indentation in the JSON.")] = 2,
) -> None:
    """Print the dossier's JSON Schema, for editors (yaml-language-server) and other validators.

    Example:

      handoff schema > dossier.schema.json
    """
    from handoff_cli.model import Dossier

    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Dossier.model_json_schema(by_alias=True)}
    console().out(json.dumps(doc, indent=indent, ensure_ascii=False), highlight=False)
