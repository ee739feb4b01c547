"""Plan an import from a CRM export: which dossier each row becomes, and its text. Nothing is written here."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from handoff_cli.crm.fill import fill_empty
from handoff_cli.crm.mapping import load_mapping
from handoff_cli.crm.rows import CrmDeal, Reading, read_deals
from handoff_cli.crm.skeleton import check, render, slug
from handoff_cli.dossier.reader import load_file
from handoff_cli.render.environment import environment
from handoff_cli.repo.files import expand
from handoff_cli.settings import Project

Plan = tuple[str, Path, str | None, list[str]]  # verb, path, new text, fields filled
Update = Callable[[], Plan]  # the plan for an existing dossier, made again from the file as it is now


def plan_import(
    file: Path, map: str, out: Path, *, update: bool, reading: Reading, project: Project
) -> list[tuple[Plan, Update | None]]:
    """Every row rendered and checked first, so that one bad row means nothing is written.

    An update comes with the way to make it again: the writer re-plans under the file's lock, so an
    edit made meanwhile (by `handoff log`, say) is kept."""
    mapping = load_mapping(map)
    deals = read_deals(file, mapping, reading)
    env = environment(project)
    existing, taken = _existing(out), set[Path]()
    plans: list[tuple[Plan, Update | None]] = []
    for deal in deals:
        where = f"{file}:{deal.line}"
        path = existing.get(deal.id)
        if path is None:
            path = _target(deal, out, taken)
            taken.add(path)
            source = f"the {mapping.crm} export {file.name}, line {deal.line}"
            text = render(env, deal, filename=str(path), source=source, where=where)
            plans.append((("wrote", path, text, []), None))
        elif not update:
            plans.append((("skipped", path, None, []), None))
        else:
            redo = partial(_update, path, deal, where)
            plans.append((redo(), redo))
    return plans


def _update(path: Path, deal: CrmDeal, where: str) -> Plan:
    filled, fields = fill_empty(path.read_text(encoding="utf-8"), deal, display=str(path))
    if fields:
        check(filled, str(path), where=f"{path}: with {', '.join(fields)} from {where}")
    return ("updated", path, filled, fields) if fields else ("unchanged", path, None, [])


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
