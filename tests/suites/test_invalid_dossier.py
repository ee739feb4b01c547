"""One invalid dossier, said the same way by every command that reads one: its finding lines, then one line, exit 1."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import RunCli

BAD = "schema: 1\ndeal:\n  id: X-1\n  account: Acme\n  segment: mid-markt\n  signed_at: 2026-11-20T09:00:00\n"
FINDING = ("bad.yaml:5:12: error: HV003 invalid-choice: deal.segment: 'mid-markt' is not one of enterprise, "
           "mid-market, "
           "smb, strategic; did you mean 'mid-market'?")
SAID = f"{FINDING}\nhandoff: error: bad.yaml: not a valid dossier (1 problem(s)); run `handoff validate bad.yaml`\n"

READERS = [
    ("sla", "bad.yaml"),
    ("render", "intro", "bad.yaml"),
    ("render", "plan", "bad.yaml"),
    ("render", "agenda", "bad.yaml", "--meeting", "joint"),
    ("render", "calendar", "bad.yaml"),
    ("log", "bad.yaml", "kickoff"),
    ("log", "bad.yaml", "health", "--value", "green"),
    ("accept", "bad.yaml", "--by", "cleo@example.com"),
    ("mark", "bad.yaml", "commitments", "SAP connector", "done"),
    ("report", "bad.yaml"),
    ("history", "bad.yaml"),
]


@pytest.fixture
def bad(deals_repo: Path) -> Path:
    path = deals_repo / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    subprocess.run(["git", "add", "bad.yaml"], cwd=deals_repo, check=True)
    subprocess.run(["git", "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-qm", "bad"],
                   cwd=deals_repo, check=True)
    return path


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_every_command_says_an_invalid_dossier_one_way(run_cli: RunCli, bad: Path, args: tuple[str, ...]) -> None:
    run = run_cli(*args)
    assert (run.exit_code, run.stderr) == (1, SAID)
    assert FINDING not in run.stdout
    assert bad.read_text(encoding="utf-8") == BAD


@pytest.mark.parametrize("command", ["validate", "score"])
def test_the_checkers_report_the_same_finding_line_as_their_output(run_cli: RunCli, bad: Path, command: str) -> None:
    run = run_cli(command, "bad.yaml")
    assert (run.exit_code, run.stdout.splitlines()[0], run.stderr) == (1, FINDING, "")


def test_a_valid_dossier_is_not_said_to_be_invalid(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "good.yaml").write_text(BAD.replace("mid-markt", "mid-market"), encoding="utf-8")
    run = run_cli("sla", "good.yaml", "--as-of", "2026-11-20T12:00:00Z")
    assert (run.exit_code, run.stderr) == (0, "")
    assert "not a valid dossier" not in run.stdout
