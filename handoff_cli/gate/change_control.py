"""Change control after signature: commitments added, removed, re-dated or re-scoped in commits after the deal was
signed, with the commit's author, read from git (HC001 in `validate`, and the report per rep).

What CS does after signature is not a finding: a status update (`handoff mark`) touches status keys only, and a
renegotiation recorded by `handoff mark … renegotiated` keeps the old date in `previous_due`. Uncommitted edits
have no author yet and are not read.

`between` compares two texts of a dossier, whatever they come from; `changes_of` reads the commits of a whole
run's dossiers with one git walk (repo/git_walk.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from handoff_cli.repo.git_walk import Touch, blobs, histories, short_names, top_of

Item = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Edit:
    """What changed in one commitment from one text of a dossier to the next."""

    what: str  # the commitment's title as the later text has it
    change: str  # added, removed, "due 2027-01-15 -> 2026-12-15", "re-scoped from 'X'"


@dataclass(frozen=True, slots=True)
class Change:
    what: str
    change: str
    commit: str  # the commit's short name
    author: str
    date: str  # the commit's author date

    @property
    def message(self) -> str:
        return f"commitment '{self.what}' {self.change} after signature in {self.commit} by {self.author} ({self.date})"


def between(before: str | bytes | None, after: str | bytes | None) -> list[Edit] | None:
    """The commitments that changed from the text `before` to the text `after`, by title; None (no file) has no
    commitments. None when either text is not YAML: what changed cannot be told.

    A status change is no edit (status keys are not compared), nor is a renegotiation recorded with
    `handoff mark`, which keeps the date it replaced in `previous_due`."""
    old, new = _commitments(before), _commitments(after)
    if old is None or new is None:
        return None
    return _diff(old, new)


def changes_of(signed: Mapping[Path, datetime], *, until: datetime | None = None) -> dict[Path, list[Change]]:
    """For each dossier (by path, with its aware signature moment), the commitment changes committed after it was
    signed and by `until`, oldest first; a dossier with none, or outside git, is left out.

    One `git log` and one `git cat-file` per repository, whatever the number of dossiers."""
    by_top: dict[Path, dict[str, Path]] = {}
    for path in signed:
        top = top_of(path)
        if top is not None:
            by_top.setdefault(top, {})[path.resolve().relative_to(top).as_posix()] = path
    out: dict[Path, list[Change]] = {}
    for top, names in by_top.items():
        since = min(signed[p] for p in names.values())
        found = histories(top, list(names), since=since)
        versions = {name: _after(touched, signed[names[name]], until) for name, touched in found.items()}
        texts = _read(top, {b for kept in versions.values() for b in _blobs_of(kept)})
        changed = {names[name]: made for name, (start, kept) in versions.items() if (made := _walk(start, kept, texts))}
        short = short_names(top, (c.commit for made in changed.values() for c in made))
        for path, made in changed.items():
            out[path] = [replace(c, commit=short.get(c.commit, c.commit[:7])) for c in made]
    return out


def changes(path: Path, signed_at: datetime, *, until: datetime | None = None) -> list[Change]:
    """One dossier's changes after signature (`signed_at` aware): `changes_of` for one file."""
    return changes_of({path: signed_at}, until=until).get(path, [])


Versions = tuple[str | None, list[Touch]]  # the blob at signature, then the commits after it


def _after(touched: list[Touch], signed: datetime, until: datetime | None) -> Versions:
    """The version the deal was sold with, and the commits after signature up to `until` (by author date)."""
    start: str | None = touched[0].old if touched else None
    kept: list[Touch] = []
    for touch in touched:
        made = datetime.fromisoformat(touch.commit.date)
        if until is not None and made > until:
            break  # not made yet at the moment asked about
        if made > signed:
            kept.append(touch)
        else:
            start = touch.new
    return start, kept


def _blobs_of(versions: Versions) -> list[str]:
    start, kept = versions
    return [b for b in (start, *(t.new for t in kept)) if b is not None] if kept else []


def _read(top: Path, ids: set[str]) -> dict[str, dict[str, Item] | None]:
    """Each blob's commitments, held instead of its text."""
    return {blob: _commitments(data) for blob, data in blobs(top, sorted(ids))}


def _walk(start: str | None, kept: list[Touch], texts: Mapping[str, dict[str, Item] | None]) -> list[Change]:
    # a dossier first committed after signature starts from that first commit, as it was sold
    before = texts.get(start) if start is not None else None
    out: list[Change] = []
    for touch in kept:
        now = texts.get(touch.new) if touch.new is not None else None
        if now is None:
            continue  # unreadable or gone at that commit: the next readable one is compared with the last
        if before is not None:
            c = touch.commit
            out += [Change(e.what, e.change, c.sha, c.author, c.date[:10]) for e in _diff(before, now)]
        before = now
    return out


def _commitments(data: str | bytes | None) -> dict[str, Item] | None:
    # here, not at the top: a run whose dossiers no commit changed after signature loads no YAML parser
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if data is None:
        return {}
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    try:
        doc = YAML(typ="safe", pure=True).load(text)
    except YAMLError:
        return None
    items = doc.get("commitments") if isinstance(doc, dict) else None
    found = [i for i in items if isinstance(i, dict) and i.get("what")] if isinstance(items, list) else []
    return {str(i["what"]).strip(): i for i in found}


def _diff(before: dict[str, Item], after: dict[str, Item]) -> list[Edit]:
    out: list[Edit] = []
    for what in before.keys() & after.keys():
        old, new = before[what].get("due"), after[what].get("due")
        # a renegotiation recorded with `handoff mark` keeps the date it replaced in previous_due
        if old != new and after[what].get("previous_due") != old:
            out.append(Edit(what, f"due {old or 'unset'} -> {new or 'unset'}"))
    gone = [w for w in before if w not in after]
    new_items = [w for w in after if w not in before]
    # an item whose title changed where another stood: its scope was rewritten
    for old_what, new_what in zip(gone, new_items, strict=False):
        out.append(Edit(new_what, f"re-scoped from '{old_what}'"))
    out += [Edit(w, "added") for w in new_items[len(gone):]]
    out += [Edit(w, "removed") for w in gone[len(new_items):]]
    return sorted(out, key=lambda e: e.what)
