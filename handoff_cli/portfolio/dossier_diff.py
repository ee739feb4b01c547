"""A dossier's change between two revisions in words, as a CS lead would say it (`handoff diff`): what was promised,
moved, added or dropped, who changed, the score with the rules gained and lost, the clocks newly breached.

A change to a commitment or to the go-live made after the deal was signed is marked so: the change-control rule
(gate/change_control.py finds the commitment changes, for `validate --change-control` and here alike). The score of
both versions is taken with today's rules, settings and --as-of, so a change in it is a change in the dossier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from handoff_cli.clocks.evaluate import Status
from handoff_cli.clocks.table import deal_clocks
from handoff_cli.core.errors import DossierInvalid
from handoff_cli.core.findings import FileResult, Severity
from handoff_cli.core.moments import aware, deal_zone
from handoff_cli.dossier.for_commands import parse
from handoff_cli.gate.change_control import between
from handoff_cli.gate.checks import Checker
from handoff_cli.model import Dossier
from handoff_cli.model.common import Person
from handoff_cli.repo.git_diff import Pair, Revision, shown
from handoff_cli.rules import BY_CODE


@dataclass(frozen=True, slots=True)
class Said:
    text: str
    after_signature: bool = False  # a commitment or the go-live changed after the deal was signed


@dataclass
class DossierChange:
    path: str  # as the user would type it: the head's name, or the base's for a removed dossier
    old_path: str | None  # the base's name when it was renamed
    status: str  # added, removed, renamed, changed
    deal_id: str | None
    account: str | None
    said: list[Said] = field(default_factory=list)
    score_before: float | None = None
    score_after: float | None = None
    gained: list[str] = field(default_factory=list)  # rules the head passes that the base missed
    lost: list[str] = field(default_factory=list)  # rules the head misses that the base passed
    newly_breached: list[str] = field(default_factory=list)
    invalid: DossierInvalid | None = None  # the head's findings when it is not a valid dossier


@dataclass
class DiffDocument:
    base: str
    head: str
    as_of: datetime
    changes: list[DossierChange]


@dataclass(frozen=True, slots=True)
class _Side:
    dossier: Dossier | None
    result: FileResult | None


def _side(data: bytes | None, name: str | None, display: str, checker: Checker) -> _Side:
    if data is None or name is None:
        return _Side(None, None)
    parsed = parse(Path(name), display, checker.project, data)
    return _Side(parsed.dossier, checker.check_parsed(parsed, display))


def compare(pairs: Sequence[Pair], root: Path, base: Revision, head: Revision, checker: Checker) -> DiffDocument:
    as_of = checker.ctx.as_of
    changes = [_one(pair, root, base, head, checker) for pair in pairs]
    return DiffDocument(base.name, head.name, as_of, changes)


def _one(pair: Pair, root: Path, base: Revision, head: Revision, checker: Checker) -> DossierChange:
    path = shown(root, pair.new or pair.old or "")
    old_path = shown(root, pair.old) if pair.renamed and pair.old else None
    old = _side(pair.before, pair.old, path, checker)
    new = _side(pair.after, pair.new, path, checker)
    status = "added" if pair.old is None else "removed" if pair.new is None else "renamed" if old_path else "changed"
    either = new.dossier or old.dossier
    change = DossierChange(path, old_path, status, either.deal.id if either else None,
                           either.deal.account if either else None)  # fmt: skip
    if old_path:
        change.said.append(Said(f"renamed from {old_path}"))
    if new.result is not None and new.dossier is None:
        errors = [f for f in new.result.findings if f.severity is Severity.ERROR]
        change.invalid = DossierInvalid(path, errors)
        change.said.append(Said(f"not a valid dossier at {head.name} ({len(errors)} problem(s)); run `handoff "
                                f"validate {path}`"))  # fmt: skip
        return change
    if status == "added" and new.dossier is not None:
        d = new.dossier.deal
        change.said.append(Said(f"new dossier: {d.segment.value} {d.kind.value} deal, stage {d.effective_stage.value}"))
    elif status == "removed":
        change.said.append(Said("dossier removed"))
    elif old.dossier is None:
        change.said.append(Said(f"was not a valid dossier at {base.name}"))
    elif new.dossier is not None:
        moment = datetime.fromisoformat(head.date) if head.date else checker.ctx.as_of
        change.said += _words(old.dossier, new.dossier, pair, moment, checker)
    _score(change, old.result, new.result)
    if new.dossier is not None:
        change.newly_breached = _breached(old.dossier, new.dossier, checker, path)
    return change


def _score(change: DossierChange, old: FileResult | None, new: FileResult | None) -> None:
    def missed(result: FileResult) -> set[str]:
        return {f.name for f in result.findings if f.code in BY_CODE}

    if old is not None and old.score is not None:
        change.score_before = old.score.percent
    if new is not None and new.score is not None:
        change.score_after = new.score.percent
    if old is not None and new is not None and old.score is not None and new.score is not None:
        change.gained = sorted(missed(old) - missed(new))
        change.lost = sorted(missed(new) - missed(old))


def _breached(old: Dossier | None, new: Dossier, checker: Checker, path: str) -> list[str]:
    """The clocks breached in the head that were not in the base, both at --as-of: breached by the change itself
    (an event taken out, a signature moved), not by the time that passed (`handoff sla` says that)."""
    project, as_of = checker.project, checker.ctx.as_of
    before = {c.clock.name for c in deal_clocks(old, project, as_of=as_of, path=path)
              if c.status is Status.BREACHED} if old is not None else set()  # fmt: skip
    tz = deal_zone(project.settings, new.deal)
    return [f"{c.clock.title} ({c.clock.name}), due {c.due.astimezone(tz).isoformat(sep=' ', timespec='minutes')}"
            for c in deal_clocks(new, project, as_of=as_of, path=path)
            if c.status is Status.BREACHED and c.clock.name not in before and c.due is not None]  # fmt: skip


def _person(who: Person | None) -> str | None:
    return who.name if who else None


def _was(label: str, old: Any, new: Any) -> list[Said]:
    if old == new:
        return []
    if old is None:
        return [Said(f"{label} set: {new}")]
    if new is None:
        return [Said(f"{label} removed (was {old})")]
    return [Said(f"{label} changed: {old} → {new}")]


def _money(d: Dossier) -> str | None:
    v = d.deal.value
    return f"{v.amount:,.0f} {v.currency}" if v else None


def _role(role: Any) -> str:
    return str(role.value).replace("-", " ")


def _words(o: Dossier, n: Dossier, pair: Pair, moment: datetime, checker: Checker) -> list[Said]:
    tz = deal_zone(checker.project.settings, n.deal)
    signed = n.deal.signed_at or o.deal.signed_at
    late = signed is not None and aware(signed, tz) < moment  # the change-control rule: made after signature
    said: list[Said] = []
    od, nd = o.deal, n.deal
    said += _was("account", od.account, nd.account)
    said += _was("stage", od.effective_stage.value, nd.effective_stage.value)
    said += _was("segment", od.segment.value, nd.segment.value)
    said += _was("kind", od.kind.value, nd.kind.value)
    said += _was("value", _money(o), _money(n))
    said += _was("signature", od.signed_at and aware(od.signed_at, tz).isoformat(sep=" ", timespec="minutes"),
                 nd.signed_at and aware(nd.signed_at, tz).isoformat(sep=" ", timespec="minutes"))  # fmt: skip
    said += _was("expected close", od.expected_close, nd.expected_close)
    said += _was("CSM", _person(od.csm), _person(nd.csm))
    said += _was("sales rep", _person(od.sales_rep), _person(nd.sales_rep))
    said += _was("CS manager", _person(od.cs_manager), _person(nd.cs_manager))
    said += _stakeholders(o, n)
    said += _commitments(o, n, pair, late)
    og = o.implementation.go_live if o.implementation else None
    ng = n.implementation.go_live if n.implementation else None
    if og != ng:
        text = f"go-live moved {og} → {ng}" if og and ng else f"go-live set: {ng}" if ng else f"go-live removed ({og})"
        said.append(Said(text, after_signature=late))
    said += _handoff(o, n, tz)
    for section in ("customer", "goals", "technical", "implementation", "risks"):
        before, after = getattr(o, section), getattr(n, section)
        if section == "implementation":
            before, after = (x.model_copy(update={"go_live": None}) if x else None for x in (before, after))
        if _dump(before) != _dump(after):
            said.append(Said(f"{section} edited"))
    return said


def _dump(value: Any) -> Any:
    """A section as data, an empty one as none: taking the go-live out of `implementation: {go_live: …}` is not an
    edit of the rest of it."""
    if isinstance(value, list):
        return [_dump(v) for v in value] or None
    return (value.model_dump(mode="json", exclude_none=True) or None) if value is not None else None


def _stakeholders(o: Dossier, n: Dossier) -> list[Said]:
    before = {s.name.casefold(): s for s in o.stakeholders or []}
    after = {s.name.casefold(): s for s in n.stakeholders or []}
    said = [Said(f"stakeholder added: {after[k].name}, {_role(after[k].role)}") for k in after if k not in before]
    said += [Said(f"stakeholder removed: {before[k].name}, {_role(before[k].role)}") for k in before if k not in after]
    said += [Said(f"stakeholder {after[k].name}: {_role(before[k].role)} → {_role(after[k].role)}")
             for k in after if k in before and before[k].role != after[k].role]  # fmt: skip
    return said


def _commitments(o: Dossier, n: Dossier, pair: Pair, late: bool) -> list[Said]:
    new_items = {c.what.strip(): c for c in n.commitments or []}
    old_items = {c.what.strip(): c for c in o.commitments or []}
    said: list[Said] = []
    for found in between(pair.before, pair.after) or []:
        if found.change == "added" and found.what in new_items:
            c = new_items[found.what]
            facts = [c.kind.value, "validated" if c.cs_validated else "not validated"]
            facts += [f"due {c.due}"] if c.due else []
            text = f"commitment added: '{found.what}' ({', '.join(facts)})"
        elif found.change == "removed":
            text = f"commitment removed: '{found.what}'"
        elif found.change.startswith("re-scoped from "):
            text = f"commitment re-scoped: {found.change.removeprefix('re-scoped from ')} → '{found.what}'"
        else:
            text = f"commitment '{found.what}' {found.change.replace(' -> ', ' → ')}"
        said.append(Said(text, after_signature=late))
    for what in new_items.keys() & old_items.keys():
        before, after = old_items[what], new_items[what]
        if before.state != after.state:
            said.append(Said(f"commitment '{what}' {before.state.value} → {after.state.value}"))
        if before.cs_validated != after.cs_validated:
            said.append(Said(f"commitment '{what}' {'validated' if after.cs_validated else 'no longer validated'} "
                             "by CS"))  # fmt: skip
    return said


def _handoff(o: Dossier, n: Dossier, tz: Any) -> list[Said]:
    def stamp(moment: datetime) -> str:
        return aware(moment, tz).isoformat(sep=" ", timespec="minutes")

    op, np_ = o.handoff, n.handoff
    old_events = {(e.event, stamp(e.at)) for e in (op.events if op else None) or []}
    said = [Said(f"logged: {e.event.value} at {stamp(e.at)}") for e in (np_.events if np_ else None) or []
            if (e.event, stamp(e.at)) not in old_events]  # fmt: skip
    old_reviews = {(r.by, stamp(r.at)) for r in (op.reviews if op else None) or []}
    for r in (np_.reviews if np_ else None) or []:
        if (r.by, stamp(r.at)) in old_reviews:
            continue
        rating = f", rating {r.rating}/5" if r.rating else ""
        reasons = f": {', '.join(x.value for x in r.reasons)}" if r.reasons else ""
        said.append(Said(f"handoff {r.decision.value} by {r.by}{rating}{reasons}"))
    old_outcomes = {(x.outcome, stamp(x.at)) for x in (op.outcomes if op else None) or []}
    for x in (np_.outcomes if np_ else None) or []:
        if (x.outcome, stamp(x.at)) not in old_outcomes:
            detail = f" {x.rating}/5" if x.rating else f" {x.value.value}" if x.value else ""
            said.append(Said(f"outcome logged: {x.outcome.value}{detail} at {stamp(x.at)}"))
    return said
