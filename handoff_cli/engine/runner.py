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
from typing import TYPE_CHECKING, Any, NamedTuple

from handoff_cli.core.errors import InputError
from handoff_cli.core.findings import CheckResult, FileResult, Finding
from handoff_cli.engine import result_text as entry
from handoff_cli.engine.code_stamp import code_stamp
from handoff_cli.engine.copied_prints import Fingerprints, Indexing, content_id, quiet, read
from handoff_cli.engine.pool import POOL_FROM, default_workers, pooled
from handoff_cli.engine.result_cache import ResultCache
from handoff_cli.engine.result_store import ResultStore
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


class Computed(NamedTuple):
    """One file checked by a worker: its entry text and fingerprints, or why it could not be read."""

    at: int  # the file's index in the run
    digest: str | None  # of the bytes checked; None for what is never cached
    text: str  # the entry (engine/result_text.py); "" when the file could not be read
    prints: list[Print] | None  # of what it read, when asked
    unreadable: str | None = None  # "path: why"


def check_all(
    given: Sequence[str],
    plan: Plan,
    advance: Callable[[], None] = lambda: None,
    repo: RepoDossiers | None = None,
    indexing: Indexing = quiet,
) -> CheckResult:
    """`given` as the names to show (a repo's worth of Path objects would cost more than its results);
    `repo`'s other dossiers are compared with for copied text, as the `copied_text` setting says, never checked.

    A file that cannot be read is left out, and named in the result's `skipped`: one file must not keep
    the others from being checked."""
    repo = repo or RepoDossiers()
    compare = plan.project.settings.copied_text
    others = repo.others if compare == "repo" else []
    files = [*given, *(name for name, _ in others)]
    keys = [content_id(repo.blobs.get(name), None) for name in given] + [content_id(b, None) for _, b in others]
    cache = ResultCache.open(run_key(plan.project, plan.min_score)) if plan.cache else None
    prints = Fingerprints(plan.project.settings, cache, plan.workers) if compare != "off" else None
    store = ResultStore(given)
    misses: list[int] = []
    skipped: dict[int, str] = {}
    as_of = plan.as_of.timestamp()
    limit = plan.project.settings.max_file_bytes
    for start in range(0, len(given), BATCH):
        batch = range(start, min(start + BATCH, len(given)))
        digests = {i: read(Path(given[i]), limit)[1] for i in batch}
        found = cache.get(d for d in digests.values() if d) if cache else {}
        used: list[str] = []
        for i, digest in digests.items():
            keys[i] = keys[i] or content_id(None, digest)
            # a damaged entry is a miss: the file is checked again and its entry replaced
            raw = entry.stored(found[digest]) if digest and digest in found else None
            if raw is None or not entry.holds(raw, as_of):
                misses.append(i)
                continue
            store.put(i, found[digest or ""], entry.passed(raw))
            used.append(digest or "")
            advance()
        if cache and used:
            cache.touch(used)
    fresh: list[tuple[str, str]] = []
    for done in _compute(plan, given, misses, fingerprint=prints is not None):
        advance()
        if done.unreadable is not None:
            skipped[done.at] = done.unreadable
            continue
        store.put(done.at, done.text, entry.passed(entry.read(done.text)))
        if prints:
            prints.found(done.at, keys[done.at], done.prints)
        if cache and done.digest:
            fresh.append((done.digest, done.text))
            if len(fresh) >= BATCH:
                cache.put(fresh)
                fresh = []
    if cache:
        cache.put(fresh)
    extra: dict[int, list[Finding]] = {}
    if prints:
        for i in range(len(given), len(files)):  # a file git does not hold unchanged is known by its bytes
            if keys[i] is None:
                keys[i] = content_id(None, read(Path(files[i]), limit)[1])
        checked = set(misses)
        prints.collect(files, keys, [i for i in range(len(files)) if i not in checked], len(given), indexing)
        prints.close()
        extra = {i: found for i, found in prints.index.copied(files).items() if i < len(given)}
    if cache:
        cache.close()
    store.finish((i for i in range(len(given)) if i not in skipped), extra)
    return CheckResult(store, [skipped[i] for i in sorted(skipped)])


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
    try:
        result, data, positions, zone = checker.inspect(path, name, raw)
    except InputError as exc:  # the file went unreadable (an I/O error, a permission)
        return Computed(index, None, "", None, str(exc))
    found: list[Print] | None = None
    if fingerprint and data is not None and positions is not None:
        found = fingerprints(data, positions, checker.ctx.min_words)
    return Computed(index, digest, entry_text(checker, result, data, zone), found)


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
