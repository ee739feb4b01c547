"""One deal's facts for the portfolio report, worked out once from its dossier at the report's moment.

Every section of a report is computed over the whole portfolio, so what each needs of a deal (its check, clocks,
owed items, follow-ups, engagement advice, failure patterns, latest review, outcomes and delivery) is taken from
the dossier while it is read, and the dossier itself is then let go: a report holds a few kilobytes per deal,
not the deal's whole model. `keep=True` (the static site, a page per dossier) also keeps the dossier as the
cache's JSON, read back into a model one page at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_cli.clocks.evaluate import ClockStatus, Status
from handoff_cli.clocks.follow_ups import FollowUp, follow_ups
from handoff_cli.clocks.overdue import DueItem, owed_items
from handoff_cli.clocks.table import deal_clocks
from handoff_cli.core.errors import DossierInvalid
from handoff_cli.core.findings import FileResult, Severity
from handoff_cli.core.moments import deal_zone, local
from handoff_cli.engine.dossiers import checked_dossiers, from_json
from handoff_cli.gate.checks import Checker
from handoff_cli.model import Dossier
from handoff_cli.model.common import Stage
from handoff_cli.model.deal import Deal
from handoff_cli.model.progress import Review
from handoff_cli.repo.files import expand_names
from handoff_cli.rules import BY_CODE
from handoff_cli.settings import Settings

if TYPE_CHECKING:
    from handoff_cli.portfolio.adherence import Delivered
    from handoff_cli.portfolio.engagement import Advice
    from handoff_cli.portfolio.outcomes import DealOutcome
    from handoff_cli.portfolio.patterns import Pattern

LATE = (Status.BREACHED, Status.MET_LATE)


@dataclass(frozen=True, slots=True)
class DealFacts:
    path: str
    deal: Deal  # the dossier's deal section: who, what, when
    result: FileResult
    clocks: tuple[ClockStatus, ...]
    tz: tzinfo
    check_in_days: int  # the segment's cadence in handoff.toml: a longer quiet spell is momentum death
    owed: tuple[DueItem, ...]  # the dated items still owed, earliest due first
    follow_ups: tuple[FollowUp, ...]  # owed besides the clocks, as `handoff sla` lists them
    advice: Advice  # when CS should engage, and when it did
    review: Review | None  # the CSM's latest review up to the moment
    churned: bool  # the customer left by the moment: nobody owes this deal an onboarding step any more
    outcome: DealOutcome | None  # a signed deal's outcomes so far; None before signature
    delivered: tuple[Delivered, ...]  # the commitments, milestones and go-live that have come due
    sales_cycle_days: int | None
    patterns: tuple[tuple[Pattern, tuple[str, ...]], ...] = ()  # each failure pattern found, with its evidence
    source: str | None = None  # only with `keep`: the dossier's model as JSON

    def aware(self, moment: datetime) -> datetime:
        # on the deal's wall clock: every date and time the report prints from it is the deal's own
        return local(moment, self.tz)

    @property
    def score(self) -> float:
        assert self.result.score is not None  # only valid dossiers become DealFacts
        return self.result.score.percent

    @property
    def rep(self) -> str:
        return self.deal.sales_rep.name if self.deal.sales_rep else "(no rep)"

    @property
    def csm(self) -> str:
        return self.deal.csm.name if self.deal.csm else "(no CSM)"

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

    def clock(self, name: str) -> ClockStatus | None:
        return next((c for c in self.clocks if c.clock.name == name), None)

    def kept(self) -> Dossier:
        """The dossier, read back for a command that collected with `keep=True`."""
        assert self.source is not None, "collected without keep=True"
        return from_json(self.source)


@dataclass
class Portfolio:
    as_of: datetime
    timezone: str
    deals: list[DealFacts] = field(default_factory=list)
    invalid: list[DossierInvalid] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)  # the survey target and grace, as `handoff sla` reads them
    unreadable: list[str] = field(default_factory=list)  # "path: why" of each file that could not be read


def collect(paths: Sequence[Path], checker: Checker, *, workers: int | None = None, cache: bool = True,
            keep: bool = False) -> Portfolio:  # fmt: skip
    """Each dossier and its check from the result cache while the file is unchanged, else read once (on
    `workers` processes, one per core by default, from 48 files up) and kept for the next run; its facts from
    that dossier. Without `cache`, every file is read afresh and nothing is kept. `keep`: each deal keeps its
    dossier as JSON (a page per dossier needs it whole)."""
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
        source = read.source if keep else None
        portfolio.deals.append(deal_facts(path, dossier, result, checker, source=source))
    return portfolio


def deal_facts(path: str, dossier: Dossier, result: FileResult, checker: Checker, *,
               source: str | None = None) -> DealFacts:  # fmt: skip
    """A valid dossier's facts at the checker's moment: its check, and all else from the same reading."""
    from handoff_cli.portfolio.adherence import delivery
    from handoff_cli.portfolio.engagement import advise
    from handoff_cli.portfolio.outcomes import churned, deal_outcome
    from handoff_cli.portfolio.patterns import detect
    from handoff_cli.portfolio.reviews import latest

    project, as_of = checker.project, checker.ctx.as_of
    settings = project.settings
    clocks = tuple(deal_clocks(dossier, project, as_of=as_of, path=path))
    zone, every = deal_zone(settings, dossier.deal), settings.check_in_days(dossier.deal.segment)
    contact = next((c.done for c in clocks if c.clock.name == "first_contact"), None)
    purchase = dossier.customer.purchase if dossier.customer else None
    facts = DealFacts(
        path, dossier.deal, result, clocks, zone, every,
        owed=tuple(owed_items(dossier, path=path)),
        follow_ups=tuple(follow_ups(dossier, tz=zone, as_of=as_of, path=path, target=settings.survey_target,
                                    grace_days=settings.survey_grace_days)),
        advice=advise(dossier, zone, as_of=as_of, contact=contact),
        review=latest(dossier.handoff, zone, as_of),
        churned=churned(dossier.handoff, zone, as_of),
        outcome=deal_outcome(dossier, zone, as_of),
        delivered=tuple(delivery(dossier, as_of.astimezone(zone).date())),
        sales_cycle_days=purchase.sales_cycle_days if purchase else None,
        source=source,
    )  # fmt: skip
    if dossier.deal.effective_stage is Stage.PRE_CLOSE:
        return facts  # an open deal is the pipeline, not a failed handoff: it shows no failure pattern
    return replace(facts, patterns=tuple((p, tuple(evidence)) for p, evidence in detect(facts, dossier, as_of)))
