"""Work spread over a process pool, for checks and for indexing: results in the order of the jobs, a bounded
number of chunks in flight, and workers that end with their command however it ends."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

POOL_FROM = 48  # fewer jobs than this are done in-process: starting workers would cost more

Job = TypeVar("Job")
Done = TypeVar("Done")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def pooled(
    jobs: Sequence[Job],
    work: Callable[[list[Job]], list[Done]],
    workers: int,
    setup: Callable[..., None],
    args: tuple[Any, ...],
) -> Iterator[Done]:
    """`work` over chunks of `jobs` on `workers` processes, each started by `setup(*args)`; both must be
    module-level functions, as a worker started afresh (outside Linux) finds them by name."""
    # loaded here, not at the top: a commit hook's one file never starts a pool
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the imported modules with the workers; elsewhere each worker starts afresh
    method = "fork" if sys.platform == "linux" else None
    context = multiprocessing.get_context(method)
    size = max(1, min(32, len(jobs) // (workers * 8)))
    chunks = (list(jobs[i : i + size]) for i in range(0, len(jobs), size))
    # a few chunks in flight per worker: Executor.map would submit every chunk of the run at once, and
    # the memory held would grow with the size of the repo
    ahead = workers * 4
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(setup, args, os.getpid()))
    try:
        pending: deque[Future[list[Done]]] = deque()
        for chunk in chunks:
            with _workers_start_deaf():  # a submit may start workers
                pending.append(pool.submit(work, chunk))
            if len(pending) >= ahead:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # on Ctrl-C or an error, what has not started is dropped rather than done for nothing
        pool.shutdown(cancel_futures=True)


def _start(setup: Callable[..., None], args: tuple[Any, ...], parent: int) -> None:
    # Ctrl-C reaches every process of the terminal's group; the run stops in the parent (exit 130),
    # and a worker that took it too would print a traceback of wherever it was
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # the parent's id as the parent gave it: read here, it is already init's if the parent died meanwhile
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()
    setup(*args)


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
