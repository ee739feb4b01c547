"""The report's outcomes on the calibration portfolio (tests/calibration.py), every figure computed by hand here.

Wilson 95 % intervals for k of n, from (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) with z = 1.96:
3/4 -> 30.1-95.4 %, 1/4 -> 4.6-69.9 %, 1/2 -> 9.5-90.5 %, 1/3 -> 6.1-79.2 %, 2/3 -> 20.8-93.9 %.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

import pytest

from handoff_cli.portfolio.wilson import compare, rate
from tests.calibration import AS_OF, DEALS, dossier, write
from tests.conftest import RunCli
from tests.gitrepo import git

TOO_FEW = (
    "too few deals to tell: 4 with handoffs >= 95 and 3 with handoffs < 80 have a known outcome; "
    "at least 10 in each are needed"
)


def report(run_cli: RunCli, names: list[str], fmt: str) -> str:
    result = run_cli("report", *names, "--as-of", AS_OF, "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


@pytest.fixture
def outcomes(run_cli: RunCli, deals_repo: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(report(run_cli, write(deals_repo), "json"))["outcomes"]
    return doc


def test_customer_survey_by_segment_and_rep(outcomes: dict[str, Any]) -> None:
    # latest rating up to --as-of: C-01 5, C-02 5, C-03 4 (not its first 2), C-05 5, C-06 4, C-07 3, C-09 2,
    # C-10 3, C-11 4; C-01's rating of 1 comes after --as-of
    s = outcomes["survey"]
    assert s["target"] == 4.5
    assert s["overall"] == {"mean": 3.89, "count": 9, "at_target": False}  # 35 / 9
    assert s["by_segment"] == {
        "mid-market": {"mean": 3.0, "count": 3, "at_target": False},  # (2 + 3 + 4) / 3
        "smb": {"mean": 4.33, "count": 6, "at_target": False},  # (5 + 5 + 4 + 5 + 4 + 3) / 6
    }
    assert s["by_rep"] == {
        "Ann Lee": {"mean": 4.5, "count": 4, "at_target": True},  # (5 + 5 + 5 + 3) / 4: the target is met at 4.5
        "Ben Okafor": {"mean": 4.0, "count": 2, "at_target": False},  # C-03 4, C-06 4
        "Cara Diaz": {"mean": 3.0, "count": 3, "at_target": False},
    }


def delivery(deals: int, reached: int, median_days: float | None, items: tuple[int, int, int, int, float, int],
             live: tuple[int, int, int, int, int]) -> Any:
    due, on_time, late, overdue, percent, days = items
    return {"deals": deals, "first_value": {"reached": reached, "median_days": median_days},
            "adherence": {"due": due, "on_time": on_time, "late": late, "overdue": overdue, "percent": percent,
                          "days_late": days, "go_live": dict(zip(("due", "on_time", "late", "overdue", "days_late"),
                                                                 live, strict=True))}}  # fmt: skip


# C-03's seats (due 2026-11-12) and go-live (2026-11-25) are still owed at --as-of, 2028-06-30
SEATS_LATE, LIVE_LATE = (date(2028, 6, 30) - date(2026, 11, 12)).days, (date(2028, 6, 30) - date(2026, 11, 25)).days


def test_time_to_first_value_and_delivery_adherence(outcomes: dict[str, Any]) -> None:
    # first value on day 10, 20, 29, 12, 25, 40 (smb) and 45, 28 (mid-market); C-04, C-07, C-10, C-12 never.
    # Two commitments and a go-live per deal, all on time but: C-02's call 2 days late and go-live 3 days late;
    # C-03's seats and go-live overdue; C-09's seats renegotiated and delivered by the new date, its call dropped.
    d = outcomes["delivery"]
    assert d["overall"] == delivery(12, 8, 26.5, (23, 21, 1, 1, 91.3, 2 + SEATS_LATE),
                                    (12, 10, 1, 1, 3 + LIVE_LATE))  # 21 / 23 on time
    assert d["by_segment"] == {
        "mid-market": delivery(4, 2, 36.5, (7, 7, 0, 0, 100.0, 0), (4, 4, 0, 0, 0)),  # C-09 to C-12
        "smb": delivery(8, 6, 22.5, (16, 14, 1, 1, 87.5, 2 + SEATS_LATE), (8, 6, 1, 1, 3 + LIVE_LATE)),
    }
    assert d["by_rep"] == {
        "Ann Lee": delivery(4, 3, 12.0, (8, 7, 1, 0, 87.5, 2), (4, 3, 1, 0, 3)),  # C-01, C-02, C-05, C-07
        "Ben Okafor": delivery(5, 3, 29.0, (10, 9, 0, 1, 90.0, SEATS_LATE), (5, 4, 0, 1, LIVE_LATE)),
        "Cara Diaz": delivery(3, 2, 36.5, (5, 5, 0, 0, 100.0, 0), (3, 3, 0, 0, 0)),  # everything on time
    }
    assert list(d["by_csm"]) == ["Relay Scale CS (pooled)"] and d["by_csm"]["Relay Scale CS (pooled)"] == d["overall"]
    assert list(d["by_size"]) == ["< 15,000", "15,000-99,999", ">= 100,000", "unknown"]
    by_deal = {x["deal_id"]: x["adherence"] for x in outcomes["deals"]}
    assert by_deal["C-01"] == delivery(0, 0, None, (2, 2, 0, 0, 100.0, 0), (1, 1, 0, 0, 0))["adherence"]
    assert by_deal["C-09"]["due"] == 1 and by_deal["C-09"]["percent"] == 100.0


def test_ninety_day_health(outcomes: dict[str, Any]) -> None:
    # nearest day 90 within days 60-120: C-01 green (90), C-02 green (85), C-03 yellow (95), C-06 red (110 beats
    # 70, as near but later), C-07 red, C-09 red, C-10 yellow, C-11 green (92; day 150 is outside);
    # C-05's check at day 30 is not a 90-day check, C-04, C-08, C-12 have none
    h = outcomes["health_90"]
    assert (h["green"], h["yellow"], h["red"], h["not yet known"]) == (3, 2, 3, 4)


def band(known: int, renewed: int, expanded: int, retention: Any, churn: Any, expansion: Any) -> dict[str, Any]:
    def r(hits: int, low: float, high: float) -> dict[str, Any]:
        return {"count": hits, "of": known, "percent": round(100 * hits / known, 1), "low": low, "high": high}

    return {"known": known, "renewed": renewed, "churned": known - renewed, "expanded": expanded,
            "retention": r(renewed, *retention), "churn": r(known - renewed, *churn),
            "expansion": r(expanded, *expansion), "too_few": True}  # fmt: skip


def test_retention_churn_and_expansion_by_quality_band(outcomes: dict[str, Any]) -> None:
    # >= 95 (100 %): C-01 renewed and expanded, C-02 renewed (its churn comes after the renewal), C-03 renewed,
    # C-04 churned; C-05 has no renewal or churn: not yet known, so not retained
    # 80-95 (94.1 %): C-06 renewed and expanded, C-07 churned; C-08 renews only after --as-of
    # < 80 (71.9 %): C-09 and C-10 churned, C-11 renewed and expanded; C-12 has nothing yet
    r = outcomes["retention"]
    assert (r["known"], r["not yet known"], r["min_deals"], r["confidence"]) == (9, 3, 10, 0.95)
    assert r["quality_sources"] == {"signature": 0, "first-commit": 0, "current": 9}  # not committed to git
    assert r["by_band"] == {
        ">= 95": band(4, 3, 1, (30.1, 95.4), (4.6, 69.9), (4.6, 69.9)),
        "80-95": band(2, 1, 1, (9.5, 90.5), (9.5, 90.5), (9.5, 90.5)),
        "< 80": band(3, 1, 1, (6.1, 79.2), (20.8, 93.9), (6.1, 79.2)),
    }
    assert r["verdict"] == {"churn": TOO_FEW, "retention": TOO_FEW, "expansion": TOO_FEW}
    by_id = {d["deal_id"]: d for d in outcomes["deals"]}
    assert [by_id[i]["first_year"] for i in ("C-02", "C-05", "C-08", "C-12")] == [
        "renewed", "not yet known", "not yet known", "not yet known"]  # fmt: skip


def test_text_md_and_html_show_the_same_figures(run_cli: RunCli, deals_repo: Path) -> None:
    names = write(deals_repo)
    text = report(run_cli, names, "text")
    assert text.split("\noutcomes (12 signed deals)\n")[1].splitlines()[-6:] == [
        "    >= 95              4 known: renewed 3, churned 1, expanded 1; retention 75% (30.1-95.4%), "
        "churn 25% (4.6-69.9%), expansion 25% (4.6-69.9%); too few deals to tell",
        "    80-95              2 known: renewed 1, churned 1, expanded 1; retention 50% (9.5-90.5%), "
        "churn 50% (9.5-90.5%), expansion 50% (9.5-90.5%); too few deals to tell",
        "    < 80               3 known: renewed 1, churned 2, expanded 1; retention 33.3% (6.1-79.2%), "
        "churn 66.7% (20.8-93.9%), expansion 33.3% (6.1-79.2%); too few deals to tell",
        "    not yet known      3 signed deal(s) with no renewal or churn logged; never counted as retained",
        "    quality from       git at signature 0, first commit after signature 0, today's score 9",
        f"    comparison         {TOO_FEW}",
    ]
    assert "    rep Ann Lee        mean 4.5 over 4 deals, at target (4.5)\n" in text
    assert "    all deals          green 3, yellow 2, red 3, not yet known 4\n" in text
    md = report(run_cli, names, "md")
    assert ("| all deals | first value in 8 of 12, median 26.5 days; delivered on time 21 of 23 (91.3%), 1 late, "
            f"1 overdue, {2 + SEATS_LATE} days late; go-live on time 10 of 12, {3 + LIVE_LATE} days late |\n") in md
    assert f"| comparison | {escape(TOO_FEW, quote=False)} |\n" in md  # the Markdown report shows HTML as text
    html = report(run_cli, names, "html")
    assert 'data-label="&lt; 80" data-value="66.7"' in html and 'data-label="Ann Lee" data-value="4.5"' in html


def test_quality_at_signature_comes_from_git(run_cli: RunCli, deals_repo: Path) -> None:
    by_id = {d.id: d for d in DEALS}
    at_signing, after = "2026-11-12T09:00:00+00:00", "2026-12-01T09:00:00+00:00"  # signed 10:20 UTC
    # C-01 was only 94.1 % complete when signed and completed afterwards: its band is 80-95, not >= 95
    (deals_repo / "C-01.yaml").write_text(dossier(by_id["C-01"], "fair"), encoding="utf-8")
    git(deals_repo, "add", "C-01.yaml")
    git(deals_repo, "commit", "-q", "-m", "at signing", date=at_signing)
    (deals_repo / "C-01.yaml").write_text(dossier(by_id["C-01"]), encoding="utf-8")
    (deals_repo / "C-04.yaml").write_text(dossier(by_id["C-04"]), encoding="utf-8")
    git(deals_repo, "add", "C-01.yaml", "C-04.yaml")
    git(deals_repo, "commit", "-q", "-m", "completed; C-04 first committed after signing", date=after)
    # C-07 is not committed: its current score is all there is
    (deals_repo / "C-07.yaml").write_text(dossier(by_id["C-07"]), encoding="utf-8")
    doc = json.loads(report(run_cli, ["C-01.yaml", "C-04.yaml", "C-07.yaml"], "json"))["outcomes"]
    found = {d["deal_id"]: (d["quality_at_signature"], d["quality_source"], d["quality_band"]) for d in doc["deals"]}
    assert found == {
        "C-01": (94.1, "signature", "80-95"),
        "C-04": (100.0, "first-commit", ">= 95"),
        "C-07": (94.1, "current", "80-95"),
    }
    assert doc["retention"]["quality_sources"] == {"signature": 1, "first-commit": 1, "current": 1}
    assert {k: b["known"] for k, b in doc["retention"]["by_band"].items()} == {">= 95": 1, "80-95": 2, "< 80": 0}


@pytest.mark.parametrize(
    ("great", "poor", "verdict"),
    [
        # 2/40 = 5 % (1.4-16.5) against 18/40 = 45 % (30.7-60.2): apart
        ((2, 40), (18, 40), "churn is lower after great handoffs: 5% with handoffs >= 95 against 45% with handoffs "
                            "< 80, and the 95% intervals do not overlap"),
        ((18, 40), (2, 40), "churn is higher after great handoffs: 45% with handoffs >= 95 against 5% with handoffs "
                            "< 80, and the 95% intervals do not overlap"),
        # 8 % vs 22 % on 25 deals each: 2.2-25 % and 8.9-41.4 % overlap
        ((2, 25), (11, 50), "no clear difference in churn yet: 8% with handoffs >= 95 against 22% with handoffs < 80, "
                            "but the 95% intervals overlap"),
        ((0, 9), (5, 30), "too few deals to tell: 9 with handoffs >= 95 and 30 with handoffs < 80 have a known "
                          "outcome; at least 10 in each are needed"),
    ],
)  # fmt: skip
def test_compare_says_plainly_what_the_intervals_allow(
    great: tuple[int, int], poor: tuple[int, int], verdict: str
) -> None:
    assert compare("churn", rate(*great), rate(*poor), great_name=">= 95", poor_name="< 80") == verdict


def test_rates_at_the_edges() -> None:
    assert rate(0, 0).as_dict() == {"count": 0, "of": 0, "percent": None, "low": None, "high": None}
    assert rate(0, 5).as_dict() == {"count": 0, "of": 5, "percent": 0.0, "low": 0.0, "high": 43.4}
    assert rate(5, 5).as_dict() == {"count": 5, "of": 5, "percent": 100.0, "low": 56.6, "high": 100.0}
    assert rate(2, 40).as_dict() == {"count": 2, "of": 40, "percent": 5.0, "low": 1.4, "high": 16.5}
