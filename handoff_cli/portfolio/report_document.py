"""The shape of the report document (`handoff report --format json`, and what text, Markdown and HTML render).

TypedDicts, so the JSON stays a plain dict while mypy checks every key a reporter reads, the outcomes
section's (built in portfolio/outcomes_document.py) included.
"""

from __future__ import annotations

from typing import Final, NotRequired, TypedDict


class Completeness(TypedDict):
    mean: float | None
    bands: dict[str, int]
    at_target: int
    target: float


class Completion(TypedDict):
    on_time: int
    rate: float | None
    flag: bool


class Gap(TypedDict):
    rule: str
    deals: int
    points: float


class Reviews(TypedDict):
    """The CSMs' reviews of a group of handoffs (portfolio/reviews.py)."""

    reviewed: int
    accepted: int
    rejected: int
    mean_rating: float | None
    target_rating: float
    reasons: dict[str, int]  # reason code -> deals whose latest review rejects for it


class Metrics(TypedDict):
    handoffs: int
    signed: int
    completeness: Completeness
    completion: Completion
    median_first_contact_hours: float | None
    median_days_to_kickoff: float | None
    breaches_by_clock: dict[str, int]
    most_missing: list[Gap]
    reviews: Reviews


class PatternHit(TypedDict):
    path: str
    deal_id: str
    account: str
    pattern: str
    title: str
    evidence: list[str]


class Patterns(TypedDict):
    counts: dict[str, int]
    deals: list[PatternHit]


class OpenDeal(TypedDict):
    deal_id: str
    account: str
    engage: str
    reasons: list[str]
    caveats: list[str]
    engaged: str | None  # CS's first part in the sale, if recorded
    due_now: str | None  # past the rule's point with no CS yet: why CS is due now
    advice: str | None  # due_now, or how far into the sale CS joined


class SignedDeal(TypedDict):
    deal_id: str
    account: str
    engage: str
    facts: str
    engaged: str | None
    outcome: str | None
    advice: str | None


class Engagement(TypedDict):
    rule: dict[str, int]
    summary: dict[str, int]
    open_deals: list[OpenDeal]
    signed_summary: dict[str, int]
    signed_deals: list[SignedDeal]


class LateClock(TypedDict):
    clock: str
    status: str
    owner: str
    owner_name: str | None
    escalate_to: str | None  # breached past the escalation grace: who it goes to


class PipelineDeal(TypedDict):
    path: str
    deal_id: str
    account: str
    segment: str
    rep: str
    score: float
    gaps: list[str]  # the costliest first
    expected_close: str | None
    days_to_close: int | None
    engage: str
    engaged: str | None
    due_now: str | None
    advice: str | None


class Ranked(TypedDict):
    rank: int
    path: str
    deal_id: str
    account: str
    segment: str
    score: float
    rep: str
    csm: str | None
    late: list[LateClock]


class NextDue(TypedDict):
    clock: str
    due: str
    status: str  # open, at-risk or breached
    owner: str
    owner_name: str | None


class Deal(TypedDict):
    path: str
    deal_id: str
    account: str
    segment: str
    rep: str
    stage: str
    score: float
    on_time: float | None
    late_clocks: list[str]
    patterns: list[str]
    status: str  # pipeline, incomplete, ready, accepted or rejected (portfolio/deal_table.py)
    csm: str | None
    next_due: NextDue | None  # the first clock still owed
    owner: str  # who acts next: the next clock's owner, else the CSM (signed) or the rep
    link: str  # the dossier's address: relative to the page, or from [report] link


class DueSoon(TypedDict):
    deal_id: str
    account: str
    path: str
    link: str
    what: str
    kind: str  # commitments, milestones, checklist or clock
    due: str
    owner: str | None


class TrendMonth(TypedDict):
    month: str  # YYYY-MM
    revision: str | None  # the commit the month ended on; None: none yet
    handoffs: int
    completeness: float | None
    on_time_rate: float | None


class GoLive(TypedDict):
    due: int
    on_time: int
    late: int
    overdue: int
    days_late: int


class Adherence(TypedDict):
    """Delivery adherence of a deal or a group: commitments and milestones come due, go-live apart."""

    due: int
    on_time: int
    late: int
    overdue: int
    percent: float | None
    days_late: int
    go_live: GoLive


NOT_YET: Final = "not yet known"  # a key of the outcomes section: deals whose outcome is not logged yet


