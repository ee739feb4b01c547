"""`handoff history`: the score at every commit newest first, following renames; one-line refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, RunCli
from tests.gitrepo import COMPLETE, NOW, git, three_commits


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return three_commits(tmp_path)


def shas(repo: Path) -> list[str]:
    return git(repo, "log", "--format=%h").split()


def test_history_newest_first_following_the_rename(run_cli: RunCli, repo: Path) -> None:
    third, second, first = shas(repo)
    run = run_cli("history", NOW, "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.splitlines() == [
        "commit   date        author      score  min  result  change",
        f"{third}  2026-11-14  Ann Lee     97.1   95   pass    -2.9",
        f"{second}  2026-11-12  Ben Okafor  100.0  95   pass    +5.9",
        f"{first}  2026-11-10  Ann Lee     94.1   95   fail",
    ]


def test_history_as_json(run_cli: RunCli, repo: Path) -> None:
    run = run_cli("history", NOW, "--as-of", AS_OF, "--format", "json")
    doc = json.loads(run.stdout)
    assert (doc["version"], doc["path"], doc["as_of"]) == (1, NOW, AS_OF)
    full = git(repo, "log", "--format=%H").split()
    assert [c["commit"] for c in doc["commits"]] == full
    assert [(c["date"], c["author"], c["file"], c["score"], c["min_score"], c["passed"], c["delta"])
            for c in doc["commits"]] == [
        ("2026-11-14T15:30:00+00:00", "Ann Lee", NOW, 97.1, 95.0, True, -2.9),
        ("2026-11-12T09:00:00+00:00", "Ben Okafor", "deals/brightleaf.yaml", 100.0, 95.0, True, 5.9),
        ("2026-11-10T09:00:00+00:00", "Ann Lee", "deals/brightleaf.yaml", 94.1, 95.0, False, None),
    ]  # fmt: skip


def test_history_refusals_are_one_line(run_cli: RunCli, repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    (repo / "deals" / "new.yaml").write_text(COMPLETE, encoding="utf-8")
    run = run_cli("history", "deals/new.yaml")
    assert (run.exit_code, run.stdout, run.stderr) == (
        2, "", "handoff: error: deals/new.yaml: no commit touches this file; commit it first to start its history\n",
    )  # fmt: skip
    outside = tmp_path_factory.mktemp("plain") / "d.yaml"
    outside.write_text(COMPLETE, encoding="utf-8")
    run = run_cli("history", str(outside))
    assert (run.exit_code, run.stdout, run.stderr) == (
        2, "", f"handoff: error: {outside}: not inside a git repository; history reads the dossier's commits from git\n"
    )  # fmt: skip


def test_history_exits_1_when_the_newest_version_is_not_a_dossier(run_cli: RunCli, repo: Path) -> None:
    (repo / NOW).write_text(COMPLETE.replace("deal:\n", "deal:\n  arr: 150K\n", 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "break it", author="Ann Lee", date="2026-11-15T09:00:00+00:00")
    broken, third = shas(repo)[:2]
    run = run_cli("history", NOW, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert run.stdout.splitlines()[1:3] == [
        f"{broken}  2026-11-15  Ann Lee     -      -    invalid",
        f"{third}  2026-11-14  Ann Lee     97.1   95   pass     -2.9",
    ]
    assert run.stderr.splitlines()[-1] == (
        f"handoff: error: {NOW}: not a valid dossier (1 problem(s)); run `handoff validate {NOW}`")
    assert run.stderr.splitlines()[0] == f"{NOW}:6:3: error: HV001 unknown-key: unknown key 'arr'"


def test_an_invalid_version_in_the_past_does_not_fail_history(run_cli: RunCli, repo: Path) -> None:
    (repo / NOW).write_text("deal: [\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "break it", date="2026-11-15T09:00:00+00:00")
    (repo / NOW).write_text(COMPLETE, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "mend it", date="2026-11-16T09:00:00+00:00")
    run = run_cli("history", NOW, "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (0, "")
    assert [line.split()[5] for line in run.stdout.splitlines()[1:3]] == ["pass", "invalid"]


def test_history_of_a_copied_dossier_starts_at_the_copy(run_cli: RunCli, repo: Path) -> None:
    """A new deal's dossier made by copying another's is not that deal's past: only renames are followed."""
    (repo / "deals" / "copy.yaml").write_text((repo / NOW).read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new deal from a copy", author="Cy Ng", date="2026-11-16T09:00:00+00:00")
    copied = shas(repo)[0]
    run = run_cli("history", "deals/copy.yaml", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.splitlines() == [
        "commit   date        author  score  min  result  change",
        f"{copied}  2026-11-16  Cy Ng   97.1   95   pass",
    ]
    renamed = run_cli("history", NOW, "--as-of", AS_OF)  # the original keeps all three, across its rename
    assert len(renamed.stdout.splitlines()) == 4


def test_history_of_a_shallow_clone_says_it_may_be_cut(
    run_cli: RunCli, repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path_factory.mktemp("ci") / "clone"
    git(repo, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo}", str(clone))
    monkeypatch.chdir(clone)
    third = shas(clone)[0]
    run = run_cli("history", NOW, "--as-of", AS_OF)
    assert run.exit_code == 0 and len(run.stdout.splitlines()) == 2
    assert run.stderr == (
        f"handoff: warning: this clone is shallow: commits before {third} are not in it, so the history may start "
        "later than the file did; `git fetch --unshallow` fetches them\n"
    )
    assert json.loads(run_cli("history", NOW, "--as-of", AS_OF, "--format", "json").stdout)["shallow"] is True
    monkeypatch.chdir(repo)
    assert json.loads(run_cli("history", NOW, "--as-of", AS_OF, "--format", "json").stdout)["shallow"] is False
