"""`handoff log` for the steps around the handoff: the sale's steps before signature, the CSM's and the rep's
check-ins (distinct, recurring, never offered for each other)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_log import HEAD, added_lines, log
from tests.conftest import RunCli

SIGNED = "2026-11-09T09:00:00+00:00"
BEFORE = "2026-11-02T15:00:00+00:00"
AFTER = "2026-11-16T10:00:00+00:00"


@pytest.fixture
def deal(deals_repo: Path) -> Path:
    path = deals_repo / "deal.yaml"
    path.write_text(HEAD.replace("segment: smb", "segment: mid-market"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "step", ["cs_joined_sale", "finalist_presentation", "closing_call", "sow_review", "pre_close_handoff"]
)
def test_the_steps_of_the_sale_are_logged_before_signature(step: str, run_cli: RunCli, deal: Path) -> None:
    before = deal.read_text(encoding="utf-8")
    assert log(run_cli, deal, step, "--at", BEFORE) == (0, f"logged {step} at {BEFORE} in {deal}\n", "")
    assert added_lines(before, deal.read_text(encoding="utf-8")) == [
        "\n", "handoff:\n", "  events:\n", f"    - event: {step}\n", f"      at: {BEFORE}\n"]  # fmt: skip
    checked = run_cli("validate", "deal.yaml", "--as-of", AFTER)
    assert "HS807" not in checked.stdout


def test_an_onboarding_event_before_signature_is_still_refused(run_cli: RunCli, deal: Path) -> None:
    before = deal.read_bytes()
    assert log(run_cli, deal, "check_in", "--at", BEFORE) == (
        2, "", f"handoff: error: {deal}: --at {BEFORE} is before the signature ({SIGNED}); "
        "pass --force if it really happened before close\n",
    )  # fmt: skip
    assert deal.read_bytes() == before


def test_an_onboarding_event_in_the_file_before_signature_fails_validate(run_cli: RunCli, deal: Path) -> None:
    text = deal.read_text(encoding="utf-8") + f"handoff:\n  events:\n    - {{event: kickoff, at: {BEFORE}}}\n"
    deal.write_text(text, encoding="utf-8")
    lines = run_cli("validate", "deal.yaml", "--as-of", AFTER).stdout.splitlines()
    assert (
        f"deal.yaml:9:28: error: HS807 events-after-signature: kickoff at {BEFORE} is before signature; only the steps "
        "of the sale are logged before it"
    ) in lines


@pytest.mark.parametrize("event", ["check_in", "rep_check_in"])
def test_check_ins_recur_without_force(event: str, run_cli: RunCli, deal: Path) -> None:
    for at in (AFTER, "2026-11-23T10:00:00+00:00"):
        assert log(run_cli, deal, event, "--at", at)[0] == 0
    assert deal.read_text(encoding="utf-8").count(f"event: {event}\n") == 2


def test_a_one_time_event_still_needs_force_to_repeat(run_cli: RunCli, deal: Path) -> None:
    assert log(run_cli, deal, "kickoff", "--at", AFTER)[0] == 0
    assert log(run_cli, deal, "kickoff", "--at", AFTER)[0] == 2


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("checkin", "check_in"), ("csm_check_in", "check_in"), ("check-in", "check_in"),
     ("rep_checkin", "rep_check_in"), ("rep-check-in", "rep_check_in"), ("repcheck_in", "rep_check_in")],
)  # fmt: skip
def test_the_csms_and_the_reps_check_in_are_never_offered_for_each_other(
    typed: str, suggested: str, run_cli: RunCli, deal: Path
) -> None:
    code, _, err = log(run_cli, deal, typed, "--at", AFTER)
    assert (code, err) == (2, f"handoff: error: {deal}: unknown event '{typed}'; did you mean '{suggested}'?\n")
