"""`handoff log DEAL customer_survey|health|renewed|churned|expanded`: only the new lines, refusals write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_log import added_lines, log
from tests.conftest import CASES, RunCli

AT = "2026-11-20T10:30:00+00:00"
COMMENTED = CASES / "sla" / "commented.yaml"
AMOUNT = "--amount must be a plain number of at most 15 digits, e.g. 20000, not '{}'"


@pytest.fixture
def initech(deals_repo: Path) -> Path:
    path = deals_repo / "initech.yaml"
    path.write_bytes(COMMENTED.read_bytes())
    return path


def test_each_outcome_adds_only_its_lines_after_the_checklist(run_cli: RunCli, initech: Path) -> None:
    before = initech.read_text(encoding="utf-8")
    steps = [
        (("customer_survey", "--rating", "5", "--note", "Smooth: no repeats"), "customer_survey rating 5"),
        (("health", "--value", "yellow", "--by", "Carl CSM"), "health value yellow"),
        (("expanded", "--amount", "12000.50"), "expanded amount 12000.5"),
        (("renewed",), "renewed"),
    ]
    for args, said in steps:
        assert log(run_cli, initech, *args, "--at", AT) == (0, f"logged {said} at {AT} in {initech}\n", "")
    after = initech.read_text(encoding="utf-8")
    # outcomes go where the model lists them: after the checklist, in the file's own indentation (4)
    assert added_lines(before, after) == [
        "    outcomes:\n",
        "        - outcome: customer_survey\n", f"          at: {AT}\n", "          rating: 5\n",
        "          note: 'Smooth: no repeats'\n",
        "        - outcome: health\n", f"          at: {AT}\n", "          value: yellow\n", "          by: Carl CSM\n",
        "        - outcome: expanded\n", f"          at: {AT}\n", "          amount: 12000.5\n",
        "        - outcome: renewed\n", f"          at: {AT}\n",
    ]  # fmt: skip
    assert after.index("{item: CRM owner changed") < after.index("    outcomes:") < after.index("# trailing comment")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("customer_survey",), "customer_survey needs --rating 1-5"),
        (("customer_survey", "--rating", "6"), "--rating must be a whole number from 1 to 5, not '6'"),
        (("customer_survey", "--rating", "4.5"), "--rating must be a whole number from 1 to 5, not '4.5'"),
        (("health",), "health needs --value green, yellow or red"),
        (("health", "--value", "grene"), "unknown health 'grene'; did you mean 'green'?"),
        (("health", "--value", "amber"), "unknown health 'amber'; use one of green, yellow, red"),
        (("health", "--value", "red", "--rating", "2"), "--rating goes with customer_survey, not health"),
        (("renewed", "--amount", "100"), "--amount goes with expanded, not renewed"),
        (("expanded", "--amount", "20K"), AMOUNT.format("20K")),
        (("expanded", "--amount", "-5"), AMOUNT.format("-5")),
        (("kickoff", "--value", "green"), "--value goes with health, not kickoff"),
        (("renewd",), "unknown event 'renewd'; did you mean 'renewed'?"),
        (("churned", "--at", "2999-01-01T00:00:00+00:00"),
         "--at 2999-01-01T00:00:00+00:00 is in the future; log an outcome once it has happened"),
        (("churned", "--at", "2026-11-01T00:00:00+00:00"), "--at 2026-11-01T00:00:00+00:00 is before the signature "
         "(2026-11-09T09:00:00+00:00); pass --force if it really happened before close"),
    ],
)  # fmt: skip
def test_refusals_write_nothing(run_cli: RunCli, initech: Path, args: tuple[str, ...], message: str) -> None:
    before = initech.read_bytes()
    assert log(run_cli, initech, *args) == (2, "", f"handoff: error: {initech}: {message}\n")
    assert initech.read_bytes() == before


def test_a_second_answer_to_a_survey_or_anything_after_a_churn_needs_force(run_cli: RunCli, initech: Path) -> None:
    assert log(run_cli, initech, "customer_survey", "--rating", "4", "--at", AT)[0] == 0
    assert log(run_cli, initech, "churned", "--at", AT)[0] == 0
    before = initech.read_bytes()
    first = "2026-11-20T10:30:00+00:00"
    assert log(run_cli, initech, "customer_survey", "--rating", "2", "--at", "2026-11-21T10:00:00+00:00") == (
        2,
        "",
        f"handoff: error: {initech}: the day-30 customer_survey is already logged at {first}; "
        "pass --force to log it again\n",
    )
    assert log(run_cli, initech, "renewed") == (
        2,
        "",
        f"handoff: error: {initech}: the customer churned at {first}; pass --force to log renewed after that\n",
    )
    assert log(run_cli, initech, "churned") == (
        2,
        "",
        f"handoff: error: {initech}: churned is already logged at {first}; pass --force to log it again\n",
    )
    assert initech.read_bytes() == before
    assert log(run_cli, initech, "renewed", "--at", "2026-11-21T09:00:00+00:00", "--force")[0] == 0
    assert added_lines(before.decode(), initech.read_text(encoding="utf-8")) == [
        "        - outcome: renewed\n", "          at: 2026-11-21T09:00:00+00:00\n"]  # fmt: skip


def test_health_checks_may_repeat(run_cli: RunCli, initech: Path) -> None:
    assert log(run_cli, initech, "health", "--value", "green", "--at", AT)[0] == 0
    assert log(run_cli, initech, "health", "--value", "red", "--at", AT)[0] == 0
    assert initech.read_text(encoding="utf-8").count("outcome: health") == 2


def test_unsigned_deal_is_refused(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "lead.yaml"
    text = "schema: 1\ndeal: {id: L-1, account: Hooli, segment: smb, stage: pre-close}\n"
    path.write_text(text, encoding="utf-8")
    assert log(run_cli, path, "renewed", "--at", AT) == (
        2,
        "",
        f"handoff: error: {path}: deal.signed_at is not set; outcomes are logged for signed deals\n",
    )
    assert path.read_text(encoding="utf-8") == text


def test_an_outcome_written_by_hand_is_checked_with_its_location(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "d.yaml"
    path.write_text(
        "schema: 1\ndeal: {id: D-1, account: Initech, segment: smb, signed_at: 2026-01-09T09:00:00+00:00}\n"
        "handoff:\n  outcomes:\n"
        "    - {outcome: customer_survey, at: 2026-02-01T09:00:00Z}\n"
        "    - {outcome: health, at: 2026-04-09T09:00:00Z, rating: 4, value: green}\n"
        "    - {outcome: renewd, at: 2027-01-09T09:00:00Z}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", "d.yaml")
    assert (result.exit_code, result.stdout.splitlines()[:3]) == (1, [
        "d.yaml:5:7: error: HV002 missing-key: 'rating' is required in handoff.outcomes[0]",
        "d.yaml:6:59: error: HV011 invalid-value: handoff.outcomes[1].rating: '4': only a customer_survey outcome "
        "has a "
        "rating, not health",
        "d.yaml:7:17: error: HV003 invalid-choice: handoff.outcomes[2].outcome: 'renewd' is not one of "
        "customer_survey, "
        "health, renewed, churned, expanded; did you mean 'renewed'?",
    ])  # fmt: skip
