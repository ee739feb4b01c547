"""`handoff report` ranks: worst deals first with the owners of their late clocks, gaps by points lost, and
for every signed deal when CS engaged against when the rule says it should have."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import AS_OF, EXAMPLES, RunCli

SIGNED = "2026-11-02T10:00:00+00:00"


def _deal(deal_id: str, *, segment: str = "mid-market", value: str = "150000, currency: USD", cycle: int | None = 90,
          events: str = "", implementation: str = "") -> str:
    text = (f"schema: 1\ndeal:\n  id: {deal_id}\n  account: {deal_id} Co\n  segment: {segment}\n"
            f"  value: {{amount: {value}}}\n  signed_at: {SIGNED}\n"
            "  sales_rep: {name: Rita Rep}\n  csm: {name: Cleo Csm}\n")
    if cycle is not None:
        text += f"customer:\n  purchase: {{sales_cycle_days: {cycle}}}\n"
    text += implementation
    return text + (f"handoff:\n  events:\n{events}" if events else "")


def test_signed_deals_get_engagement_advice(run_cli: RunCli, deals_repo: Path) -> None:
    deals = {
        # a large deal whose CS came in only after close: later than the rule says
        "late.yaml": _deal("LATE", events="    - {event: internal_meeting, at: 2026-11-03T09:00:00+00:00}\n"),
        # the same deal with CS briefed 27 days before signature, 70 % through its 90-day sale
        "early.yaml": _deal("EARLY", events="    - {event: internal_meeting, at: 2026-10-06T10:00:00+00:00}\n"),
        # a small, quick SMB deal: the CSM's welcome email 10 minutes after payment is CS engaging after close
        "small.yaml": _deal("SMALL", segment="smb", value="9000, currency: EUR", cycle=21,
                            implementation="implementation: {start: 2026-11-03, go_live: 2026-11-12}\n",
                            events="    - {event: intro_email, at: 2026-11-02T10:10:00+00:00}\n"),
        "none.yaml": _deal("NONE"),
    }
    for name, text in deals.items():
        (deals_repo / name).write_text(text, encoding="utf-8")
    result = run_cli("report", *deals, "--as-of", AS_OF)
    lines = result.stdout.splitlines()
    start = lines.index("when CS should engage")
    assert lines[start + 4:start + 9] == [
        "  signed deals: 2 as the rule says, 1 later than the rule says, 0 earlier than needed, 1 no CS step yet",
        "  signed deal LATE LATE Co: CS engaged after close (2026-11-03); "
        "for 150,000 USD and a 90-day cycle the rule says at ~70% of the sale",
        "  signed deal EARLY EARLY Co: CS joined at ~70% of the sale (2026-10-06); "
        "for 150,000 USD and a 90-day cycle the rule says ~70%",
        "  signed deal SMALL SMALL Co: CS engaged after close (2026-11-02); "
        "for 9,000 EUR, a 21-day cycle and a 9-day implementation the rule says after close",
        "  signed deal NONE NONE Co: no CS step logged yet; for 150,000 USD and a 90-day cycle the rule says at ~70% "
        "of the sale",
    ]
    doc = json.loads(run_cli("report", *deals, "--as-of", AS_OF, "--format", "json").stdout)
    assert {d["deal_id"]: (d["outcome"], d["engaged"]) for d in doc["engagement"]["signed_deals"]} == {
        "LATE": ("later than the rule says", "2026-11-03T09:00:00+00:00"),
        "EARLY": ("as the rule says", "2026-10-06T10:00:00+00:00"),
        "SMALL": ("as the rule says", "2026-11-02T10:10:00+00:00"),
        "NONE": ("no CS step yet", None),
    }
    md = run_cli("report", *deals, "--as-of", AS_OF, "--format", "md").stdout
    assert "- signed deal NONE NONE Co: no CS step logged yet; for 150,000 USD and a 90-day cycle" in md
    html = run_cli("report", *deals, "--as-of", AS_OF, "--format", "html").stdout
    assert "<li>signed deal NONE NONE Co: no CS step logged yet; for 150,000 USD and a 90-day cycle" in html


def test_of_two_deals_with_the_same_score_the_one_with_more_late_clocks_ranks_first(
    run_cli: RunCli, deals_repo: Path
) -> None:
    on_time = "".join(f"    - {{event: {e}, at: 2026-11-02T12:00:00+00:00}}\n"
                      for e in ("internal_meeting", "intro_email", "first_contact", "joint_meeting", "kickoff",
                                "qbr_scheduled"))
    (deals_repo / "a.yaml").write_text(_deal("A-ON-TIME", events=on_time), encoding="utf-8")
    (deals_repo / "b.yaml").write_text(_deal("B-LATE"), encoding="utf-8")
    late = "2026-12-10T00:00:00+00:00"  # first value (30 days) has run out for both
    doc = json.loads(run_cli("report", "a.yaml", "b.yaml", "--as-of", late, "--format", "json").stdout)
    worst = doc["worst_first"]
    assert [(w["rank"], w["deal_id"]) for w in worst] == [(1, "B-LATE"), (2, "A-ON-TIME")]
    assert worst[0]["score"] == worst[1]["score"]
    assert [(c["clock"], c["owner"], c["owner_name"]) for c in worst[0]["late"]] == [
        ("internal_meeting", "rep", "Rita Rep"), ("intro_email", "rep", "Rita Rep"),
        ("first_contact", "csm", "Cleo Csm"), ("joint_meeting", "rep", "Rita Rep"), ("kickoff", "csm", "Cleo Csm"),
        ("first_value", "csm", "Cleo Csm"),
    ]  # fmt: skip
    text = run_cli("report", "a.yaml", "b.yaml", "--as-of", late).stdout.splitlines()
    first = text[text.index("worst deals first") + 1]
    escalate = "escalate to (no cs_manager or escalation_owner set)"
    assert first.startswith(f"  1. B-LATE B-LATE Co (mid-market): {worst[0]['score']:g}%, 6 late: internal_meeting "
                            f"breached (rep Rita Rep, {escalate}); intro_email breached (rep Rita Rep, {escalate}); ")
    assert first.endswith("; rep Rita Rep, CSM Cleo Csm")
    assert text[text.index("worst deals first") + 2] == (
        f"  2. A-ON-TIME A-ON-TIME Co (mid-market): {worst[1]['score']:g}%, 1 late: first_value breached "
        f"(csm Cleo Csm, {escalate}); rep Rita Rep, CSM Cleo Csm")


def test_the_examples_rank_by_score_and_gaps_by_points_lost(run_cli: RunCli) -> None:
    deals = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    doc = json.loads(run_cli("report", *deals, "--as-of", AS_OF, "--format", "json").stdout)
    keys = [(w["score"], -len(w["late"])) for w in doc["worst_first"]]
    assert keys == sorted(keys) and doc["worst_first"][0]["deal_id"] == "HS-88412"
    gaps = doc["overall"]["most_missing"]
    assert [g["points"] for g in gaps] == sorted((g["points"] for g in gaps), reverse=True)
    # points lost are the checker's own: the sum over the deals' findings for that rule
    checked = json.loads(run_cli("validate", *deals, "--as-of", AS_OF, "--format", "json").stdout)
    lost: dict[str, float] = {}
    for f in (f for file in checked["files"] for f in file["findings"]):
        lost[f["name"]] = lost.get(f["name"], 0) + f["points"]
    assert {g["rule"]: g["points"] for g in gaps} == {g["rule"]: round(lost[g["rule"]], 2) for g in gaps}
