"""`handoff log DEAL went_live`: the day the customer went live, written beside the promised go_live through the one
writer, byte for byte otherwise, and the report's go-live adherence read from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli

DEAL = """schema: 1
deal: {id: D-1, account: Initech, segment: smb, signed_at: 2026-11-02T09:00:00+00:00,
       sales_rep: {name: Rita Rep}, csm: {name: Carl CSM}}

# the plan as sold
implementation:
  start: 2026-11-09
  go_live: 2026-11-25     # before Black Friday
  milestones:
    - {name: Sandbox ready, due: 2026-11-16, status: done, status_at: 2026-11-16T10:00:00+00:00}

risks:
  objections: []
"""
FLOW = DEAL.replace(
    "implementation:\n  start: 2026-11-09\n  go_live: 2026-11-25     # before Black Friday\n  milestones:\n"
    "    - {name: Sandbox ready, due: 2026-11-16, status: done, status_at: 2026-11-16T10:00:00+00:00}\n",
    "implementation: {start: 2026-11-09, go_live: 2026-11-25}\n",
)
AS_OF = "2026-12-01T12:00:00+00:00"


@pytest.fixture
def deal(deals_repo: Path) -> Path:
    path = deals_repo / "d.yaml"
    path.write_bytes(DEAL.encode("utf-8"))
    return path


def _go_live(run_cli: RunCli) -> dict[str, int]:
    doc = json.loads(run_cli("report", "d.yaml", "--format", "json", "--as-of", AS_OF).stdout)
    [only] = doc["outcomes"]["deals"]
    assert only["adherence"] == doc["outcomes"]["delivery"]["overall"]["adherence"]
    figures: dict[str, int] = only["adherence"]["go_live"]
    return figures


def test_the_day_is_written_after_the_promise_and_nothing_else_moves(run_cli: RunCli, deal: Path) -> None:
    result = run_cli("log", "d.yaml", "went_live", "--at", "2026-11-27")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "logged went_live 2026-11-27 (2 days after the promised 2026-11-25) in d.yaml\n", "")
    # after the plan's last key, in its own indentation; every other byte, the comments too, as it was
    assert deal.read_bytes() == DEAL.replace(
        "status_at: 2026-11-16T10:00:00+00:00}\n",
        "status_at: 2026-11-16T10:00:00+00:00}\n  went_live: 2026-11-27\n").encode("utf-8")


def test_a_flow_mapping_gets_the_key_inside_its_braces(run_cli: RunCli, deal: Path) -> None:
    deal.write_bytes(FLOW.encode("utf-8"))
    assert run_cli("log", "d.yaml", "went_live", "--at", "2026-11-24").exit_code == 0
    assert deal.read_bytes() == FLOW.replace("go_live: 2026-11-25}", "go_live: 2026-11-25, went_live: 2026-11-24}")\
        .encode("utf-8")  # fmt: skip


def test_adherence_counts_the_go_live_from_the_day_written(run_cli: RunCli, deal: Path) -> None:
    # promised for 2026-11-25, not recorded by 2026-12-01: overdue by 6 days
    assert _go_live(run_cli) == {"due": 1, "on_time": 0, "late": 0, "overdue": 1, "days_late": 6}
    assert run_cli("log", "d.yaml", "went_live", "--at", "2026-11-27").exit_code == 0
    assert _go_live(run_cli) == {"due": 1, "on_time": 0, "late": 1, "overdue": 0, "days_late": 2}
    text = run_cli("report", "d.yaml", "--as-of", AS_OF).stdout
    assert "    deal D-1           delivered on time 1 of 1 (100%), 0 late, 0 overdue, 0 days late; go-live on " \
           "time 0 of 1, 2 days late\n" in text  # fmt: skip
    # a correction needs --force, and replaces the day where it stands
    assert run_cli("log", "d.yaml", "went_live", "--at", "2026-11-25", "--force").stdout == (
        "logged went_live 2026-11-25 (on time: promised 2026-11-25) in d.yaml\n")
    assert _go_live(run_cli) == {"due": 1, "on_time": 1, "late": 0, "overdue": 0, "days_late": 0}
    assert deal.read_text(encoding="utf-8").count("went_live: 2026-11-25\n") == 1


def test_a_date_time_counts_by_its_day_in_the_deals_zone(run_cli: RunCli, deal: Path) -> None:
    assert run_cli("log", "d.yaml", "went_live", "--at", "2026-11-27T21:30:00-05:00").exit_code == 0
    assert "  went_live: 2026-11-28\n" in deal.read_text(encoding="utf-8")  # the deal's zone is UTC


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--at", "2099-01-01"), "--at 2099-01-01 is in the future; log the go-live once it has happened"),
        (("--at", "2026-10-30"), "--at 2026-10-30 is before the signature (2026-11-02); pass --force if it really "
                                 "went live before close"),
        (("--at", "soon"), "--at 'soon' is not a date, e.g. 2027-01-31"),
        (("--by", "Carl CSM"), "--by goes with events and outcomes; went_live records the day only"),
        (("--rating", "4"), "--rating goes with customer_survey, not went_live"),
    ],
)
def test_refusals_are_one_line_and_write_nothing(run_cli: RunCli, deal: Path, args: tuple[str, ...],
                                                 message: str) -> None:  # fmt: skip
    result = run_cli("log", "d.yaml", "went_live", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"handoff: error: d.yaml: {message}\n")
    assert deal.read_bytes() == DEAL.encode("utf-8")


def test_a_second_day_and_a_dossier_without_a_plan_are_refused(run_cli: RunCli, deal: Path) -> None:
    assert run_cli("log", "d.yaml", "went_live", "--at", "2026-11-27").exit_code == 0
    written = deal.read_bytes()
    again = run_cli("log", "d.yaml", "went_live", "--at", "2026-11-28")
    assert (again.exit_code, again.stderr) == (
        2, "handoff: error: d.yaml: went_live is already recorded: 2026-11-27; pass --force to record another day\n")
    assert deal.read_bytes() == written
    bare = DEAL[: DEAL.index("# the plan")]
    deal.write_bytes(bare.encode("utf-8"))
    none = run_cli("log", "d.yaml", "went_live", "--at", "2026-11-27")
    assert (none.exit_code, none.stderr) == (2, "handoff: error: d.yaml: the dossier has no implementation section; "
                                                "write implementation.go_live, the promised date, first\n")  # fmt: skip
    assert deal.read_bytes() == bare.encode("utf-8")


def test_the_unknown_name_suggests_went_live(run_cli: RunCli, deal: Path) -> None:
    result = run_cli("log", "d.yaml", "went_lve")
    assert (result.exit_code, result.stderr) == (2, "handoff: error: d.yaml: unknown event 'went_lve'; did you mean "
                                                    "'went_live'?\n")  # fmt: skip
