"""`handoff validate` and `handoff score` on the shipped examples: exit codes, exact lines, JSON, files untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, GOLDEN, RunCli, snapshot

EXPECTED = {  # file -> (passed, score)
    "enterprise-northwind.yaml": (True, 100.0),
    "smb-brightleaf.yaml": (True, 100.0),
    "midmarket-acme.yaml": (False, 86.8),
    "strategic-globex.yaml": (False, 95.4),
}




def test_complete_examples_pass(run_cli: RunCli, in_examples: Path) -> None:
    run = run_cli("validate", "enterprise-northwind.yaml", "smb-brightleaf.yaml", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "enterprise-northwind.yaml: ok · 100% complete (min 95) · 0 errors, 0 warnings\n"
        "smb-brightleaf.yaml: ok · 100% complete (min 95) · 0 errors, 0 warnings\n"
        "checked 2 dossiers: 2 ok, 0 need work\n"
    )


@pytest.mark.parametrize("name", ["midmarket-acme", "strategic-globex"])
def test_incomplete_examples_list_every_gap_with_its_line(name: str, run_cli: RunCli, in_examples: Path) -> None:
    run = run_cli("validate", f"{name}.yaml", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout, run.stderr) == (1, snapshot(GOLDEN / "validate" / f"{name}.txt", run.stdout), "")


def test_explain_adds_why_under_each_finding(run_cli: RunCli, in_examples: Path) -> None:
    run = run_cli("validate", "strategic-globex.yaml", "--explain", "--as-of", AS_OF)
    lines = run.stdout.splitlines()
    hs404 = next(i for i, line in enumerate(lines) if " HS404 " in line)
    assert lines[hs404 + 1] == (
        "    why: CS must confirm each promise is deliverable before close (promise vs reality); for SMB only soft or "
        "custom promises need it (soft-promise-validated), the standard product needs no check"
    )


def test_min_score_flag_overrides_the_default(run_cli: RunCli, in_examples: Path) -> None:
    assert run_cli("validate", "midmarket-acme.yaml", "--min-score", "80", "--as-of", AS_OF).exit_code == 1  # errors
    run = run_cli("validate", "strategic-globex.yaml", "--min-score", "99", "--as-of", AS_OF)
    assert " HG001 " in run.stdout


def test_folder_is_searched_and_json_is_one_object_per_file(run_cli: RunCli, in_examples: Path) -> None:
    run = run_cli("validate", ".", "--format", "json", "--as-of", AS_OF)
    doc = json.loads(run.stdout)
    by_path = {f["path"]: f for f in doc["files"]}
    for name, (passed, score) in EXPECTED.items():
        assert (by_path[name]["passed"], by_path[name]["score"]) == (passed, score)
    invalid = [f for f in doc["files"] if f["path"].startswith("invalid/")]
    assert invalid and all(not f["valid"] and f["score"] is None for f in invalid)
    assert doc["summary"] == {"files": len(doc["files"]), "ok": 2, "failing": len(doc["files"]) - 2}
    assert run.exit_code == 1


def test_json_finding_shape(run_cli: RunCli, in_examples: Path) -> None:
    doc = json.loads(run_cli("validate", "midmarket-acme.yaml", "-f", "json", "--as-of", AS_OF).stdout)
    [file] = doc["files"]
    assert set(file) == {
        "path",
        "deal_id",
        "segment",
        "stage",
        "waivers",
        "valid",
        "passed",
        "score",
        "min_score",
        "categories",
        "findings",
    }
    assert set(file["categories"]) == {
        "customer",
        "stakeholders",
        "goals",
        "commitments",
        "technical",
        "implementation",
        "risks",
    }
    assert set(file["findings"][0]) == {"code", "name", "severity", "line", "col", "field", "message", "why", "points"}






def test_files_are_never_modified(run_cli: RunCli, in_examples: Path) -> None:
    before = {p: p.read_bytes() for p in EXAMPLES.rglob("*.yaml")}
    run_cli("validate", ".", "--as-of", AS_OF)
    run_cli("score", ".", "--explain", "--as-of", AS_OF)
    assert {p: p.read_bytes() for p in EXAMPLES.rglob("*.yaml")} == before


def test_missing_path_is_a_usage_error(run_cli: RunCli, deals_repo: Path) -> None:
    run = run_cli("validate", "nope.yaml")
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", "handoff: error: nope.yaml: no such file or folder\n")


def test_folder_without_dossiers_is_a_usage_error(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deals").mkdir()
    run = run_cli("validate", "deals")
    assert (run.exit_code, run.stderr) == (2, "handoff: error: deals: no *.yaml or *.yml files in this folder\n")


def test_bad_as_of_is_a_usage_error(run_cli: RunCli, in_examples: Path) -> None:
    run = run_cli("validate", "smb-brightleaf.yaml", "--as-of", "yesterday")
    assert run.exit_code == 2
    assert "'yesterday' is not an ISO 8601 date or date-time" in run.stderr


def test_signed_in_the_future_is_an_error(run_cli: RunCli, in_examples: Path) -> None:
    run = run_cli("validate", "enterprise-northwind.yaml", "--as-of", "2026-01-01T00:00:00Z")
    assert run.exit_code == 1
    assert " HS804 signed-not-future: deal.signed_at " in run.stdout


