"""Dossiers for the commands that compute from them (`handoff sla`, `handoff report`), from the result cache and the
worker pool `handoff validate` uses.

Each file is hashed; a file whose content the cache knows is not read as YAML again: its dossier comes back from
the cache's `dossiers` table (the model as JSON, with the line of each dated item), and, when a command asks for
it, its check from the `results` table while it still holds at --as-of. The rest are parsed once, on every core
from 48 files up, and kept for the next run of any of the three commands. Files come back one at a time in the
order given, so a run holds one file's dossier at a time unless the command keeps them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from handoff_cli.clocks.overdue import ItemLines, item_lines
from handoff_cli.core.errors import DossierInvalid, InputError
from handoff_cli.core.findings import FileResult, Finding, Severity
from handoff_cli.engine import result_text as entry
from handoff_cli.engine.copied_prints import read
from handoff_cli.engine.pool import POOL_FROM, pooled
from handoff_cli.engine.result_cache import ResultCache
from handoff_cli.engine.runner import BATCH, Plan, default_workers, entry_text, run_key
from handoff_cli.model import Dossier
from handoff_cli.model.common import READ_BEFORE

if TYPE_CHECKING:
    from handoff_cli.gate.checks import Checker


@dataclass(frozen=True, slots=True)
class Read:
    """One file as a command gets it: a dossier (with its dated items' lines), or why it is not one."""

    name: str
    dossier: Dossier | None
    invalid: DossierInvalid | None
    lines: ItemLines
    result: FileResult | None  # the check, as `validate` gives it before copied text, when asked for
    source: str | None = None  # the dossier's model as JSON, as the cache keeps it (`from_json` reads it back)


class _Done(NamedTuple):
    at: int
    digest: str | None
    dossier: str  # the `dossiers` entry; "" when the file could not be read
    result: str | None  # the `results` entry, when checks were asked for
    unreadable: str | None = None


def checked_dossiers(names: Sequence[str], checker: Checker, *, skipped: list[str], workers: int | None = None,
                     cache: bool = True) -> Iterator[Read]:  # fmt: skip
    """Each of `names` with its check at the checker's moment (`handoff report`, `handoff export crm`): the checker's
    plan on `workers` processes (one per core by default), from the cache unless `cache` is false."""
    project = checker.project
    plan = Plan(project, checker.ctx.as_of, checker.min_score, workers or default_workers(), cache=cache)
    return read_dossiers(names, plan, checks=True, skipped=skipped, checker=checker)


def read_dossiers(names: Sequence[str], plan: Plan, *, checks: bool, skipped: list[str],
                  checker: Checker | None = None) -> Iterator[Read]:  # fmt: skip
    """Each of `names` in order; one that cannot be read is left out and named ("path: why") in `skipped`.
    `checker`: the plan's, when the command has built it already (files read in this process use it)."""
    key = run_key(plan.project, plan.min_score)
    cache = ResultCache.open(key) if plan.cache else None
    shelf = cache.shelf("dossiers", key) if cache else None
    as_of = plan.as_of.timestamp()
    limit = plan.project.settings.max_file_bytes
    digests: list[str | None] = []
    misses: list[int] = []
    try:
        for start in range(0, len(names), BATCH):  # which files the cache knows, holding no entry
            batch = range(start, min(start + BATCH, len(names)))
            found = {i: read(Path(names[i]), limit)[1] for i in batch}
            digests += found.values()
            known = _known(cache, shelf, [d for d in found.values() if d], checks=checks, as_of=as_of)
            misses += [i for i, d in found.items() if d not in known]
        computed = _compute(plan, names, misses, checks=checks, checker=checker)
        wanted = set(misses)
        fresh: list[_Done] = []
        # for an entry gone between the two passes (another run's clean-up): rare
        again: list[Checker] = [checker] if checker else []
        for start in range(0, len(names), BATCH):
            batch = range(start, min(start + BATCH, len(names)))
            hits = [digests[i] or "" for i in batch if i not in wanted]
            dossiers = shelf.get(hits) if shelf else {}
            results = cache.get(hits) if cache and checks else {}
            for i in batch:
                digest = digests[i] or ""
                stored, checked = dossiers.get(digest), results.get(digest) if checks else None
                held = i not in wanted and (checked is not None or not checks)
                from_cache = _read(names[i], stored, checked) if held and stored is not None else None
                if from_cache is not None:
                    yield from_cache
                else:
                    if i in wanted:
                        done = next(computed)
                    else:
                        again = again or [plan.checker()]
                        done = _one(again[0], checks, i, names[i])
                    if done.unreadable is not None:
                        skipped.append(done.unreadable)
                        continue
                    fresh.append(done)
                    read_now = _read(names[i], done.dossier, done.result)
                    assert read_now is not None  # this code wrote the entry just now
                    yield read_now
            if hits and shelf and cache:
                shelf.touch(hits)
                if checks:
                    cache.touch(hits)
            if fresh and shelf and cache:
                shelf.put((d.digest, d.dossier) for d in fresh if d.digest)
                cache.put((d.digest, d.result) for d in fresh if d.digest and d.result is not None)
                fresh = []
    finally:
        if cache:
            cache.close()


def _known(cache: ResultCache | None, shelf: ResultCache | None, digests: list[str], *, checks: bool,
           as_of: float) -> set[str]:  # fmt: skip
    """The digests whose dossier entry is sound and, with `checks`, whose check still holds at `as_of`."""
    if shelf is None or cache is None or not digests:
        return set()
    known = set(shelf.get(digests))  # a damaged entry among them is found when it is read, and read afresh
    if checks:
        results = cache.get(known)
        known = {d for d in known if (raw := entry.stored(results.get(d, ""))) is not None and entry.holds(raw, as_of)}
    return known


def _read(name: str, dossier_text: str, result_text: str | None) -> Read | None:
    """The file as its entries give it, or None when the dossier entry is not one this code wrote."""
    raw = _sound(dossier_text)
    if raw is None:
        return None
    result = entry.result(result_text, name) if result_text is not None else None
    lines: ItemLines = {(section, index): (line, col) for section, index, line, col in raw["l"]}
    if raw["d"] is None:
        errors = [Finding(code, title, Severity(severity), name, line, col, field, message, why, points)
                  for code, title, severity, line, col, field, message, why, points in raw["x"]]  # fmt: skip
        return Read(name, None, DossierInvalid(name, errors), lines, result)
    return Read(name, from_json(raw["d"]), None, lines, result, raw["d"])


def from_json(source: str) -> Dossier:
    """A dossier from its model as JSON, as the cache keeps it; its text was checked when the file was read.
    A command that keeps many dossiers keeps this JSON, a few KiB each, rather than models of tens."""
    return Dossier.model_validate_json(source, context=READ_BEFORE)


def _sound(text: str) -> Any | None:
    """A stored dossier entry as data if it is one this code wrote; anything else is a miss, read again and
    replaced."""
    try:
        raw = json.loads(text)
    except ValueError:
        return None
    sound = (type(raw) is dict and raw.keys() == {"d", "l", "x"} and (raw["d"] is None or type(raw["d"]) is str)
             and type(raw["l"]) is list and type(raw["x"]) is list)  # fmt: skip
    return raw if sound else None


def dossier_entry(parsed: Any) -> str:
    """What the `dossiers` table keeps of a parse: the model as JSON and its dated items' lines, or its errors."""
    if parsed.dossier is None or parsed.positions is None:
        errors = [[f.code, f.name, f.severity.value, f.line, f.col, f.field, f.message, f.why, f.points]
                  for f in parsed.findings if f.severity is Severity.ERROR]  # fmt: skip
        return json.dumps({"d": None, "l": [], "x": errors}, ensure_ascii=False)
    lines = [[s, i, line, col] for (s, i), (line, col) in item_lines(parsed.dossier, parsed.positions).items()]
    model = parsed.dossier.model_dump_json(by_alias=True, exclude_unset=True)
    return json.dumps({"d": model, "l": lines, "x": []}, ensure_ascii=False)


_worker: tuple[Checker, bool] | None = None


def _setup(plan: Plan, checks: bool) -> None:
    global _worker
    _worker = plan.checker(), checks


def _many(jobs: list[tuple[int, str]]) -> list[_Done]:
    assert _worker is not None
    return [_one(*_worker, *job) for job in jobs]


def _one(checker: Checker, checks: bool, index: int, name: str) -> _Done:
    from handoff_cli.dossier.for_commands import parse

    path = Path(name)
    raw, digest = read(path, checker.project.settings.max_file_bytes)  # the bytes the cache will key
    try:
        parsed = parse(path, name, checker.project, raw)
    except InputError as exc:  # unreadable: skipped, and the rest still covered
        return _Done(index, None, "", None, str(exc))
    result = None
    if checks:
        result = entry_text(checker, checker.check_parsed(parsed, name), parsed.data, checker.zone(parsed))
    return _Done(index, digest, dossier_entry(parsed), result)


def _compute(plan: Plan, names: Sequence[str], todo: list[int], *, checks: bool,
             checker: Checker | None) -> Iterator[_Done]:  # fmt: skip
    jobs = [(i, names[i]) for i in todo]
    if not jobs:
        return
    if plan.workers <= 1 or len(jobs) < POOL_FROM:
        checker = checker or plan.checker()
        yield from (_one(checker, checks, *job) for job in jobs)
        return
    yield from pooled(jobs, _many, plan.workers, _setup, (plan, checks))
