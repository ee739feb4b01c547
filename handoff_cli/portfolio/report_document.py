"""The shape of the report document (`handoff report --format json`, and what text, Markdown and HTML render).

TypedDicts, so the JSON stays a plain dict while mypy checks every key a reporter reads. The outcomes
section keeps its own, looser shape (portfolio/outcomes_document.py) around the typed delivery adherence.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


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


class Metrics(TypedDict):
    handoffs: int
    signed: int
    completeness: Completeness
    completion: Completion
    median_first_contact_hours: float | None
    median_days_to_kickoff: float | None
    breaches_by_clock: dict[str, int]
    most_missing: list[Gap]
    reviews: dict[str, Any]


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
    outcomes: dict[str, Any]
    invalid: list[str]
    change_control: NotRequired[ChangeControl]  # inside git, unless change control is off
