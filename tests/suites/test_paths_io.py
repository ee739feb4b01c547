"""Where dossiers come from and where output goes: paths named from the current folder, '-' for stdin with
--stdin-filename, folders walked as git sees them, report --out, times to the second, the pre-close stage."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, RunCli

COMPLETE = (EXAMPLES / "smb-brightleaf.yaml").read_bytes()
GAPS = (EXAMPLES / "midmarket-acme.yaml").read_bytes()
OK = "ok · 100% complete (min 95) · 0 errors, 0 warnings"


@pytest.fixture
def repo(deals_repo: Path) -> Path:
    """handoff.toml names deals/ as the dossiers' folder; a user works in a subfolder of the repo."""
    (deals_repo / "handoff.toml").write_text('paths = ["deals"]\n', encoding="utf-8")
    (deals_repo / "deals").mkdir()
    (deals_repo / "deals" / "brightleaf.yaml").write_bytes(COMPLETE)
    (deals_repo / "notes").mkdir()
    return deals_repo


@pytest.mark.parametrize(("where", "shown"), [(".", "deals/brightleaf.yaml"), ("notes", "../deals/brightleaf.yaml")])
def test_default_paths_are_named_from_the_current_folder(
    run_cli: RunCli, repo: Path, monkeypatch: pytest.MonkeyPatch, where: str, shown: str
) -> None:
    monkeypatch.chdir(repo / where)
    text = run_cli("validate", "--as-of", AS_OF)
    assert (text.exit_code, text.stdout, text.stderr) == (0, f"{shown}: {OK}\n", "")
    github = run_cli("validate", "--as-of", AS_OF, "--format", "github")
    assert github.stdout == f"{shown}: {OK}\n"
    doc = json.loads(run_cli("validate", "--as-of", AS_OF, "--format", "json").stdout)
    assert [f["path"] for f in doc["files"]] == [shown]
    sla = run_cli("sla", "--as-of", AS_OF, "--format", "json").stdout
    assert str(repo) not in sla and shown in sla


def test_a_dossier_from_stdin_is_named_by_stdin_filename(run_cli: RunCli, repo: Path) -> None:
    before = (repo / "deals" / "brightleaf.yaml").read_bytes()
    run = run_cli("validate", "-", "--stdin-filename", "deals/acme.yaml", "--as-of", AS_OF, input=GAPS.decode())
    assert run.exit_code == 1 and run.stderr == ""
    lines = run.stdout.splitlines()
    assert lines[0].startswith("deals/acme.yaml:1:1: error: HG001 below-min-score: ")
    assert lines[-1] == "deals/acme.yaml: incomplete · 86.8% complete (min 95) · 7 errors, 5 warnings"
    unnamed = run_cli("validate", "-", "--as-of", AS_OF, input=COMPLETE.decode())
    assert (unnamed.exit_code, unnamed.stdout) == (0, f"<stdin>: {OK}\n")
    score = run_cli("score", "-", "--stdin-filename", "x.yaml", "--as-of", AS_OF, "-f", "json", input=GAPS.decode())
    assert [(f["path"], f["score"]) for f in json.loads(score.stdout)["files"]] == [("x.yaml", 86.8)]
    assert (repo / "deals" / "brightleaf.yaml").read_bytes() == before
    assert not (repo / "deals" / "acme.yaml").exists()


def test_broken_yaml_from_stdin_is_a_finding(run_cli: RunCli, repo: Path) -> None:
    run = run_cli("validate", "-", "--stdin-filename", "deals/x.yaml", "--as-of", AS_OF, input="deal: [\n")
    assert run.exit_code == 1
    assert run.stdout.splitlines()[-1] == "deals/x.yaml: invalid · 1 error, 0 warnings"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("-", "deals"), "'-' reads one dossier from stdin; it goes with no other path, --changed or --no-regress"),
        (("-", "--changed"), "'-' reads one dossier from stdin; it goes with no other path, --changed or --no-regress"),
        (("deals", "--stdin-filename", "a.yaml"), "--stdin-filename names the dossier read from stdin: give the path "
                                                  "'-' too"),
    ],
)  # fmt: skip
def test_stdin_misuse_is_a_usage_error(run_cli: RunCli, repo: Path, args: tuple[str, ...], line: str) -> None:
    run = run_cli("validate", *args, "--as-of", AS_OF, input=COMPLETE.decode())
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"handoff: error: {line}\n")


def test_score_ends_with_the_summary_line_validate_prints(run_cli: RunCli, repo: Path) -> None:
    (repo / "deals" / "acme.yaml").write_bytes(GAPS)
    validate = run_cli("validate", "deals", "--as-of", AS_OF).stdout.splitlines()
    score = run_cli("score", "deals", "--as-of", AS_OF).stdout.splitlines()
    assert validate[-1] == score[-1] == "checked 2 dossiers: 1 ok, 1 need work"
    single = run_cli("score", "deals/brightleaf.yaml", "--as-of", AS_OF).stdout
    assert "checked" not in single


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args], cwd=repo, check=True,
                   capture_output=True)  # fmt: skip


