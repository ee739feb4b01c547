"""Check results by file content, kept between runs in one SQLite file in the user's cache folder.

An entry is found by the run's key (handoff's version and code, the settings, --min-score) and
the file's SHA-256, so an edit, an upgrade or a settings change simply misses. SQLite makes
concurrent runs safe (two CI jobs, an editor and a hook); a cache that cannot be opened or written
is skipped without a word, since it can only ever make a run faster.

The same file keeps each dossier's copied-text fingerprints apart, in a table of their own (`shelf`): found by
the file's content alone, under a key of the code and the settings that shape them, so a file that is only
compared with has no check to keep and, known by git's blob id, need not even be read.

An entry is a verdict taken on trust, so the cache is used only when nobody else could have written
it, as ssh treats its files: the folder and the file belong to the user who runs handoff and neither
is writable by group or others. A shared or another user's cache is skipped with one warning line.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from handoff_cli.core.printable import printable

FILE = "results.sqlite3"
KEEP_DAYS = 30  # entries not used for this long are dropped, so the file cannot grow without bound
TABLES = ("results", "prints", "dossiers")
_SCHEMA = "CREATE TABLE IF NOT EXISTS {} (key TEXT PRIMARY KEY, entry TEXT NOT NULL, used INTEGER NOT NULL)"


def folder() -> Path:
    """HANDOFF_CACHE_DIR, else the platform's user cache folder (e.g. ~/.cache/handoff on Linux)."""
    explicit = os.environ.get("HANDOFF_CACHE_DIR")
    if explicit:
        return Path(explicit)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("handoff", appauthor=False))


def untrusted(path: Path) -> str | None:
    """Why another user could have written `path`, or None when only the current user can."""
    info = os.lstat(path)
    kind = "folder" if stat.S_ISDIR(info.st_mode) else "file"
    if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
        return f"the result cache {path} is not a regular file"
    if info.st_uid != os.geteuid():
        return f"the result cache {kind} {path} belongs to another user (set HANDOFF_CACHE_DIR to a folder of yours)"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        mode = stat.S_IMODE(info.st_mode)
        return f"the result cache {kind} {path} is writable by others (mode {mode:o}; chmod go-w it)"
    return None


class ResultCache:
    def __init__(self, db: sqlite3.Connection, run_key: str, table: str = "results") -> None:
        assert table in TABLES  # a name spliced into SQL: only ours
        self._db = db
        self._run_key = run_key
        self._table = table

    def shelf(self, table: str, key: str) -> ResultCache:
        """Another table of the same file, under its own key, on the same connection."""
        return ResultCache(self._db, key, table)

    @classmethod
    def open(cls, run_key: str) -> ResultCache | None:
        try:
            where = folder()
            where.mkdir(mode=0o700, parents=True, exist_ok=True)
            file = where / FILE
            why = untrusted(where) or (untrusted(file) if os.path.lexists(file) else None)
            if why:
                sys.stderr.write(f"handoff: warning: {printable(why)}; checking without the result cache\n")
                return None
            db = sqlite3.connect(file, timeout=30)
            os.chmod(file, 0o600)  # whatever the umask: the entries are verdicts
            db.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
            for table in TABLES:
                db.execute(_SCHEMA.format(table))
        except (OSError, sqlite3.Error):
            return None
        return cls(db, run_key)

    def get(self, digests: Iterable[str]) -> dict[str, str]:
        """digest -> entry text, for those of `digests` stored under this run's key."""
        keys = [f"{self._run_key}:{d}" for d in digests]
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):  # SQLite limits the parameters of one statement
                batch = keys[start : start + 500]
                marks = ",".join("?" * len(batch))
                query = f"SELECT key, entry FROM {self._table} WHERE key IN ({marks})"
                for key, entry in self._db.execute(query, batch):
                    found[key.rpartition(":")[2]] = entry if isinstance(entry, str) else ""  # "": read as damaged
        except sqlite3.Error:
            return {}
        return found

    def put(self, entries: Iterable[tuple[str, str]]) -> None:
        today = int(time.time() // 86400)
        rows = [(f"{self._run_key}:{digest}", entry, today) for digest, entry in entries]
        try:
            with self._db:
                self._db.executemany(f"INSERT OR REPLACE INTO {self._table} VALUES (?, ?, ?)", rows)
                self._db.execute(f"DELETE FROM {self._table} WHERE used < ?", (today - KEEP_DAYS,))
        except sqlite3.Error:
            return

    def touch(self, digests: Iterable[str]) -> None:
        """Mark entries read in this run as used today, so a repo checked daily keeps its cache."""
        today = int(time.time() // 86400)
        keys = [f"{self._run_key}:{d}" for d in digests]
        try:
            with self._db:
                for start in range(0, len(keys), 500):  # a statement per batch, not per entry: a repo's worth is read
                    batch = keys[start : start + 500]
                    marks = ",".join("?" * len(batch))
                    query = f"UPDATE {self._table} SET used = ? WHERE used < ? AND key IN ({marks})"
                    self._db.execute(query, [today, today, *batch])
        except sqlite3.Error:
            return

    def close(self) -> None:
        self._db.close()
