"""`handoff validate --changed [--base REF]` in a real git repo: added, modified, renamed and untracked dossiers
are checked; unchanged and deleted ones are not."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, RunCli

OK = "ok · 100% complete (min 95) · 0 errors, 0 warnings"
DOSSIER = (EXAMPLES / "smb-brightleaf.yaml").read_text(encoding="utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """main: deals/{unchanged,modified,deleted,renamed}.yaml; branch `feature` changes all but the first."""
    for key, value in {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com"}.items():
        monkeypatch.setenv(key, value)
        monkeypatch.setenv(key.replace("AUTHOR", "COMMITTER"), value)
    git(tmp_path, "init", "-q", "-b", "main")
    deals = tmp_path / "deals"
    deals.mkdir()
    for name in ("unchanged", "modified", "deleted", "renamed"):
        (deals / f"{name}.yaml").write_text(DOSSIER, encoding="utf-8")
    (tmp_path / "notes.md").write_text("notes\n")
    # copies of one dossier on purpose: compare no narrative answers between them (HF002)
    (tmp_path / "handoff.toml").write_text("min_words = {}\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "deals")
    git(tmp_path, "switch", "-q", "-c", "feature")
    (deals / "modified.yaml").write_text(DOSSIER + "# reviewed by the CSM\n", encoding="utf-8")
    (deals / "deleted.yaml").unlink()
    git(tmp_path, "mv", "deals/renamed.yaml", "deals/moved.yaml")
    (deals / "added.yaml").write_text(DOSSIER, encoding="utf-8")
    (tmp_path / "notes.md").write_text("more notes\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "work")
    (deals / "untracked.yml").write_text(DOSSIER, encoding="utf-8")  # written, not yet added
    monkeypatch.chdir(tmp_path)
    return tmp_path


def summary(*names: str) -> str:
    lines = [f"deals/{n}: {OK}" for n in names]
    return "\n".join([*lines, f"checked {len(names)} dossiers: {len(names)} ok, 0 need work"]) + "\n"


def test_changed_since_the_default_branch(run_cli: RunCli, repo: Path) -> None:
    run = run_cli("validate", "--changed", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout, run.stderr) == (
        0,
        summary("added.yaml", "modified.yaml", "moved.yaml", "untracked.yml"),
        "",
    )


def test_changed_within_given_paths_and_since_a_given_ref(run_cli: RunCli, repo: Path) -> None:
    run = run_cli("validate", "deals/", "--changed", "--base", "HEAD", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout) == (0, f"deals/untracked.yml: {OK}\n")
    (repo / "deals" / "unchanged.yaml").write_text("schema: 1\ndeal: {}\n")  # an uncommitted edit counts too
    run = run_cli("validate", "deals/unchanged.yaml", "--changed", "--base", "HEAD", "--as-of", AS_OF)
    assert run.exit_code == 1 and run.stdout.startswith("deals/unchanged.yaml:2:1: error: HV002 missing-key: ")


def test_nothing_changed_is_a_clear_success(run_cli: RunCli, repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "more")
    run = run_cli("validate", "--changed", "--base", "HEAD")
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr.startswith("handoff: no changed dossiers since HEAD (merge base ")
    assert run.stderr.endswith("); nothing to check\n")
    as_json = run_cli("validate", "--changed", "--base", "HEAD", "--format", "json")
    assert json.loads(as_json.stdout)["files"] == []


def test_outside_git_and_bad_refs_are_one_line_errors(
    run_cli: RunCli, repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = run_cli("validate", "--changed", "--base", "nope")
    assert (bad.exit_code, bad.stderr) == (2, "handoff: error: --base nope: no such commit, branch or tag\n")
    git(repo, "branch", "-q", "-m", "main", "trunk")
    none = run_cli("validate", "--changed")
    assert (none.exit_code, none.stderr) == (
        2,
        "handoff: error: no default branch to compare with (tried origin/HEAD, main, master); pass --base REF\n",
    )
    plain = tmp_path_factory.mktemp("not-a-repo")
    (plain / "a.yaml").write_text(DOSSIER)
    monkeypatch.chdir(plain)
    outside = run_cli("validate", "a.yaml", "--changed")
    assert (outside.exit_code, outside.stdout, outside.stderr) == (
        2,
        "",
        "handoff: error: not inside a git repository; --changed compares with a git ref\n",
    )