def test_folders_are_walked_as_git_sees_them(run_cli: RunCli, repo: Path) -> None:
    (repo / "deals" / "drafts").mkdir()
    (repo / "deals" / "drafts" / "old.yaml").write_bytes(GAPS)
    (repo / "deals" / "new.yaml").write_bytes((EXAMPLES / "enterprise-northwind.yaml").read_bytes())  # untracked
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    _git(repo, "add", "handoff.toml", ".gitignore", "deals/brightleaf.yaml")
    _git(repo, "commit", "-qm", "deals")
    run = run_cli("validate", "deals", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout) == (
        0, f"deals/brightleaf.yaml: {OK}\ndeals/new.yaml: {OK}\nchecked 2 dossiers: 2 ok, 0 need work\n",
    )  # fmt: skip
    refused = run_cli("validate", "deals/drafts", "--as-of", AS_OF)
    assert (refused.exit_code, refused.stderr) == (
        2, "handoff: error: deals/drafts: no *.yaml or *.yml files that git does not ignore in this folder\n",
    )  # fmt: skip
    named = run_cli("validate", "deals/drafts/old.yaml", "--as-of", AS_OF)  # a file named on the command line
    assert named.exit_code == 1 and named.stdout.startswith("deals/drafts/old.yaml:")


def test_outside_a_git_repo_every_file_counts(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "old.yaml").write_bytes(COMPLETE)
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")  # not a repo: nothing reads this
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    run = run_cli("validate", ".", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout) == (0, f"drafts/old.yaml: {OK}\n")


def test_report_out_writes_what_stdout_shows_and_keeps_an_existing_file(run_cli: RunCli, repo: Path) -> None:
    printed = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html").stdout
    run = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--out", "report.html")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "wrote report.html\n", "")
    assert (repo / "report.html").read_text(encoding="utf-8") == printed
    (repo / "report.html").write_text("keep me\n", encoding="utf-8")
    again = run_cli("report", "deals", "--as-of", AS_OF, "--out", "report.html")
    assert (again.exit_code, again.stderr) == (2, "handoff: error: report.html: already exists; pass --force to "
                                                  "overwrite it\n")  # fmt: skip
    assert (repo / "report.html").read_text(encoding="utf-8") == "keep me\n"
    forced = run_cli("report", "deals", "--as-of", AS_OF, "--out", "report.html", "--force")
    assert forced.exit_code == 0
    assert (repo / "report.html").read_text(encoding="utf-8") == run_cli("report", "deals", "--as-of", AS_OF).stdout


def test_now_is_printed_to_the_second(run_cli: RunCli, repo: Path) -> None:
    doc = json.loads(run_cli("report", "deals", "--format", "json").stdout)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", doc["as_of"]), doc["as_of"]
    given = json.loads(run_cli("report", "deals", "-f", "json", "--as-of", "2026-11-23T12:00:00.250+00:00").stdout)
    assert given["as_of"] == "2026-11-23T12:00:00.250000+00:00"  # a time the user gave is kept as given


def test_a_fresh_dossier_passes_at_pre_close_and_fails_once_closed(run_cli: RunCli, deals_repo: Path) -> None:
    assert run_cli("init", "deals/acme.yaml", "--account", "Acme", "--segment", "smb").exit_code == 0
    fresh = run_cli("validate", "deals/acme.yaml", "--as-of", AS_OF)
    assert fresh.exit_code == 0
    assert fresh.stdout.splitlines()[-1] == (
        "deals/acme.yaml: ok · 0% complete (min 0 at pre-close) · 0 errors, 12 warnings"
    )
    path = deals_repo / "deals" / "acme.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("stage: pre-close", "stage: closed-won"), encoding="utf-8")
    closed = run_cli("validate", "deals/acme.yaml", "--as-of", AS_OF)
    assert closed.exit_code == 1
    assert closed.stdout.splitlines()[-1].startswith("deals/acme.yaml: incomplete · ")
    assert "at pre-close" not in closed.stdout


def test_files_found_by_walking_up_are_named_from_here(
    run_cli: RunCli, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "notes")
    copied = run_cli("templates", "copy", "intro_email.txt.j2")
    assert (copied.exit_code, copied.stdout) == (0, "copied intro_email.txt.j2 to ../templates/intro_email.txt.j2\n")
    listed = [line.split() for line in run_cli("templates", "list").stdout.splitlines()]
    assert ["intro_email.txt.j2", "en", "repo", "../templates/intro_email.txt.j2"] in listed
    (repo / "handoff.toml").write_text('paths = ["deals"]\nmin_scor = 90\n', encoding="utf-8")
    run = run_cli("validate", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (
        2, "handoff: error: ../handoff.toml:2:1: unknown setting 'min_scor'; did you mean 'min_score'?\n",
    )  # fmt: skip
