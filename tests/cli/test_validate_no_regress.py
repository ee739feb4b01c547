"""`handoff validate --no-regress`: a dossier may not score lower than the same file at the base ref."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, RunCli
from tests.gitrepo import COMPLETE, NOW, THIN, three_commits


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return three_commits(tmp_path)


def test_no_regress_fails_on_the_drop(run_cli: RunCli, repo: Path) -> None:
    run = run_cli("validate", "deals/", "--no-regress", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (1, "")
    assert run.stdout.splitlines()[0] == (
        f"{NOW}:1:1: error: HR001 score-regressed: score fell from 100.0 to 97.1 since main")
    assert run.stdout.splitlines()[-1] == f"{NOW}: incomplete · 97.1% complete (min 95) · 1 error, 1 warning"
    as_json = json.loads(run_cli("validate", NOW, "--no-regress", "--as-of", AS_OF, "-f", "json").stdout)
    assert [f["code"] for f in as_json["files"][0]["findings"]][:1] == ["HR001"]


def test_no_regress_passes_when_the_score_holds_or_rises(run_cli: RunCli, repo: Path) -> None:
    # against the first commit (94.1) the dossier went up
    run = run_cli("validate", "deals/", "--no-regress", "--base", "HEAD~2", "--as-of", AS_OF)
    assert (run.exit_code, "HR001" in run.stdout) == (0, False)
    # the drop fixed in the working tree, not yet committed: back to 100
    (repo / NOW).write_text(COMPLETE, encoding="utf-8")
    run = run_cli("validate", "deals/", "--no-regress", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout) == (0, f"{NOW}: ok · 100% complete (min 95) · 0 errors, 0 warnings\n")


def test_new_files_are_not_regressions(run_cli: RunCli, repo: Path) -> None:
    thin = repo / "deals" / "hooli.yaml"  # untracked, and below where the other dossier ever was
    thin.write_text(THIN.replace("SUB-20931", "SUB-1").replace("Brightleaf Plants B.V.", "Hooli"), encoding="utf-8")
    run = run_cli("validate", str(thin.relative_to(repo)), "--no-regress", "--as-of", AS_OF)
    assert run.exit_code == 1 and "HR001" not in run.stdout  # it fails the gate (94.1 < 95), not the ratchet
    assert run.stdout.startswith("deals/hooli.yaml:1:1: error: HG001 below-min-score: ")


def test_no_regress_outside_git_is_a_usage_error(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.yaml").write_text(COMPLETE, encoding="utf-8")
    run = run_cli("validate", "d.yaml", "--no-regress", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout, run.stderr) == (
        2, "", "handoff: error: not inside a git repository; --no-regress compares with a git ref\n",
    )  # fmt: skip


def test_without_git_the_line_names_the_flag_that_needs_it(run_cli: RunCli, repo: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    run = run_cli("validate", "deals/", "--no-regress", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (2, "handoff: error: git is not installed; --no-regress needs it\n")
