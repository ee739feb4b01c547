"""`-` reads the one dossier of a render command from stdin, named by --stdin-filename; the commands that
write a dossier back (log, accept) refuse `-` in one line, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, RunCli

ACME = (EXAMPLES / "midmarket-acme.yaml").read_text(encoding="utf-8")
RENDERS = [
    ("render", "intro"),
    ("render", "plan"),
    ("render", "agenda", "--meeting", "kickoff"),
    ("render", "calendar", "--date", AS_OF),
]


@pytest.mark.parametrize("command", RENDERS, ids=lambda c: c[1])
def test_a_render_reads_stdin_as_it_reads_the_file(run_cli: RunCli, deals_repo: Path, command: tuple[str, ...]) -> None:
    (deals_repo / "acme.yaml").write_text(ACME, encoding="utf-8")
    from_file = run_cli(*command[:2], "acme.yaml", *command[2:])
    from_stdin = run_cli(*command[:2], "-", *command[2:], "--stdin-filename", "acme.yaml", input=ACME)
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_stdin.stdout == from_file.stdout and from_stdin.stdout


def test_an_invalid_dossier_from_stdin_is_named_by_stdin_filename(run_cli: RunCli, deals_repo: Path) -> None:
    run = run_cli("render", "plan", "-", "--stdin-filename", "deals/x.yaml", input="schema: 1\n")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == (
        "deals/x.yaml:1:1: error: HV002 missing-key: 'deal' is required in the top level\n"
        "handoff: error: deals/x.yaml: not a valid dossier (1 problem(s)); run `handoff validate deals/x.yaml`\n"
    )
    unnamed = run_cli("render", "intro", "-", input="schema: 1\n")
    assert unnamed.stderr.startswith("<stdin>:1:1: error: HV002 missing-key: ")


def test_stdin_filename_without_dash_is_a_usage_error(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "acme.yaml").write_text(ACME, encoding="utf-8")
    run = run_cli("render", "plan", "acme.yaml", "--stdin-filename", "x.yaml")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "handoff: error: --stdin-filename names the dossier read from stdin: give the path '-' too\n"


@pytest.mark.parametrize(
    "args",
    [("log", "-", "kickoff"), ("log", "-", "renewed"), ("accept", "-", "--by", "kofi@relay.example", "--rating", "4")],
    ids=["log", "log-outcome", "accept"],
)
def test_writers_refuse_stdin_in_one_line(run_cli: RunCli, deals_repo: Path, args: tuple[str, ...]) -> None:
    run = run_cli(*args, input=ACME)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "handoff: error: '-' is standard input, and this command writes the dossier back: give the dossier's path\n"
    )
    assert list(deals_repo.iterdir()) == [deals_repo / ".git"]


def test_sla_reads_one_dossier_from_stdin(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deals").mkdir()
    (deals_repo / "deals" / "acme.yaml").write_text(ACME, encoding="utf-8")
    from_file = run_cli("sla", "deals/acme.yaml", "--as-of", AS_OF, "-f", "json")
    from_stdin = run_cli("sla", "-", "--stdin-filename", "deals/acme.yaml", "--as-of", AS_OF, "-f", "json", input=ACME)
    assert from_stdin.exit_code == from_file.exit_code == 1  # breached clocks
    assert from_stdin.stdout == from_file.stdout
    both = run_cli("sla", "-", "deals", input=ACME)
    assert both.exit_code == 2
    assert both.stderr == "handoff: error: '-' reads one dossier from stdin; it goes with no other path\n"
