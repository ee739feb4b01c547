"""One deal's facts for the portfolio report: completeness and gaps from the checker, clocks from clocks/."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import cached_property
from pathlib import Path

from handoff_cli.clocks.evaluate import ClockStatus, Status
from handoff_cli.clocks.overdue import DueItem, owed_items
from handoff_cli.clocks.table import deal_clocks
from handoff_cli.core.errors import DossierInvalid
from handoff_cli.core.findings import FileResult, Severity
from handoff_cli.core.moments import deal_zone, local
from handoff_cli.engine.dossiers import checked_dossiers
from handoff_cli.gate.checks import Checker
from handoff_cli.model import Dossier
from handoff_cli.repo.files import expand_names
from handoff_cli.rules import BY_CODE
from handoff_cli.settings import Settings

LATE = (Status.BREACHED, Status.MET_LATE)


@dataclass(frozen=True)
class DealFacts:
    path: str
    dossier: Dossier
    result: FileResult
    clocks: tuple[ClockStatus, ...]
    tz: tzinfo
    check_in_days: int  # the segment's cadence in handoff.toml: a longer quiet spell is momentum death

    def aware(self, moment: datetime) -> datetime:
        # on the deal's wall clock: every date and time the report prints from it is the deal's own
        return local(moment, self.tz)

    @property
    def rep(self) -> str:
        rep = self.dossier.deal.sales_rep
        return rep.name if rep else "(no rep)"

    @property
    def csm(self) -> str:
        csm = self.dossier.deal.csm
        return csm.name if csm else "(no CSM)"

    @cached_property  # every section of a report sorts, bands or averages by it
    def score(self) -> float:
        assert self.result.score is not None  # only valid dossiers become DealFacts
        return self.result.score.percent

    def category(self, name: str) -> float:
        assert self.result.score is not None
        return next(c.percent for c in self.result.score.categories if c.category == name)

    @property
    def lost(self) -> dict[str, float]:
        """Completeness points each missed rule costs this dossier (the checker's findings)."""
        out: dict[str, float] = {}
        for f in self.result.findings:
            if f.code in BY_CODE and f.points:  # an unscored check (a rejected review) costs no points
                out[f.name] = out.get(f.name, 0.0) + f.points
        return out

    @property
    def on_time(self) -> bool:
        """Every clock that has come due was met in time (open clocks still inside their window do not count)."""
        return not any(c.status in LATE for c in self.clocks)

    @cached_property
    def owed(self) -> list[DueItem]:
        """The dated items still owed, earliest due first; the CSM view, the due-soon list and the digest all ask."""
        return owed_items(self.dossier, path=self.path)

    def clock(self, name: str) -> ClockStatus | None:
        return next((c for c in self.clocks if c.clock.name == name), None)


@dataclass
class Portfolio:
    as_of: datetime
    timezone: str
    deals: list[DealFacts] = field(default_factory=list)
    invalid: list[DossierInvalid] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)  # the survey target and grace, as `handoff sla` reads them
    unreadable: list[str] = field(default_factory=list)  # "path: why" of each file that could not be read


def collect(paths: Sequence[Path], checker: Checker, *, workers: int | None = None, cache: bool = True) -> Portfolio:
    """Each dossier and its check from the result cache while the file is unchanged, else read once (on
    `workers` processes, one per core by default, from 48 files up) and kept for the next run; its clocks from
    that dossier. Without `cache`, every file is read afresh and nothing is kept."""
    project, as_of = checker.project, checker.ctx.as_of
    portfolio = Portfolio(as_of, project.settings.timezone, settings=project.settings)
    found = checked_dossiers(expand_names(paths), checker, skipped=portfolio.unreadable, workers=workers, cache=cache)
    for read in found:
        path, dossier, result = read.name, read.dossier, read.result
        if dossier is None or result is None:
            portfolio.invalid.append(read.invalid or DossierInvalid(path, []))
            continue
        if result.score is None:
            portfolio.invalid.append(DossierInvalid(path, [f for f in result.findings if f.severity is Severity.ERROR]))
            continue
        portfolio.deals.append(deal_facts(path, dossier, result, checker))
    return portfolio


def deal_facts(path: str, dossier: Dossier, result: FileResult, checker: Checker) -> DealFacts:
    """A valid dossier's facts at the checker's moment: its check, and its clocks from the same reading."""
    project, as_of = checker.project, checker.ctx.as_of
    clocks = tuple(deal_clocks(dossier, project, as_of=as_of, path=path))
    zone, every = deal_zone(project.settings, dossier.deal), project.settings.check_in_days(dossier.deal.segment)
    return DealFacts(path, dossier, result, clocks, zone, every)
