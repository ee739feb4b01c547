"""Dossiers with their check results, for a command that uses both (`handoff report`): each file is read and
parsed once, and its result is taken from the cache `handoff validate` keeps while the file is unchanged,
else checked from that same reading (and kept for the next run, of either command)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_cli.core.errors import InputError
from handoff_cli.core.findings import FileResult
from handoff_cli.dossier.for_commands import Parsed, parse
from handoff_cli.engine import result_text as entry
from handoff_cli.engine.copied_prints import read
from handoff_cli.engine.result_cache import ResultCache
from handoff_cli.engine.runner import BATCH, entry_text, run_key

if TYPE_CHECKING:
    from handoff_cli.gate.checks import Checker


def checked_dossiers(
    names: Sequence[str], checker: Checker, *, cache: bool = True, skipped: list[str] | None = None
) -> Iterator[tuple[FileResult, Parsed]]:
    """Each file's result (as `validate` gives it, before copied text is compared) and what was read.

    A file that cannot be read is left out and named ("path: why") in `skipped`: one file must not keep
    the others from being covered."""
    store = ResultCache.open(run_key(checker.project, checker.min_score)) if cache else None
    limit = checker.project.settings.max_file_bytes
    as_of = checker.ctx.as_of.timestamp()
    try:
        for start in range(0, len(names), BATCH):
            batch = names[start : start + BATCH]
            contents = [read(Path(name), limit) for name in batch]
            found = store.get(digest for _, digest in contents if digest) if store else {}
            fresh: list[tuple[str, str]] = []
            used: list[str] = []
            for name, (raw, digest) in zip(batch, contents, strict=True):
                try:
                    parsed = parse(Path(name), name, checker.project, raw)
                except InputError as exc:
                    if skipped is None:
                        raise
                    skipped.append(str(exc))
                    continue
                # a damaged entry is a miss: the file is checked again and its entry replaced
                stored = entry.stored(found[digest]) if digest and digest in found else None
                if stored is not None and entry.holds(stored, as_of):
                    used.append(digest or "")
                    yield entry.result(found[digest or ""], name), parsed
                    continue
                text = entry_text(checker, checker.check_parsed(parsed, name), parsed.data, checker.zone(parsed))
                if digest:
                    fresh.append((digest, text))
                yield entry.result(text, name), parsed  # read back, as a cached one would be: the same either way
            if store:
                store.put(fresh)
                store.touch(used)
    finally:
        if store:
            store.close()
