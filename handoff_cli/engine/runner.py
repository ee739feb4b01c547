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
from typing import TYPE_CHECKING, Any, NamedTuple

from handoff_cli.core.errors import InputError
from handoff_cli.core.findings import CheckResult
from handoff_cli.engine import result_text as entry
from handoff_cli.engine.code_stamp import code_stamp
from handoff_cli.engine.result_cache import ResultCache
from handoff_cli.engine.result_store import ResultStore
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


class Done(NamedTuple):
    """One file checked by a worker: its entry text, or why it could not be read."""

    at: int  # the file's index in the run
    digest: str | None  # of the bytes checked; None for what is never cached
    text: str  # the entry (engine/result_text.py); "" when the file could not be read
    unreadable: str | None = None  # "path: why"


def check_all(
    given: Sequence[str],
    plan: Plan,
    advance: Callable[[], None] = lambda: None,
    companions: Sequence[str] = (),
) -> CheckResult:
    """`given` as the names to show (a repo's worth of Path objects would cost more than its results);
    `companions` are checked only for their copied-text fingerprints and left out of the result.

    A file that cannot be read is left out too, and named in the result's `skipped`: one file must not
    keep the others from being checked."""
    files = [*given, *companions]
    shown = len(given)
    cache = ResultCache.open(_run_key(plan)) if plan.cache else None
    store = ResultStore(files)
    prints = CopyIndex()
    misses: list[int] = []
    skipped: dict[int, str] = {}
    as_of = plan.as_of.timestamp()
    limit = plan.project.settings.max_file_bytes

    def keep(i: int, text: str, raw: Any) -> None:
        prints.add(i, entry.prints(raw))
        if i < shown:
            store.put(i, text, entry.passed(raw))
            advance()

    for start in range(0, len(files), BATCH):
        batch = range(start, min(start + BATCH, len(files)))
        digests = {i: _read(Path(files[i]), limit)[1] for i in batch}
        found = cache.get(d for d in digests.values() if d) if cache else {}
        used: list[str] = []
        for i, digest in digests.items():
            # a damaged entry is a miss: the file is checked again and its entry replaced
            raw = entry.stored(found[digest]) if digest and digest in found else None
            if raw is None or not entry.holds(raw, as_of):
                misses.append(i)
                continue
            keep(i, found[digest or ""], raw)
            used.append(digest or "")
        if cache and used:
            cache.touch(used)
    fresh: list[tuple[str, str]] = []
    for done in _compute(plan, files, misses):
        if done.unreadable is not None:
            if done.at < shown:
                skipped[done.at] = done.unreadable
                advance()
            continue
        keep(done.at, done.text, entry.read(done.text))
        if cache and done.digest:
            fresh.append((done.digest, done.text))
            if len(fresh) >= BATCH:
                cache.put(fresh)
                fresh = []
    if cache:
        cache.put(fresh)
        cache.close()
    extra = prints.copied(files)
    store.finish((i for i in range(shown) if i not in skipped), {i: f for i, f in extra.items() if i < shown})
    return CheckResult(store, [skipped[i] for i in sorted(skipped)])


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


def _start(plan: Plan, parent: int) -> None:
    global _worker
    # Ctrl-C reaches every process of the terminal's group; the run stops in the parent (exit 130),
    # and a worker that took it too would print a traceback of wherever it was
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # the parent's id as the parent gave it: read here, it is already init's if the parent died meanwhile
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()
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


def _many(jobs: list[tuple[int, str]]) -> list[Done]:
    assert _worker is not None
    return [entry_for(_worker, *job) for job in jobs]


def entry_for(checker: Checker, index: int, name: str) -> Done:
    """Check one file."""
    from handoff_cli.engine.cache_validity import FOREVER, window
    from handoff_cli.engine.result_text import dump
    from handoff_cli.gate.copied_text import fingerprints

    path = Path(name)
    # read again rather than trusting the first read: the cache must key the bytes that were checked
    raw, digest = _read(path, checker.project.settings.max_file_bytes)
    try:
        result, data, positions, zone, _ = checker.inspect(path, name, raw)
    except InputError as exc:  # the file went unreadable (an I/O error, a permission)
        return Done(index, None, "", str(exc))
    found: list[Print] = []
    after, until = FOREVER
    if data is not None:  # a file that could not be read says so whenever it is checked
        after, until = window(data, checker.ctx.as_of, zone)
    if positions is not None and result.score is not None:
        found = fingerprints(data, positions, checker.ctx.min_words)
    return Done(index, digest, dump(result, found, after, until))


def _compute(plan: Plan, files: Sequence[str], todo: list[int]) -> Iterator[Done]:
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
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(plan, os.getpid()))
    try:
        pending: deque[Future[list[Done]]] = deque()
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
