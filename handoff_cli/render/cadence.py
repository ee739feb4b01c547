"""Check-in and review cadence per segment playbook (docs/method.md, "Segment playbooks"): one place to change it."""

from __future__ import annotations

from dataclasses import dataclass

from handoff_cli.model.common import Segment
from handoff_cli.settings import DEFAULT_CHECK_IN_DAYS


@dataclass(frozen=True)
class Cadence:
    summary: str                                # one sentence for the plan's header
    check_in: str | None = None                 # what a recurring check-in is called
    every_days: int = 0                         # 0: no recurring check-in (settings.DEFAULT_CHECK_IN_DAYS)
    until_day: int = 0                          # last day a recurring check-in may fall on
    touchpoints: tuple[tuple[int, str, str], ...] = ()  # fixed (day, key, what) moments; other languages word the key
    review: str = "Quarterly business review (QBR)"


def check_ins(cadence: Cadence, setting: int | None) -> tuple[int, bool, int]:
    """(days between check-ins, whether that is the playbook's own cadence, the last day one may fall on) for a
    segment's playbook and the team's `check_in_days` (None: the playbook's)."""
    every = cadence.every_days if setting is None else setting
    return every, every == cadence.every_days, cadence.until_day or 90


def summary(cadence: Cadence, setting: int | None) -> str:
    """The plan header's sentence in English: the playbook's own, or the team's cadence said in days."""
    every, playbook, until = check_ins(cadence, setting)
    if playbook:
        return cadence.summary
    if every:
        return f"Check-ins every {every} days through day {until}, business review at day 90."
    return "No recurring check-ins: contact follows usage, business review at day 90."


CADENCE: dict[Segment, Cadence] = {
    Segment.ENTERPRISE: Cadence(
        "White-glove: weekly check-ins through implementation and an executive business review at day 90.",
        check_in="Weekly implementation check-in", every_days=DEFAULT_CHECK_IN_DAYS[Segment.ENTERPRISE], until_day=90,
        review="Executive business review (QBR)",
    ),
    Segment.MID_MARKET: Cadence(
        "Standard onboarding: bi-weekly check-ins for the first 60 days, business review at day 90.",
        check_in="Bi-weekly check-in", every_days=DEFAULT_CHECK_IN_DAYS[Segment.MID_MARKET], until_day=60,
    ),
    Segment.SMB: Cadence(
        "Self-serve: automated welcome sequence, guides and community, usage-triggered touchpoints.",
        touchpoints=(
            (1, "welcome-sequence", "Automated welcome sequence starts (video tutorials, self-serve guides)"),
            (14, "usage-nudge", "Usage-triggered touchpoint: nudge if fewer users are active than planned"),
            (45, "usage-community", "Usage-triggered touchpoint: community and advanced guides"),
            (75, "usage-readiness", "Usage-triggered touchpoint: review readiness before the business review"),
        ),
        review="Business review (pooled CS, 30 minutes)",
    ),
    Segment.STRATEGIC: Cadence(
        "Dedicated team: weekly check-ins, monthly executive-sponsor sessions, executive business review at day 90.",
        check_in="Weekly check-in with the project team", until_day=90,
        every_days=DEFAULT_CHECK_IN_DAYS[Segment.STRATEGIC],
        touchpoints=((30, "sponsor-progress", "Executive sponsor session: progress against the custom plan"),
                     (60, "sponsor-adoption", "Executive sponsor session: adoption and value so far")),
        review="Executive business review (QBR)",
    ),
}