class Survey(TypedDict):
    mean: float | None
    count: int
    at_target: bool | None


class Surveys(TypedDict):
    target: float
    overall: Survey
    by_segment: dict[str, Survey]
    by_rep: dict[str, Survey]


class FirstValue(TypedDict):
    reached: int
    median_days: float | None


class Delivery(TypedDict):
    deals: int
    first_value: FirstValue
    adherence: Adherence


class Deliveries(TypedDict):
    overall: Delivery
    by_segment: dict[str, Delivery]
    by_size: dict[str, Delivery]
    by_csm: dict[str, Delivery]
    by_rep: dict[str, Delivery]


# keys that are not names ("not yet known") need TypedDict's functional form; the JSON keeps them as they were
Health90 = TypedDict(
    "Health90",
    {"window_days": list[int], "day": int, "green": int, "yellow": int, "red": int, "not yet known": int},
)


class RateFigures(TypedDict):
    """A rate with its Wilson interval, in percent (portfolio/wilson.py)."""

    count: int
    of: int
    percent: float | None
    low: float | None
    high: float | None


class Band(TypedDict):
    """The deals of one quality band at signature whose first-year outcome is known."""

    known: int
    renewed: int
    churned: int
    expanded: int
    retention: RateFigures
    churn: RateFigures
    expansion: RateFigures
    too_few: bool


Retention = TypedDict(
    "Retention",
    {
        "confidence": float,
        "min_deals": int,
        "known": int,
        "not yet known": int,
        "quality_sources": dict[str, int],  # signature, first-commit, current
        "by_band": dict[str, Band],
        "verdict": dict[str, str],  # churn, retention, expansion: one sentence each
    },
)


class OutcomeDeal(TypedDict):
    path: str
    deal_id: str
    account: str
    segment: str
    rep: str
    size: str
    survey: int | None
    days_to_value: float | None
    health_90: str | None
    first_year: str  # renewed, churned or NOT_YET
    expanded: bool
    quality_at_signature: float | None
    quality_source: str | None
    quality_band: str | None
    csm: str
    adherence: Adherence


class Outcomes(TypedDict):
    """The report's `outcomes`: did good handoffs pay off?"""

    signed: int
    survey: Surveys
    delivery: Deliveries
    health_90: Health90
    retention: Retention
    deals: list[OutcomeDeal]


class CsmDeal(TypedDict):
    deal_id: str
    account: str
    path: str


class CsmOverdue(TypedDict):
    deal_id: str
    list: str
    item: str
    due: str
    days_overdue: int
    owner: str | None


class CsmClock(TypedDict):
    deal_id: str
    clock: str
    due: str
    owner: str
    owner_name: str | None


class DueNext(TypedDict):
    deal_id: str
    what: str
    kind: str  # commitments, milestones, checklist or clock
    due: str


class CsmView(TypedDict):
    open_deals: list[CsmDeal]
    overdue: list[CsmOverdue]
    clocks_at_risk: list[CsmClock]
    due_next: list[DueNext]


class Change(TypedDict):
    deal_id: str
    commitment: str
    change: str
    commit: str
    author: str
    date: str


class ChangeControl(TypedDict):
    by_rep: dict[str, list[Change]]


class CsmReport(TypedDict):
    """`report --by csm`: the CSM view alone."""

    version: int
    as_of: str
    timezone: str
    by_csm: dict[str, CsmView]
    invalid: list[str]


class Report(TypedDict):
    version: int
    as_of: str
    timezone: str
    overall: Metrics
    by_segment: dict[str, Metrics]
    by_rep: dict[str, Metrics]
    by_csm: dict[str, CsmView]
    patterns: Patterns
    engagement: Engagement
    pipeline: list[PipelineDeal]  # open deals: not counted in the metrics, patterns or rankings
    worst_first: list[Ranked]
    deals: list[Deal]
    follow_ups: list[dict[str, str | None]]  # owed besides the clocks (clocks/follow_ups.py)
    outcomes: Outcomes
    invalid: list[str]
    change_control: NotRequired[ChangeControl]  # inside git, unless change control is off
    due_soon: list[DueSoon]  # clocks and owed items due within 7 days of as_of
    unreadable: list[str]  # "path: why" of each file that could not be read at all
    trend: NotRequired[list[TrendMonth]]  # with --trend MONTHS, oldest month first
