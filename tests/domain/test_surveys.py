"""Customer surveys at day 30 and day 90: both are logged without --force, and a rating under the target is a
follow-up the CSM owes, in `handoff sla` and in `handoff report`."""

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
    assert report[at + 1] == f"  0042 Initech, Inc.: csm Carl CSM owes a {FOLLOW_UP}, since {DAY_90}"
    assert json.loads(run_cli("report", "initech.yaml", "--as-of", AS_OF, "--format", "json").stdout)[
        "follow_ups"] == [owed]  # fmt: skip


def test_ratings_at_the_target_owe_nothing(run_cli: RunCli, initech: Path) -> None:
    _surveyed(initech, (DAY_30, 5), (DAY_90, 5))
    assert "follow-up" not in run_cli("sla", "initech.yaml", "--as-of", AS_OF).stdout
    assert json.loads(run_cli("report", "initech.yaml", "--as-of", AS_OF, "--format", "json").stdout)[
        "follow_ups"] == []  # fmt: skip
    assert "follow-ups owed" not in run_cli("report", "initech.yaml", "--as-of", AS_OF).stdout


def test_a_survey_after_as_of_owes_nothing_yet(run_cli: RunCli, initech: Path) -> None:
    _surveyed(initech, (DAY_90, 2))
    assert "follow-up" not in run_cli("sla", "initech.yaml", "--as-of", "2026-10-30T00:00:00+00:00").stdout
