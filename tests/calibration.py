"""A calibration portfolio: twelve deals whose outcomes are known, for tests/cli/test_report_outcomes.py.

Every deal is the shipped SMB example (signed 2026-11-12T11:20+01:00) in one of three qualities, with its own
rep, segment, value, clock events and outcomes. The test computes the report's figures from this table by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from tests.conftest import EXAMPLES

BASE = (EXAMPLES / "smb-brightleaf.yaml").read_text(encoding="utf-8").split("\nhandoff:\n")[0] + "\n"
SIGNED = datetime.fromisoformat("2026-11-12T11:20:00+01:00")
AS_OF = "2028-06-30T00:00:00+00:00"  # after every outcome but one, which has not happened yet


def _without(text: str, *starts: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith(starts))


# the example as it is (100 %), without the stakeholders' emails (94.1 %), and as a mid-market deal
QUALITY = {
    "great": BASE,
    "fair": _without(BASE, "    email: joost@", "    email: sanne@"),
    "poor": BASE.replace("segment: smb", "segment: mid-market"),
}


def done(day: str) -> str:
    return f", status: done, status_at: {day}T16:00:00+01:00"


# the example's two commitments (due 2026-11-12 and 2026-11-20) and its go-live (2026-11-25), as delivered
ON_TIME = (done("2026-11-12"), done("2026-11-20"))


@dataclass(frozen=True)
class Deal:
    id: str
    quality: str
    rep: str
    value: int | None
    first_value: int | None  # days after signature
    outcomes: tuple[str, ...]  # "kind day [detail]"
    delivered: tuple[str, str] = ON_TIME  # what each commitment's line gains: its status keys
    went_live: str | None = "2026-11-25"


DEALS = (
    # a survey after --as-of does not count yet
    Deal("C-01", "great", "Ann Lee", 9600, 10, ("customer_survey 20 5", "health 90 green", "expanded 200 5000",
                                                "renewed 365", "customer_survey 700 1")),
    # a churn after the first renewal is a later year's churn: the first year was retained
    # the onboarding call two days late, go-live three days late
    Deal("C-02", "great", "Ann Lee", 9600, 20, ("customer_survey 15 5", "health 85 green", "renewed 365",
                                                "churned 500"), (ON_TIME[0], done("2026-11-22")), "2026-11-28"),
    # the latest survey counts
    # the seats never marked delivered and no go-live recorded: both overdue at --as-of
    Deal("C-03", "great", "Ben Okafor", 9600, 29, ("customer_survey 10 2", "customer_survey 40 4", "health 95 yellow",
                                                   "renewed 360"), ("", ON_TIME[1]), None),
    Deal("C-04", "great", "Ben Okafor", 9600, None, ("churned 200",)),
    # a health check at day 30 is not the 90-day check; no renewal or churn: not yet known
    Deal("C-05", "great", "Ann Lee", 9600, 12, ("customer_survey 14 5", "health 30 green")),
    # day 70 and day 110 are as near day 90: the later one counts
    Deal("C-06", "fair", "Ben Okafor", 9600, 25, ("customer_survey 30 4", "health 70 yellow", "health 110 red",
                                                  "expanded 300", "renewed 365")),
    Deal("C-07", "fair", "Ann Lee", 9600, None, ("customer_survey 30 3", "health 90 red", "churned 250")),
    # renewed after --as-of: not yet known
    Deal("C-08", "fair", "Ben Okafor", 9600, 40, ("renewed 660",)),
    # the seats renegotiated to 2026-12-01 and delivered by then; the call dropped: neither is late
    Deal("C-09", "poor", "Cara Diaz", 50000, 45, ("customer_survey 20 2", "health 91 red", "churned 300"),
         (done("2026-11-30") + ", previous_due: 2026-11-12", ", status: dropped")),
    Deal("C-10", "poor", "Cara Diaz", 50000, None, ("customer_survey 20 3", "health 88 yellow", "churned 330")),
    Deal("C-11", "poor", "Cara Diaz", 150000, 28, ("customer_survey 20 4", "health 92 green", "health 150 red",
                                                   "expanded 100 20000", "renewed 365")),
    Deal("C-12", "poor", "Ben Okafor", None, None, ()),
)  # fmt: skip

# every clock met on time except first value when it is late (day > 30) or never came
SMB_EVENTS = (("intro_email", timedelta(minutes=10)), ("first_contact", timedelta(days=1)),
              ("kickoff", timedelta(days=5)))  # fmt: skip
MID_MARKET_EVENTS = (("internal_meeting", timedelta(hours=2)), ("joint_meeting", timedelta(days=3)),
                     ("qbr_scheduled", timedelta(days=5, hours=1)))  # fmt: skip
DETAIL = {"customer_survey": "rating", "health": "value", "expanded": "amount"}
_COMMITMENTS = tuple(line for line in BASE.splitlines() if line.startswith("  - {what: "))[:2]


def _at(days: float) -> str:
    return (SIGNED + timedelta(days=days)).isoformat()


def dossier(deal: Deal, quality: str | None = None) -> str:
    text = QUALITY[quality or deal.quality]
    for line, status in zip(_COMMITMENTS, deal.delivered, strict=True):
        text = text.replace(line, line[:-1] + status + "}")
    text = text.replace("SUB-20931", deal.id).replace("Lotte Visser", deal.rep)
    value = f"  value: {{amount: {deal.value}, currency: EUR}}\n" if deal.value else ""
    text = text.replace("  value: {amount: 9600, currency: EUR}\n", value)
    if deal.id == "C-09":
        text = text.replace("due: 2026-11-12, cs_validated", "due: 2026-12-01, cs_validated")
    if deal.went_live:
        text = text.replace("  go_live: 2026-11-25", f"  went_live: {deal.went_live}\n  go_live: 2026-11-25")
    events = list(SMB_EVENTS) + (list(MID_MARKET_EVENTS) if deal.quality == "poor" else [])
    if deal.first_value is not None:
        events.append(("first_value", timedelta(days=deal.first_value)))
    lines = ["handoff:", "  events:"]
    lines += [f"    - {{event: {name}, at: {(SIGNED + after).isoformat()}}}" for name, after in events]
    if deal.outcomes:
        lines.append("  outcomes:")
    for outcome in deal.outcomes:
        kind, day, *detail = outcome.split()
        extra = f", {DETAIL[kind]}: {detail[0]}" if detail else ""
        lines.append(f"    - {{outcome: {kind}, at: {_at(int(day))}{extra}}}")
    return text + "\n".join(lines) + "\n"


def write(folder: Path) -> list[str]:
    names = []
    for deal in DEALS:
        (folder / f"{deal.id}.yaml").write_text(dossier(deal), encoding="utf-8")
        names.append(f"{deal.id}.yaml")
    return names
