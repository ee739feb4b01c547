"""A check of many dossiers: cached results where the content is unchanged, the rest on every core.

Results come back in the order the files were given whatever the number of workers, and every
result, computed or cached, is read from the same entry form (engine/result_text.py), so the output is the
same byte for byte with or without the cache and with any number of workers.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff_cli.core.findings import CheckResult, FileResult
from handoff_cli.engine.code_stamp import code_stamp
from handoff_cli.engine.result_cache import ResultCache
from handoff_cli.engine.result_text import load
from handoff_cli.gate.copied_text import CopyIndex, Print
from handoff_cli.settings import Project

if TYPE_CHECKING:
    from concurrent.futures import Future

    from handoff_cli.gate.checks import Checker

BATCH = 200  # files hashed and looked up together; bounds what is held at once
POOL_FROM = 48  # fewer files than this are checked in-process: starting workers would cost more


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


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_all(
    given: Sequence[str],
    plan: Plan,
    advance: Callable[[], None] = lambda: None,
    companions: Sequence[str] = (),
) -> CheckResult:
    """`given` as the names to show (a repo's worth of Path objects would cost more than its results);
    `companions` are checked only for their copied-text fingerprints and left out of the result."""
    files = [*given, *companions]
    shown = len(given)
    cache = ResultCache.open(_run_key(plan)) if plan.cache else None
    results: list[FileResult | None] = [None] * len(files)
    prints = CopyIndex()
    misses: list[int] = []
    as_of = plan.as_of.timestamp()
    limit = plan.project.settings.max_file_bytes
    for start in range(0, len(files), BATCH):
        batch = range(start, min(start + BATCH, len(files)))
        digests = {i: _read(Path(files[i]), limit)[1] for i in batch}
        found = cache.get(d for d in digests.values() if d) if cache else {}
        used: list[str] = []
        for i, digest in digests.items():
            entry = load(found[digest], files[i]) if digest and digest in found else None
            if entry is None or not entry.after <= as_of < entry.until:
                misses.append(i)
                continue
            results[i] = entry.result
            prints.add(i, entry.prints)
            used.append(digest or "")
            if i < shown:
                advance()
        if cache and used:
            cache.touch(used)
    fresh: list[tuple[str, str]] = []
    for i, digest, text in _compute(plan, files, misses):
        entry = load(text, files[i])
        results[i] = entry.result
        prints.add(i, entry.prints)
        if cache and digest:  # without a cache, keeping the texts would hold every result twice
            fresh.append((digest, text))
            if len(fresh) >= BATCH:
                cache.put(fresh)
                fresh = []
        if i < shown:
            advance()
    if cache:
        cache.put(fresh)
        cache.close()
    done = [r for r in results if r is not None]
    assert len(done) == len(files)  # every file was either found in the cache or checked
    for index, extra in prints.copied([r.path for r in done]).items():
        if index < shown:
            done[index].findings = sorted([*done[index].findings, *extra], key=lambda f: (f.line, f.col, f.code))
    return CheckResult(done[:shown])


def _read(path: Path, limit: int) -> tuple[bytes | None, str | None]:
    """The file's bytes and their SHA-256; (None, None) for what is never cached (unreadable, or over
    the size limit: the check itself reports it, as one line naming the file)."""
    try:
        if path.stat().st_size > limit:
            return None, None
        raw = path.read_bytes()
    except OSError:
        return None, None
    return raw, hashlib.sha256(raw).hexdigest()


def _run_key(plan: Plan) -> str:
    settings = plan.project.settings.model_dump_json()
    return hashlib.sha256(f"{code_stamp()}\0{settings}\0{plan.min_score}".encode()).hexdigest()[:24]


_worker: Checker | None = None


def _start(plan: Plan) -> None:
    global _worker
    # Ctrl-C reaches every process of the terminal's group; the run stops in the parent (exit 130),
    # and a worker that took it too would print a traceback of wherever it was
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    _worker = plan.checker()


def _end_with(parent: int) -> None:
    """A worker ends when its parent does, however that ended (SIGTERM, SIGKILL): an idle worker waits on
    a queue that stays open, since every worker holds it, and would otherwise wait forever."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


@contextmanager
def _workers_start_deaf() -> Iterator[None]:
    """Workers are started while SIGINT is blocked, so none takes one before `_start` ignores it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _many(jobs: list[tuple[int, str]]) -> list[tuple[int, str | None, str]]:
    assert _worker is not None
    return [entry_for(_worker, *job) for job in jobs]


def entry_for(checker: Checker, index: int, name: str) -> tuple[int, str | None, str]:
    """Check one file: (index, digest of the bytes checked or None, entry text)."""
    from handoff_cli.engine.cache_validity import FOREVER, window
    from handoff_cli.engine.result_text import dump
    from handoff_cli.gate.copied_text import fingerprints

    path = Path(name)
    # read again rather than trusting the first read: the cache must key the bytes that were checked
    raw, digest = _read(path, checker.project.settings.max_file_bytes)
    result, data, positions, zone = checker.inspect(path, name, raw)
    found: list[Print] = []
    after, until = FOREVER
    if data is not None:  # a file that could not be read says so whenever it is checked
        after, until = window(data, checker.ctx.as_of, zone)
    if positions is not None and result.score is not None:
        found = fingerprints(data, positions, checker.ctx.min_words)
    return index, digest, dump(result, found, after, until)


def _compute(plan: Plan, files: Sequence[str], todo: list[int]) -> Iterator[tuple[Any, ...]]:
    jobs = [(i, files[i]) for i in todo]
    if not jobs:
        return
    workers = plan.workers
    if workers <= 1 or len(jobs) < POOL_FROM:
        checker = plan.checker()
        yield from (entry_for(checker, *job) for job in jobs)
        return
    # loaded here, not at the top: a commit hook's one file never starts a pool
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the imported modules with the workers; elsewhere each worker starts afresh
    method = "fork" if sys.platform == "linux" else None
    context = multiprocessing.get_context(method)
    size = max(1, min(32, len(jobs) // (workers * 8)))
    chunks = (jobs[i : i + size] for i in range(0, len(jobs), size))
    # a few chunks in flight per worker: Executor.map would submit every chunk of the run at once, and
    # the memory held would grow with the size of the repo
    ahead = workers * 4
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(plan,))
    try:
        pending: deque[Future[list[tuple[int, str | None, str]]]] = deque()
        for chunk in chunks:
            with _workers_start_deaf():  # a submit may start workers
                pending.append(pool.submit(_many, chunk))
            if len(pending) >= ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # on Ctrl-C or an error, what has not started is dropped rather than checked for nothing
        pool.shutdown(cancel_futures=True)
