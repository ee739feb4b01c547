"""A check of many dossiers: cached results where the content is unchanged, the rest on every core.

Results come back in the order the files were given whatever the number of workers, and every
result, computed or cached, is read from the same entry form (engine/result_text.py), so the output is the
same byte for byte with or without the cache and with any number of workers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff_cli.core.findings import CheckResult, FileResult
from handoff_cli.engine.code_stamp import code_stamp
from handoff_cli.engine.copied_prints import Fingerprints, Indexing, content_id, quiet, read
from handoff_cli.engine.pool import POOL_FROM, default_workers, pooled
from handoff_cli.engine.result_cache import ResultCache
from handoff_cli.engine.result_text import load
from handoff_cli.gate.copied_text import Print
from handoff_cli.repo.repo_dossiers import RepoDossiers
from handoff_cli.settings import Project

if TYPE_CHECKING:
    from handoff_cli.gate.checks import Checker

__all__ = ["BATCH", "Plan", "check_all", "default_workers", "entry_text", "run_key"]

BATCH = 200  # files hashed and looked up together; bounds what is held at once


@dataclass(frozen=True)
class Plan:
    """What a run checks against, and how. The rules and the model are loaded only if a file needs checking."""

    project: Project
    as_of: datetime
    min_score: float | None  # --min-score, over every segment's own threshold
    workers: int
    cache: bool

    def checker(self) -> Checker:
        from handoff_cli.gate.checks import Checker

        return Checker.create(self.project, as_of=self.as_of, min_score=self.min_score)


Computed = tuple[int, str | None, str, list[Print] | None]  # index, digest of the bytes checked, entry, fingerprints


def check_all(
    given: Sequence[str],
    plan: Plan,
    advance: Callable[[], None] = lambda: None,
    repo: RepoDossiers | None = None,
    indexing: Indexing = quiet,
) -> CheckResult:
    """`given` as the names to show (a repo's worth of Path objects would cost more than its results);
    `repo`'s other dossiers are compared with for copied text, as the `copied_text` setting says, never checked."""
    repo = repo or RepoDossiers()
    compare = plan.project.settings.copied_text
    others = repo.others if compare == "repo" else []
    files = [*given, *(name for name, _ in others)]
    keys = [content_id(repo.blobs.get(name), None) for name in given] + [content_id(b, None) for _, b in others]
    cache = ResultCache.open(run_key(plan.project, plan.min_score)) if plan.cache else None
    prints = Fingerprints(plan.project.settings, cache, plan.workers) if compare != "off" else None
    results: list[FileResult | None] = [None] * len(given)
    misses: list[int] = []
    as_of = plan.as_of.timestamp()
    limit = plan.project.settings.max_file_bytes
    for start in range(0, len(given), BATCH):
        batch = range(start, min(start + BATCH, len(given)))
        digests = {i: read(Path(given[i]), limit)[1] for i in batch}
        found = cache.get(d for d in digests.values() if d) if cache else {}
        used: list[str] = []
        for i, digest in digests.items():
            keys[i] = keys[i] or content_id(None, digest)
            entry = load(found[digest], given[i]) if digest and digest in found else None
            if entry is None or not entry.after <= as_of < entry.until:
                misses.append(i)
                continue
            results[i] = entry.result
            used.append(digest or "")
            advance()
        if cache and used:
            cache.touch(used)
    fresh: list[tuple[str, str]] = []
    for i, digest, text, found_prints in _compute(plan, given, misses, fingerprint=prints is not None):
        results[i] = load(text, given[i]).result
        if prints:
            prints.found(i, keys[i], found_prints)
        if cache and digest:  # without a cache, keeping the texts would hold every result twice
            fresh.append((digest, text))
            if len(fresh) >= BATCH:
                cache.put(fresh)
                fresh = []
        advance()
    if cache:
        cache.put(fresh)
    done = [r for r in results if r is not None]
    assert len(done) == len(given)  # every file was either found in the cache or checked
    if prints:
        for i in range(len(given), len(files)):  # a file git does not hold unchanged is known by its bytes
            if keys[i] is None:
                keys[i] = content_id(None, read(Path(files[i]), limit)[1])
        checked = set(misses)
        prints.collect(files, keys, [i for i in range(len(files)) if i not in checked], len(given), indexing)
        prints.close()
        for index, extra in prints.index.copied(files).items():
            if index < len(given):
                done[index].findings = sorted([*done[index].findings, *extra], key=lambda f: (f.line, f.col, f.code))
    if cache:
        cache.close()
    return CheckResult(done)


def run_key(project: Project, min_score: float | None) -> str:
    settings = project.settings.model_dump_json()
    return hashlib.sha256(f"{code_stamp()}\0{settings}\0{min_score}".encode()).hexdigest()[:24]


_worker: tuple[Checker, bool] | None = None


def _setup(plan: Plan, fingerprint: bool) -> None:
    global _worker
    _worker = plan.checker(), fingerprint


def _many(jobs: list[tuple[int, str]]) -> list[Computed]:
    assert _worker is not None
    return [entry_for(*_worker, *job) for job in jobs]


def entry_for(checker: Checker, fingerprint: bool, index: int, name: str) -> Computed:
    """Check one file: its entry text and, when asked, the fingerprints of what it read."""
    from handoff_cli.gate.copied_text import fingerprints

    path = Path(name)
    # read again rather than trusting the first read: the cache must key the bytes that were checked
    raw, digest = read(path, checker.project.settings.max_file_bytes)
    result, data, positions, zone = checker.inspect(path, name, raw)
    found: list[Print] | None = None
    if fingerprint and data is not None and positions is not None:
        found = fingerprints(data, positions, checker.ctx.min_words)
    return index, digest, entry_text(checker, result, data, zone), found


def entry_text(checker: Checker, result: FileResult, data: Any, zone: tzinfo) -> str:
    """A result in the form the cache keeps, with the span of moments it holds for (dates read in `zone`)."""
    from handoff_cli.engine.cache_validity import FOREVER, window
    from handoff_cli.engine.result_text import dump

    # a file that could not be read says so whenever it is checked
    after, until = FOREVER if data is None else window(data, checker.ctx.as_of, zone)
    return dump(result, after, until)


def _compute(plan: Plan, files: Sequence[str], todo: list[int], *, fingerprint: bool) -> Iterator[Computed]:
    jobs = [(i, files[i]) for i in todo]
    if not jobs:
        return
    if plan.workers <= 1 or len(jobs) < POOL_FROM:
        checker = plan.checker()
        yield from (entry_for(checker, fingerprint, *job) for job in jobs)
        return
    yield from pooled(jobs, _many, plan.workers, _setup, (plan, fingerprint))
