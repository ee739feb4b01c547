"""The copied-text fingerprints of every file a run compares: from the cache by content, else read for them alone.

A file is known by its content: git's blob id when git holds it unchanged (nothing to read), else the
SHA-256 of its bytes. A file whose fingerprints are not in the cache is read by the fast reader and
fingerprinted, with no schema and no rule, on every core: the first run in a repo (or after an upgrade)
reads the repo once, and never checks the files it only compares with.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from handoff_cli.engine.code_stamp import code_stamp
from handoff_cli.engine.pool import POOL_FROM, pooled
from handoff_cli.engine.result_cache import ResultCache
from handoff_cli.gate.copied_text import CopyIndex, Print, prints_of
from handoff_cli.settings import Settings

_KEEP_EVERY = 200  # new fingerprints written in batches of this many, so a first run holds few at a time
_SEARCH_UP_TO = 256  # texts of the shown files searched for in each cached entry; beyond, every entry is decoded

# how a run shows the indexing of files it has no fingerprints for: given their number, a function to call per file
Indexing = Callable[[int], AbstractContextManager[Callable[[], None]]]


def quiet(_total: int) -> AbstractContextManager[Callable[[], None]]:
    return nullcontext(lambda: None)


def read(path: Path, limit: int) -> tuple[bytes | None, str | None]:
    """The file's bytes and their SHA-256; (None, None) for what is never cached (unreadable, or over
    the size limit: the check itself reports it, as one line naming the file)."""
    try:
        if path.stat().st_size > limit:
            return None, None
        raw = path.read_bytes()
    except OSError:
        return None, None
    return raw, hashlib.sha256(raw).hexdigest()


def content_id(blob: str | None, digest: str | None) -> str | None:
    return f"git-{blob}" if blob else f"sha256-{digest}" if digest else None


class Fingerprints:
    """Collects every file's fingerprints into a CopyIndex, keeping the new ones for the next run."""

    def __init__(self, settings: Settings, cache: ResultCache | None, workers: int) -> None:
        self.index = CopyIndex()
        self._reading = (settings.max_file_bytes, settings.max_depth, tuple(settings.min_words))
        self._shelf = cache.shelf("prints", _key(settings)) if cache else None
        self._workers = workers
        self._fresh: list[tuple[str, str]] = []

    def found(self, index: int, key: str | None, prints: list[Print] | None) -> None:
        """A file's fingerprints, None when it could not be read (it is then not compared), kept for the next run."""
        self._add(index, prints)
        self._keep(key, prints)

    def _keep(self, key: str | None, prints: list[Print] | None) -> None:
        if key and self._shelf:
            self._fresh.append((key, json.dumps(prints, separators=(",", ":"))))
            if len(self._fresh) >= _KEEP_EVERY:
                self._shelf.put(self._fresh)
                self._fresh = []

    def collect(
        self, files: Sequence[str], keys: Sequence[str | None], todo: Sequence[int], shown: int, show: Indexing
    ) -> None:
        """The fingerprints of the files `todo` indexes: cached ones looked up, the rest read for them. Of a file
        past the first `shown` (compared with, never reported) only the texts it shares with those are kept."""
        cached = self._shelf.get(k for i in todo if (k := keys[i])) if self._shelf else {}
        if self._shelf and cached:
            self._shelf.touch(cached)
        others: list[tuple[int, str]] = []
        missing: list[tuple[int, str]] = []
        for i in todo:
            key = keys[i]
            if not (key and key in cached):
                missing.append((i, files[i]))
            elif i < shown:
                self._add(i, _load(cached[key]))
            else:
                others.append((i, cached[key]))
        # the shown files first: the others are then kept only for the texts they share with those
        missing.sort(key=lambda job: job[0] >= shown)
        wanted: set[int] | None = None
        with show(len(missing)) if missing else nullcontext(lambda: None) as advance:
            for i, prints in self._read(missing):
                if i >= shown and wanted is None:
                    wanted = self.index.digests()
                self._keep(keys[i], prints)
                self._add(i, prints if wanted is None or prints is None else [p for p in prints if p[1] in wanted])
                advance()
        self._compare(others)

    def _compare(self, cached: list[tuple[int, str]]) -> None:
        wanted = self.index.digests()
        # a warm run in a large repo: each entry is searched for the shown files' texts as they are written in
        # it, and only an entry holding one is decoded (and checked again, exactly) rather than every entry
        written = re.compile("|".join(str(d) for d in wanted)) if 0 < len(wanted) <= _SEARCH_UP_TO else None
        for i, text in cached:
            if text == "null":
                continue  # could not be read: not compared
            if not wanted or (written is not None and not written.search(text)):
                self.index.add(i, ())
                continue
            prints = _load(text)
            self._add(i, prints if prints is None else [p for p in prints if p[1] in wanted])

    def _add(self, index: int, prints: list[Print] | None) -> None:
        if prints is not None:
            self.index.add(index, prints)

    def _read(self, jobs: list[tuple[int, str]]) -> Iterator[tuple[int, list[Print] | None]]:
        if self._workers <= 1 or len(jobs) < POOL_FROM:
            yield from _prints(jobs, self._reading)
            return
        yield from pooled(jobs, _many, self._workers, _remember, (self._reading,))

    def close(self) -> None:
        if self._shelf and self._fresh:
            self._shelf.put(self._fresh)


def _load(text: str) -> list[Print] | None:
    stored = json.loads(text)
    return None if stored is None else [(sys.intern(f), d, line, col) for f, d, line, col in stored]


def _key(settings: Settings) -> str:
    """What fingerprints depend on besides the file: the code that reads and hashes, and the settings it reads by."""
    shaping = json.dumps([settings.max_file_bytes, settings.max_depth, sorted(settings.min_words)])
    return hashlib.sha256(f"{code_stamp()}\0{shaping}".encode()).hexdigest()[:24]


Reading = tuple[int, int, tuple[str, ...]]  # max_file_bytes, max_depth, the narrative fields


def _prints(jobs: list[tuple[int, str]], reading: Reading) -> Iterator[tuple[int, list[Print] | None]]:
    limit, depth, fields = reading
    for i, name in jobs:
        raw, _ = read(Path(name), limit)
        yield i, None if raw is None else prints_of(raw, max_depth=depth, fields=fields)


_reading: Reading | None = None


def _remember(reading: Reading) -> None:
    global _reading
    _reading = reading


def _many(jobs: list[tuple[int, str]]) -> list[tuple[int, list[Print] | None]]:
    assert _reading is not None
    return list(_prints(jobs, _reading))
