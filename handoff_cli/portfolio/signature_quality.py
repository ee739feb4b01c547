"""Handoff quality at signature: the completeness of the dossier as it stood when the contract was signed.

In a git repository that is the last committed version dated (author date) at or before `deal.signed_at`,
scored with today's rules as `handoff history` scores it; a dossier first committed after the signature
uses its first version. Outside git, or for a file git does not track, it is the current score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from handoff_cli.gate.checks import Checker
from handoff_cli.gate.score_history import score_version
from handoff_cli.portfolio.facts import DealFacts
from handoff_cli.repo.git_history import Version, repo_root, show, versions
from handoff_cli.repo.git_run import GitError

SIGNATURE, FIRST_COMMIT, CURRENT = "signature", "first-commit", "current"
SOURCES = (SIGNATURE, FIRST_COMMIT, CURRENT)
# handoff quality bands at signature: the 95 % completeness target, and 80 below which a handoff is poor
BANDS: tuple[tuple[str, float], ...] = ((">= 95", 95.0), ("80-95", 80.0), ("< 80", 0.0))


@dataclass(frozen=True)
class Quality:
    score: float
    source: str  # one of SOURCES

    @property
    def band(self) -> str:
        return next(name for name, low in BANDS if self.score >= low)


def quality_at_signature(deals: Sequence[DealFacts], checker: Checker) -> dict[str, Quality]:
    """Quality at signature for each given deal (signed ones), by path, scored by the report's own checker."""
    return {d.path: _quality(d, checker) for d in deals if d.deal.signed_at is not None}


def _quality(deal: DealFacts, checker: Checker) -> Quality:
    path = Path(deal.path)
    try:
        found = versions(path)
        root = repo_root(path.resolve().parent, purpose="quality at signature reads the dossier's commits")
    except GitError:
        found = []
    if not found:
        return Quality(deal.score, CURRENT)
    assert deal.deal.signed_at is not None
    signed = deal.aware(deal.deal.signed_at)
    found = _own(found, root, checker, deal)
    before = [v for v in found if datetime.fromisoformat(v.date) <= signed]  # newest first
    version, source = (before[0], SIGNATURE) if before else (found[-1], FIRST_COMMIT)
    data = show(root, version.sha, version.name)
    result = score_version(checker, data, version.name, display=deal.path) if data is not None else None
    if result is None or result.score is None:
        return Quality(deal.score, CURRENT)  # that version cannot be scored: the nearest figure there is
    return Quality(result.score.percent, source)


def _own(found: list[Version], root: Path, checker: Checker, deal: DealFacts) -> list[Version]:
    """The versions that are this deal's: `git log --follow` also follows a copy, so a dossier started from
    another deal's file would inherit that deal's past. Where the file's name changes, the deal id must not."""
    own: list[Version] = []
    for version in found:
        if own and version.name != own[-1].name:
            data = show(root, version.sha, version.name)
            if (
                data is None
                or score_version(checker, data, version.name, display=deal.path).deal_id != deal.deal.id
            ):
                break
        own.append(version)
    return own
