"""CLI conventions every command keeps: a usage error is one line with a did-you-mean, --help has no type
placeholder on flags and no sentence broken by a line break, NO_COLOR means no styling at all."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.rich_utils

from handoff_cli.cli import command
from tests.conftest import AS_OF, EXAMPLES, RunCli

CHOICES = "'enterprise', 'mid-market', 'smb', 'strategic'"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("--segment", "midmarket"), f"Invalid value for '--segment': 'midmarket' is not one of {CHOICES}; "
                                     "did you mean 'mid-market'?"),
        (("--segment=SMB",), f"Invalid value for '--segment': 'SMB' is not one of {CHOICES}; did you mean 'smb'?"),
        (("--segment", "entreprise"), f"Invalid value for '--segment': 'entreprise' is not one of {CHOICES}; "
                                      "did you mean 'enterprise'?"),
        (("--segment", "retail"), f"Invalid value for '--segment': 'retail' is not one of {CHOICES}."),
        (("--segmnt", "smb"), "No such option: --segmnt (Possible options: --segment)"),
    ],
)  # fmt: skip
def test_a_usage_error_is_one_line(run_cli: RunCli, deals_repo: Path, args: tuple[str, ...], line: str) -> None:
    run = run_cli("init", "deals/acme.yaml", "--account", "Acme", *args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"handoff: error: {line}\n")
    assert not (deals_repo / "deals").exists()


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("valdate",), "No such command 'valdate'. Did you mean 'validate'?"),
        (("validate", "--format", "jsn"), "Invalid value for '--format' / '-f': 'jsn' is not one of 'auto', 'text', "
                                          "'json', 'github', 'sarif'; did you mean 'json'?"),
        (("sla", "--only", "Breached"), "Invalid value for '--only': 'Breached' is not one of 'breached', 'at-risk'; "
                                        "did you mean 'breached'?"),
        (("validate", "--min-score", "200"), "Invalid value for '--min-score': 200.0 is not in the range 0<=x<=100."),
        (("init",), "Missing argument 'path'."),
        (("--bogus",), "No such option: --bogus"),
        (("validate", "--as-of", "yesterday"), "Invalid value: 'yesterday' is not an ISO 8601 date or date-time, "
                                               "e.g. 2026-11-23T09:00"),
    ],
)  # fmt: skip
def test_every_usage_error_is_one_line(run_cli: RunCli, deals_repo: Path, args: tuple[str, ...], line: str) -> None:
    (deals_repo / "deal.yaml").write_bytes((EXAMPLES / "smb-brightleaf.yaml").read_bytes())
    run = run_cli(*args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"handoff: error: {line}\n")


def _commands(cmd: Any, name: str) -> Iterator[tuple[str, Any]]:
    yield name, cmd
    for sub_name, sub in getattr(cmd, "commands", {}).items():
        yield from _commands(sub, f"{name} {sub_name}")


COMMANDS = dict(_commands(command(), "handoff"))


def test_the_command_list_is_read_from_the_cli() -> None:
    assert {"handoff validate", "handoff score", "handoff report", "handoff render intro", "handoff import crm"} <= set(
        COMMANDS
    )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_paragraphs_are_whole_and_flags_have_no_placeholder(run_cli: RunCli, name: str) -> None:
    # rich help keeps every line break of a docstring, so a paragraph wrapped in the source breaks mid-sentence
    broken = [p for p in inspect.cleandoc(COMMANDS[name].help or "").split("\n\n") if "\n" in p]
    assert broken == []
    run = run_cli(*name.split()[1:], "--help")
    assert run.exit_code == 0 and "Usage: " in run.stdout
    assert "<bool>" not in run.stdout


def test_no_color_removes_bold_too(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    monkeypatch.setenv("FORCE_COLOR", "1")  # a terminal, as far as rich can tell
    monkeypatch.delenv("NO_COLOR", raising=False)
    styled = run_cli("validate", "midmarket-acme.yaml", "--as-of", AS_OF).stdout
    assert "\x1b[1m" in styled  # the paths are bold on a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run_cli("validate", "midmarket-acme.yaml", "--as-of", AS_OF).stdout
    assert "\x1b[" not in plain
    assert plain.splitlines()[-1] == "midmarket-acme.yaml: incomplete · 86.8% complete (min 95) · 7 errors, 5 warnings"


def test_without_colour_an_error_and_a_warning_line_say_which_they_are(run_cli: RunCli,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    monkeypatch.setenv("NO_COLOR", "1")
    lines = run_cli("validate", "strategic-globex.yaml", "--as-of", AS_OF).stdout.splitlines()
    assert lines[0] == ("strategic-globex.yaml:116:5: error: HS404 commitments-validated: commitment 'Three dedicated "
                        "CSMs, one per region' is not validated by CS")
    assert lines[2] == ("strategic-globex.yaml:117:5: warning: HS403 commitment-due: commitment 'Field-engineer mobile "
                        "app \"early in 2027\" (roadmap, not committed by Product)' has no due date")
    # the word is the finding's severity as JSON gives it, line for line
    findings = json.loads(run_cli("validate", "strategic-globex.yaml", "-f", "json", "--as-of", AS_OF).stdout)
    words = [f"{f['line']}:{f['col']}: {f['severity']}: {f['code']}" for f in findings["files"][0]["findings"]]
    assert [line.split(":", 1)[1].split(" ", 3)[:3] for line in lines[:-1]] == [w.split(" ") for w in words]
    # on a terminal the same characters, coloured
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    styled = run_cli("validate", "strategic-globex.yaml", "--as-of", AS_OF).stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", styled).splitlines() == lines


def test_no_color_removes_styling_from_help(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    # the help's colour system is Typer's module setting; keep this test's change to it in this test
    monkeypatch.setattr(typer.rich_utils, "COLOR_SYSTEM", typer.rich_utils.COLOR_SYSTEM)
    monkeypatch.setattr(typer.rich_utils, "FORCE_TERMINAL", True)  # read from FORCE_COLOR when Typer is imported
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in run_cli("validate", "--help").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run_cli("validate", "--help").stdout
    assert "\x1b[" not in plain and "Usage: handoff validate" in plain


@pytest.mark.parametrize("group", [(), ("render",), ("templates",), ("import",)])
def test_a_group_without_its_command_shows_its_help(run_cli: RunCli, group: tuple[str, ...]) -> None:
    run = run_cli(*group)
    assert (run.exit_code, run.stderr) == (2, "")
    assert f"Usage: handoff {' '.join(group)}".rstrip() + " [OPTIONS] COMMAND [ARGS]..." in run.stdout
