"""handoff score: the per-category completeness table, and why a verdict is what it is."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import AS_OF, RunCli


def test_score_table_and_explain(run_cli: RunCli, in_examples: Path) -> None:
    run = run_cli("score", "midmarket-acme.yaml", "--explain", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert "│ total" in run.stdout and "86.8%" in run.stdout
    assert "  -6 midmarket-acme.yaml:" in run.stdout  # the costliest gap first, with its points
    assert "economic-buyer-named" in run.stdout


def test_score_says_which_must_have_rules_decide_an_incomplete_verdict(run_cli: RunCli, in_examples: Path) -> None:
    # above the minimum, and still incomplete: the line under the verdict names the rules that decide it
    lines = run_cli("score", "strategic-globex.yaml", "--as-of", AS_OF).stdout.splitlines()
    assert lines[-3:-1] == [
        "strategic-globex.yaml: incomplete · 95.4% complete (min 95) · 8 errors, 2 warnings",
        "  incomplete because: must-have rules missed: commitments-validated (HS404), soft-promise-validated (HS407)",
    ]
    below = run_cli("score", "midmarket-acme.yaml", "--as-of", AS_OF).stdout.splitlines()
    assert below[-2].startswith("  incomplete because: below the minimum 95; must-have rules missed: ")
    passed = run_cli("score", "smb-brightleaf.yaml", "--as-of", AS_OF).stdout
    assert "incomplete because" not in passed


def test_score_shows_categories_a_segment_is_not_asked(run_cli: RunCli, in_examples: Path) -> None:
    run = run_cli("score", "smb-brightleaf.yaml", "--as-of", AS_OF)
    rows = [" ".join(line.strip("│ ").split()) for line in run.stdout.splitlines() if line.startswith("│")]
    assert "implementation │ - │ - │ not asked of smb" in rows
    assert "risks │ - │ - │ not asked of smb" in rows
    assert "total │ 100% │ 51/51 │ min 95" in rows
