"""Change control after signature: commitments added, removed, re-dated or re-scoped in commits after the deal was
signed, with the commit's author, read from git (`validate --change-control`, and the report per rep).

What CS does after signature is not a finding: a status update (`handoff mark`) touches status keys only, and a
renegotiation recorded by `handoff mark … renegotiated` keeps the old date in `previous_due`. Uncommitted edits
have no author yet and are not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from handoff_cli.repo.git_changed import GitError
from handoff_cli.repo.git_history import Version, repo_root, show, versions

Item = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Change:
    what: str  # the commitment's title as the commit left it
    change: str  # added, removed, "due 2027-01-15 -> 2026-12-15", "scope 'X' -> 'Y'"
    commit: str  # short sha
    author: str
    date: str  # the commit's author date

    @property
    def message(self) -> str:
        return f"commitment '{self.what}' {self.change} after signature in {self.commit} by {self.author} ({self.date})"


def changes(path: Path, signed_at: datetime | None, tz: tzinfo, *, until: datetime | None = None) -> list[Change]:
    """The commitment changes committed after `signed_at` (and by `until`), oldest first; none outside git."""
    if signed_at is None:
        return []
    signed = signed_at if signed_at.tzinfo else signed_at.replace(tzinfo=tz)
    try:
        found = versions(path)
        root = repo_root(path.resolve().parent, purpose="change control reads the dossier's commits")
    except GitError:
        return []
    out: list[Change] = []
    before: dict[str, Item] | None = None  # the commitments as they stood at signature, then after each commit
    for version in reversed(found):
        if until is not None and datetime.fromisoformat(version.date) > until:
            break  # not made yet at the moment asked about
        now = _commitments(show(root, version.sha, version.name))
        if now is None:
            continue  # unreadable at that commit: the next readable one is compared with the last readable
        if before is not None and datetime.fromisoformat(version.date) > signed:
            out += _diff(before, now, version)
        before = now
    return out


def between(before: bytes | None, after: bytes | None, version: Version) -> list[Change]:
    """The commitments added, removed, re-dated or re-scoped from one text of a dossier to another, as `version` made
    them (`handoff diff`); none when either text cannot be read."""
    old, new = _commitments(before), _commitments(after)
    return [] if old is None or new is None else _diff(old, new, version)


def _commitments(data: bytes | None) -> dict[str, Item] | None:
    if data is None:
        return None
    try:
        doc = YAML(typ="safe", pure=True).load(data.decode("utf-8", "replace"))
    except YAMLError:
        return None
    items = doc.get("commitments") if isinstance(doc, dict) else None
    found = [i for i in items if isinstance(i, dict) and i.get("what")] if isinstance(items, list) else []
    return {str(i["what"]).strip(): i for i in found}


def _diff(before: dict[str, Item], after: dict[str, Item], v: Version) -> list[Change]:
    def change(what: str, text: str) -> Change:
        return Change(what, text, v.short, v.author, v.date[:10])

    out: list[Change] = []
    for what in before.keys() & after.keys():
        old, new = before[what].get("due"), after[what].get("due")
        # a renegotiation recorded with `handoff mark` keeps the date it replaced in previous_due
        if old != new and after[what].get("previous_due") != old:
            out.append(change(what, f"due {old or 'unset'} -> {new or 'unset'}"))
    gone = [w for w in before if w not in after]
    new_items = [w for w in after if w not in before]
    # an item whose title changed where another stood: its scope was rewritten
    for old_what, new_what in zip(gone, new_items, strict=False):
        out.append(change(new_what, f"re-scoped from '{old_what}'"))
    out += [change(w, "added") for w in new_items[len(gone):]]
    out += [change(w, "removed") for w in gone[len(new_items):]]
    return sorted(out, key=lambda c: c.what)
