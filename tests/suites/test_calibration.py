"""Calibration: hand-made deals of every segment and shape, each with the verdict a CS lead would give.

Each `tests/calibration/<deal>.yaml` has a `<deal>.verdict.toml` beside it: the moment of the check,
the exit code of `handoff validate`, the band the score must fall in, every finding code, every clock
of `handoff sla` with its status and due date, every follow-up the CSM owes, and every failure pattern
of `handoff report` with its evidence. A change to a weight, a rule or a pattern shows its effect here on
real cases; change a verdict only when the new one is what a CS lead would say.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.conftest import RunCli

CALIBRATION = Path(__file__).resolve().parents[1] / "calibration"
DEALS = sorted(p.stem for p in CALIBRATION.glob("*.yaml"))


def test_every_deal_has_a_verdict_and_every_segment_is_covered() -> None:
    assert sorted(p.name.removesuffix(".verdict.toml") for p in CALIBRATION.glob("*.verdict.toml")) == DEALS
    assert {d.split("-")[0] for d in DEALS} >= {"smb", "midmarket", "enterprise", "strategic"}


@pytest.mark.parametrize("deal", DEALS)
def test_verdict(deal: str, run_cli: RunCli, deals_repo: Path) -> None:
    verdict = tomllib.loads((CALIBRATION / f"{deal}.verdict.toml").read_text(encoding="utf-8"))
    shutil.copy(CALIBRATION / f"{deal}.yaml", deals_repo / f"{deal}.yaml")
    (deals_repo / "handoff.toml").write_text(verdict.get("settings", ""), encoding="utf-8")
    as_of = verdict["as_of"]

    checked = run_cli("validate", f"{deal}.yaml", "--as-of", as_of, "--format", "json")
    [file] = json.loads(checked.stdout)["files"]
    low, high = verdict["score"]
    assert checked.exit_code == verdict["exit"]
    assert low <= file["score"] <= high, file["score"]
    assert sorted({f["code"] for f in file["findings"]}) == sorted(verdict["findings"])

    report = json.loads(run_cli("report", f"{deal}.yaml", "--as-of", as_of, "--format", "json").stdout)
    patterns = {p["pattern"]: p["evidence"] for p in report["patterns"]["deals"]}
    assert patterns == verdict["patterns"]
    engagement = report["engagement"]
    advice = [a["advice"] for a in engagement["open_deals"] + engagement["signed_deals"]]
    assert advice == ([verdict["engagement"]] if "engagement" in verdict else advice)
    # an open deal is pipeline: its own section, never ranked among the handoffs or counted in their rates
    open_deal = verdict.get("pipeline", False)
    assert (len(report["pipeline"]), len(report["worst_first"]), report["overall"]["handoffs"]) == (
        (1, 0, 0) if open_deal else (0, 1, 1)
    )

    sla = json.loads(run_cli("sla", f"{deal}.yaml", "--as-of", as_of, "--format", "json").stdout)
    clocks = {row["clock"]: [row["status"], row["due"] or ""] for row in sla["clocks"]}
    assert clocks == verdict["clocks"]
    # what the CSM owes besides the clocks (a low survey rating, a survey not logged): none unless listed
    assert [f["owed"] for f in sla["follow_ups"]] == verdict.get("follow_ups", [])
