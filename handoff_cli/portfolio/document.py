"""The report as one plain, versioned document: JSON prints it, and text, Markdown and HTML render it."""

from __future__ import annotations

from collections.abc import Mapping

from handoff_cli.portfolio.by_csm import csm_section
from handoff_cli.portfolio.change_section import change_section
from handoff_cli.portfolio.deal_table import Link, due_soon, next_due, owner, status
from handoff_cli.portfolio.engagement import (
    AFTER_CLOSE,
    AT_70,
    MAX_CYCLE_DAYS,
    MAX_IMPLEMENTATION_DAYS,
    MAX_VALUE,
    OUTCOMES,
)
from handoff_cli.portfolio.facts import LATE, Portfolio
from handoff_cli.portfolio.metrics import TARGET_SCORE, Metrics, grouped, metrics
from handoff_cli.portfolio.outcomes_document import outcomes_section
from handoff_cli.portfolio.patterns import PATTERNS
from handoff_cli.portfolio.pipeline import in_pipeline, pipeline
from handoff_cli.portfolio.ranking import ranked, worst_first
from handoff_cli.portfolio.report_document import CsmReport, Report
from handoff_cli.portfolio.report_document import Metrics as MetricsDoc
from handoff_cli.portfolio.signature_quality import Quality

FORMAT_VERSION = 1
GROUP_TOP = 3  # most-missing fields shown per segment and per rep


def document(portfolio: Portfolio, *, quality: Mapping[str, Quality] | None = None,
             change_control: bool = False, link: Link = str) -> Report:
    """`quality`: each deal's handoff quality at signature, by path; without it, today's score.

    `change_control`: also the commitments changed after signature, per rep, from git (when a deal is in git).
    `link`: each dossier's address from its path (portfolio/links.py); by default the path itself."""
    every, as_of = portfolio.deals, portfolio.as_of
    # open deals are the pipeline: in their own section, never in the handoff metrics, patterns or rankings
    deals = [d for d in every if not in_pipeline(d)]
    advice = [d.advice for d in every]
    signed = [a for a in advice if a.outcome is not None]
    doc: Report = {
        "version": FORMAT_VERSION,
        "as_of": portfolio.as_of.isoformat(),
        "timezone": portfolio.timezone,
        "overall": _metrics(metrics(deals)),
        "by_segment": {k: _metrics(m) for k, m in grouped(deals, lambda d: d.deal.segment.value,
                                                          top=GROUP_TOP).items()},
        "by_rep": {k: _metrics(m) for k, m in grouped(deals, lambda d: d.rep, top=GROUP_TOP).items()},
        "by_csm": csm_section(deals, as_of),
        "patterns": {
            # deals showing each pattern
            "counts": {p.name: sum(any(h is p for h, _ in d.patterns) for d in deals) for p in PATTERNS},
            "deals": [
                {"path": d.path, "deal_id": d.deal.id, "account": d.deal.account,
                 "pattern": p.name, "title": p.title, "evidence": list(evidence)}
                for d in deals for p, evidence in d.patterns
            ],
        },
        "engagement": {
            "rule": {"max_value": MAX_VALUE, "max_cycle_days": MAX_CYCLE_DAYS,
                     "max_implementation_days": MAX_IMPLEMENTATION_DAYS},
            "summary": {when: sum(a.when == when for a in advice) for when in (AFTER_CLOSE, AT_70)},
            "open_deals": [
                {"deal_id": a.deal_id, "account": a.account, "engage": a.when, "reasons": list(a.reasons),
                 "caveats": list(a.caveats), "engaged": a.engaged.isoformat() if a.engaged else None,
                 "due_now": a.due_now, "advice": a.due_now or a.verdict}
                for a in advice if a.open
            ],
            # signed deals: when CS engaged against when the rule says it should have
            "signed_summary": {o: sum(a.outcome == o for a in signed) for o in OUTCOMES},
            "signed_deals": [
                {"deal_id": a.deal_id, "account": a.account, "engage": a.when, "facts": a.facts,
                 "engaged": a.engaged.isoformat() if a.engaged else None, "outcome": a.outcome, "advice": a.verdict}
                for a in signed
            ],
        },
        "pipeline": pipeline([d for d in every if in_pipeline(d)], as_of),
        "worst_first": [ranked(d, n) for n, d in enumerate(worst_first(deals), start=1)],
        "deals": [
            {
                "path": d.path, "deal_id": d.deal.id, "account": d.deal.account,
                "segment": d.deal.segment.value, "rep": d.rep, "stage": d.deal.effective_stage.value,
                "score": d.score, "on_time": d.on_time if d.clocks else None,
                "late_clocks": [c.clock.name for c in d.clocks if c.status in LATE],
                "patterns": [p.name for p, _ in d.patterns],
                "status": status(d), "csm": d.deal.csm.name if d.deal.csm else None,
                "next_due": next_due(d), "owner": owner(d), "link": link(d.path),
            }
            for d in every
        ],
        # owed besides the clocks, as `handoff sla` lists them
        "follow_ups": [f.as_dict() for d in every for f in d.follow_ups],
        "outcomes": outcomes_section(portfolio, quality or {}),
        "invalid": [str(e) for e in portfolio.invalid],
        "due_soon": due_soon(deals, as_of, link),
        "unreadable": list(portfolio.unreadable),
    }  # fmt: skip
    if change_control and (changed := change_section(deals, as_of)) is not None:
        doc["change_control"] = changed
    return doc


def csm_document(portfolio: Portfolio) -> CsmReport:
    """`report --by csm`: the CSM view alone."""
    return {
        "version": FORMAT_VERSION,
        "as_of": portfolio.as_of.isoformat(),
        "timezone": portfolio.timezone,
        "by_csm": csm_section([d for d in portfolio.deals if not in_pipeline(d)], portfolio.as_of),
        "invalid": [str(e) for e in portfolio.invalid],
    }


def _metrics(m: Metrics) -> MetricsDoc:
    return {
        "handoffs": m.handoffs,
        "signed": m.signed,
        "completeness": {
            "mean": m.completeness_mean,
            "bands": m.completeness_bands,
            "at_target": m.at_target,
            "target": TARGET_SCORE,
        },
        "completion": {"on_time": m.on_time, "rate": m.completion_rate, "flag": m.completion_flag},
        "median_first_contact_hours": m.median_first_contact_hours,
        "median_days_to_kickoff": m.median_days_to_kickoff,
        "breaches_by_clock": m.breaches_by_clock,
        "most_missing": [{"rule": name, "deals": count, "points": points} for name, count, points in m.most_missing],
        "reviews": m.reviews.as_dict(),
    }
