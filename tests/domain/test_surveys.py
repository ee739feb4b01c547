"""Customer surveys at day 30 and day 90: both are logged without --force; a rating under the target, and a survey
not logged within its grace (survey_grace_days), are follow-ups the CSM owes, in `handoff sla` and `handoff report`;
the target and the grace are settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_log import log
from tests.conftest import CASES, RunCli

SIGNED = "2026-08-03T09:00:00+00:00"
AS_OF = "2026-11-20T12:00:00+00:00"
DAY_30 = "2026-09-02T10:00:00+00:00"
DAY_90 = "2026-11-01T10:00:00+00:00"
FOLLOW_UP = "look back at the handoff: the day-90 customer survey rated it 3 of 5, under the target 4.5"


@pytest.fixture
def initech(deals_repo: Path) -> Path:
    path = deals_repo / "initech.yaml"
    text = (CASES / "sla" / "commented.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("2026-11-09T09:00:00+00:00", SIGNED).replace("2026-11-", "2026-08-"), "utf-8")
    return path


def test_a_day_30_and_a_day_90_survey_need_no_force(run_cli: RunCli, initech: Path) -> None:
    assert log(run_cli, initech, "customer_survey", "--rating", "5", "--at", DAY_30)[0] == 0
    assert log(run_cli, initech, "customer_survey", "--rating", "3", "--at", DAY_90)[0] == 0
    assert initech.read_text(encoding="utf-8").count("outcome: customer_survey") == 2


def test_a_second_answer_to_the_same_survey_needs_force(run_cli: RunCli, initech: Path) -> None:
    assert log(run_cli, initech, "customer_survey", "--rating", "5", "--at", DAY_30)[0] == 0
    before = initech.read_bytes()
    assert log(run_cli, initech, "customer_survey", "--rating", "2", "--at", "2026-09-20T10:00:00+00:00") == (
        2, "", f"handoff: error: {initech}: the day-30 customer_survey is already logged at {DAY_30}; "
        "pass --force to log it again\n",
    )  # fmt: skip
    assert initech.read_bytes() == before


def _surveyed(initech: Path, *ratings: tuple[str, int]) -> None:
    lines = "".join(f"        - {{outcome: customer_survey, at: {at}, rating: {r}}}\n" for at, r in ratings)
    text = initech.read_text(encoding="utf-8").replace("# trailing comment", "    outcomes:\n" + lines + "#")
    initech.write_text(text, encoding="utf-8")


def test_a_low_rating_is_a_follow_up_owed_by_the_csm(run_cli: RunCli, initech: Path) -> None:
    _surveyed(initech, (DAY_30, 5), (DAY_90, 3))
    sla = run_cli("sla", "initech.yaml", "--as-of", AS_OF)
    assert (
        f"follow-up: 0042 Initech, Inc.: csm Carl CSM owes a {FOLLOW_UP}, since 2026-11-01 10:00+00:00 (initech.yaml)"
        in sla.stdout.splitlines()
    )
    [owed] = json.loads(run_cli("sla", "initech.yaml", "--as-of", AS_OF, "--format", "json").stdout)["follow_ups"]
    assert owed == {"path": "initech.yaml", "deal_id": "0042", "account": "Initech, Inc.", "at": DAY_90,
                    "owed": FOLLOW_UP, "owner": "csm", "owner_name": "Carl CSM"}  # fmt: skip
    report = run_cli("report", "initech.yaml", "--as-of", AS_OF).stdout.splitlines()
    at = report.index("follow-ups owed")
    assert report[at + 1] == f"  0042 Initech, Inc.: csm Carl CSM owes a {FOLLOW_UP}, since 2026-11-01 10:00+00:00"
    assert json.loads(run_cli("report", "initech.yaml", "--as-of", AS_OF, "--format", "json").stdout)[
        "follow_ups"] == [owed]  # fmt: skip


def test_ratings_at_the_target_owe_nothing(run_cli: RunCli, initech: Path) -> None:
    _surveyed(initech, (DAY_30, 5), (DAY_90, 5))
    assert "follow-up" not in run_cli("sla", "initech.yaml", "--as-of", AS_OF).stdout
    assert json.loads(run_cli("report", "initech.yaml", "--as-of", AS_OF, "--format", "json").stdout)[
        "follow_ups"] == []  # fmt: skip
    assert "follow-ups owed" not in run_cli("report", "initech.yaml", "--as-of", AS_OF).stdout


def test_a_survey_after_as_of_owes_nothing_yet(run_cli: RunCli, initech: Path) -> None:
    _surveyed(initech, (DAY_30, 5), (DAY_90, 2))
    assert "follow-up" not in run_cli("sla", "initech.yaml", "--as-of", "2026-10-30T00:00:00+00:00").stdout

DAY_30_OWED = "day-30 customer survey, not logged within the 14 days' grace after day 30"
DAY_90_OWED = "day-90 customer survey, not logged within the 14 days' grace after day 90"
# signed 2026-08-03 09:00 UTC: day 30 is 2026-09-02, day 90 is 2026-11-01, each with 14 days' grace
BEFORE_GRACE_ENDS = "2026-09-16T08:00:00+00:00"
AFTER_DAY_30_GRACE = "2026-09-16T10:00:00+00:00"
AFTER_DAY_90_GRACE = "2026-11-16T10:00:00+00:00"


def _owed(run_cli: RunCli, as_of: str) -> list[dict[str, str | None]]:
    doc = json.loads(run_cli("sla", "initech.yaml", "--as-of", as_of, "--format", "json").stdout)
    follow_ups: list[dict[str, str | None]] = doc["follow_ups"]
    return follow_ups


def test_a_survey_not_logged_after_its_grace_is_owed_by_the_csm(run_cli: RunCli, initech: Path) -> None:
    assert _owed(run_cli, BEFORE_GRACE_ENDS) == []
    sla = run_cli("sla", "initech.yaml", "--as-of", AFTER_DAY_30_GRACE)
    assert (f"follow-up: 0042 Initech, Inc.: csm Carl CSM owes a {DAY_30_OWED}, since 2026-09-02 09:00+00:00 "
            "(initech.yaml)") in sla.stdout.splitlines()
    assert _owed(run_cli, AFTER_DAY_30_GRACE) == [
        {"path": "initech.yaml", "deal_id": "0042", "account": "Initech, Inc.", "at": "2026-09-02T09:00:00+00:00",
         "owed": DAY_30_OWED, "owner": "csm", "owner_name": "Carl CSM"}]  # fmt: skip
    report = run_cli("report", "initech.yaml", "--as-of", AFTER_DAY_30_GRACE).stdout.splitlines()
    at = report.index("follow-ups owed")
    assert report[at + 1].startswith(f"  0042 Initech, Inc.: csm Carl CSM owes a {DAY_30_OWED}, since 2026-09-02")
    assert [f["owed"] for f in json.loads(run_cli(
        "report", "initech.yaml", "--as-of", AFTER_DAY_30_GRACE, "--format", "json").stdout)["follow_ups"]] == [
        DAY_30_OWED]  # fmt: skip


def test_the_day_90_survey_is_owed_once_day_30_is_logged(run_cli: RunCli, initech: Path) -> None:
    _surveyed(initech, (DAY_30, 5))
    assert _owed(run_cli, AFTER_DAY_30_GRACE) == []
    assert [f["owed"] for f in _owed(run_cli, AFTER_DAY_90_GRACE)] == [DAY_90_OWED]


def test_both_surveys_logged_owe_nothing(run_cli: RunCli, initech: Path) -> None:
    _surveyed(initech, (DAY_30, 5), (DAY_90, 5))
    assert _owed(run_cli, "2027-03-01T12:00:00+00:00") == []
    assert "follow-up" not in run_cli("sla", "initech.yaml", "--as-of", "2027-03-01T12:00:00+00:00").stdout
    assert "follow-ups owed" not in run_cli("report", "initech.yaml", "--as-of", "2027-03-01T12:00:00+00:00").stdout


def test_a_pre_close_deal_and_a_renewal_owe_no_survey(run_cli: RunCli, initech: Path) -> None:
    text = initech.read_text(encoding="utf-8")
    pre_close = text.replace("    segment: mid-market", "    segment: mid-market\n    stage: pre-close")
    initech.write_text(pre_close, "utf-8")
    assert _owed(run_cli, AFTER_DAY_90_GRACE) == []
    report = json.loads(run_cli("report", "initech.yaml", "--as-of", AFTER_DAY_90_GRACE, "--format", "json").stdout)
    assert report["follow_ups"] == []
    initech.write_text(text.replace("    segment: mid-market", "    segment: mid-market\n    kind: renewal"), "utf-8")
    assert _owed(run_cli, AFTER_DAY_90_GRACE) == []


def test_the_grace_and_the_target_are_settings(run_cli: RunCli, initech: Path) -> None:
    Path("handoff.toml").write_text("survey_grace_days = 30\n", encoding="utf-8")
    assert _owed(run_cli, AFTER_DAY_30_GRACE) == []
    _surveyed(initech, (DAY_30, 4), (DAY_90, 5))
    Path("handoff.toml").write_text("survey_target = 4\n", encoding="utf-8")
    assert _owed(run_cli, AFTER_DAY_90_GRACE) == []  # 4 of 5 meets a target of 4
    Path("handoff.toml").write_text("", encoding="utf-8")
    [low] = _owed(run_cli, AFTER_DAY_90_GRACE)
    assert low["owed"] == "look back at the handoff: the day-30 customer survey rated it 4 of 5, under the target 4.5"


def test_the_survey_settings_are_bounded(run_cli: RunCli, initech: Path) -> None:
    for setting, line in (("survey_target = 6", "setting 'survey_target': 6 is out of range; write a number from 1 "
                                                "to 5"),
                          ("survey_grace_days = 91", "setting 'survey_grace_days': 91 is out of range; write a number "
                                                     "from 0 to 90")):  # fmt: skip
        Path("handoff.toml").write_text(f"min_score = 95\n{setting}\n", encoding="utf-8")
        run = run_cli("sla", "initech.yaml")
        assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"handoff: error: handoff.toml:2:1: {line}\n")
