"""How far one render may go: the size of the document and of every value built on the way, the time, the depth.

A template in a deals repo is code from whoever wrote it, run by whoever renders: these bounds make a
hostile or mistaken one end with one line naming the template, the line and the limit, instead of
filling the disk, the memory or the CI runner's hour. Every check is made inside the render itself
(the sandbox's hooks call `tick` and `size`), so nothing outlives the command: no thread, no signal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from handoff_cli.core.render_settings import RenderSettings

MAX_CALL_DEPTH = 64     # macros calling macros; the packaged templates nest three deep
MAX_NUMBER_BITS = 65_536  # `**` on whole numbers: about 20,000 digits
MAX_LIPSUM = 100        # paragraphs (and words in one) that lipsum() may make
MEMORY_HEADROOM = 1 << 30  # bytes of address space a render may add (Linux; elsewhere MemoryError alone)


class LimitReached(Exception):
    """A template went past one of the bounds; the message names the bound and its setting."""


class Budget:
    """The bounds of the render under way: its deadline, its call depth, and the largest value it may build."""

    def __init__(self, settings: RenderSettings) -> None:
        self.settings = settings
        self.deadline = float("inf")
        self.depth = 0

    @property
    def largest(self) -> int:
        return self.settings.max_output_bytes

    @contextmanager
    def running(self) -> Iterator[None]:
        self.deadline, self.depth = time.monotonic() + self.settings.max_seconds, 0
        try:
            with _memory_ceiling():
                yield
        finally:
            self.deadline = float("inf")

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitReached(f"over the limit: ran longer than {self.settings.max_seconds:g} seconds "
                               "(render.max_seconds)")

    def size(self, value: object) -> None:
        """Refuse a string, list or mapping longer than the document may be."""
        if isinstance(value, str | list | tuple | dict | range):
            self.length(len(value), "a string" if isinstance(value, str) else "a sequence")

    def length(self, n: int, what: str) -> None:
        if n > self.largest:
            unit = "characters" if what == "a string" else "items"
            raise LimitReached(f"over the limit: {what} of {n:,} {unit}; at most {self.largest:,} "
                               "(render.max_output_bytes)")

    def document(self, n: int) -> None:
        if n > self.largest:
            raise LimitReached(f"over the limit: the document passed {self.largest:,} bytes (render.max_output_bytes)")

    def enter(self) -> None:
        self.tick()
        self.depth += 1
        if self.depth > MAX_CALL_DEPTH:
            raise LimitReached(f"over the limit: calls nested deeper than {MAX_CALL_DEPTH}")

    def leave(self) -> None:
        self.depth -= 1


@contextmanager
def _memory_ceiling() -> Iterator[None]:
    """While a template runs, the process may grow by MEMORY_HEADROOM at most: past it, an allocation fails
    with MemoryError (reported as a limit) instead of the machine swapping or the kernel killing the CI job."""
    if not sys.platform.startswith("linux"):
        yield
        return
    import resource

    with open("/proc/self/statm", encoding="ascii") as f:
        used = int(f.read().split()[0]) * resource.getpagesize()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = used + MEMORY_HEADROOM
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        yield  # already bounded at least as tightly
        return
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
