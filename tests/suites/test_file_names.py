"""A deals repo's file names are untrusted: every format prints them so that one finding stays one line, a
CI log gets no command the repo did not earn, and a terminal is never restyled; JSON and SARIF keep the name."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from handoff_cli.core.printable import printable
from tests.conftest import AS_OF, EXAMPLES, RunCli

NEWLINE = "a\n::error::pwned.yaml"  # would be a workflow command of its own if printed raw
ESC = "b\x1b[31mred.yaml"  # would turn the terminal red
SHOWN = {NEWLINE: "a\\n::error::pwned.yaml", ESC: "b\\x1b[31mred.yaml"}


@pytest.fixture(params=[NEWLINE, ESC], ids=["newline", "esc"])
def hostile(request: pytest.FixtureRequest, deals_repo: Path) -> str:
    name: str = request.param
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deals_repo / name)
    return name


def _clean(text: str) -> None:
    assert "\x1b" not in text
    assert not any(line.startswith("::error::pwned") for line in text.splitlines())


def test_printable_writes_each_invisible_character_as_a_visible_escape() -> None:
    assert printable("deals/acme.yaml") == "deals/acme.yaml"
    assert printable("a\nb\r\tc\x1bd\x7fe\x85f\u2028g\u202eh\u200bi") == (
        "a\\nb\\r\\tc\\x1bd\\x7fe\\x85f\\u2028g\\u202eh\\u200bi"
    )
    assert printable("caf\u00e9 \u00fcber.yaml") == "caf\u00e9 \u00fcber.yaml"
    assert printable(os.fsdecode(b"c\xff.yaml")) == "c\\xff.yaml"


@pytest.mark.parametrize("command", ["validate", "score"])
def test_text_shows_the_name_escaped_on_every_line(run_cli: RunCli, hostile: str, command: str) -> None:
    run = run_cli(command, ".", "--as-of", AS_OF, "--no-cache")
    assert run.exit_code == 1
    _clean(run.stdout)
    assert f"{SHOWN[hostile]}: incomplete · 86.8% complete" in run.stdout
    if command == "validate":
        lines = run.stdout.splitlines()
        assert lines[0].startswith(f"{SHOWN[hostile]}:1:1: error: HG001 below-min-score")
        assert all(line.startswith(SHOWN[hostile]) for line in lines)  # one finding, one line


@pytest.mark.parametrize("command", ["validate", "score"])
def test_github_adds_no_command_and_keeps_the_file_property_exact(run_cli: RunCli, hostile: str, command: str) -> None:
    run = run_cli(command, ".", "--as-of", AS_OF, "--format", "github", "--no-cache")
    _clean(run.stdout)
    lines = run.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 12 and len(lines) == 13
    if hostile == NEWLINE:  # the runner decodes %0A: the annotation lands on the real file
        assert commands[0].startswith("::error file=a%0A%3A%3Aerror%3A%3Apwned.yaml,line=1,col=1,title=HG001")
    else:  # the runner would not decode an ESC: it is shown, not sent
        assert commands[0].startswith("::error file=b\\x1b[31mred.yaml,line=1,col=1,title=HG001")
    assert lines[-1].startswith(f"{SHOWN[hostile]}: incomplete")


def test_json_and_sarif_keep_the_exact_name(run_cli: RunCli, hostile: str) -> None:
    found = json.loads(run_cli("validate", ".", "--as-of", AS_OF, "--format", "json").stdout)
    assert [f["path"] for f in found["files"]] == [hostile]
    sarif = json.loads(run_cli("validate", ".", "--as-of", AS_OF, "--format", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"a%0A%3A%3Aerror%3A%3Apwned.yaml" if hostile == NEWLINE else "b%1B%5B31mred.yaml"}


def test_a_name_that_is_not_utf8_keeps_every_format_valid(run_cli: RunCli, deals_repo: Path) -> None:
    name = os.fsdecode(b"c\xff.yaml")
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deals_repo / name)
    found = json.loads(run_cli("validate", ".", "--as-of", AS_OF, "--format", "json").stdout)
    assert found["files"][0]["path"] == "c\\xff.yaml"
    sarif = json.loads(run_cli("validate", ".", "--as-of", AS_OF, "--format", "sarif").stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "c%FF.yaml"
    assert "c\\xff.yaml: incomplete" in run_cli("validate", ".", "--as-of", AS_OF).stdout


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_sla_shows_the_name_escaped(run_cli: RunCli, hostile: str, fmt: str) -> None:
    run = run_cli("sla", ".", "--as-of", AS_OF, "--format", fmt)
    _clean(run.stdout)
    if fmt == "text":
        rows = [line for line in run.stdout.splitlines() if "HS-88412" in line]  # clocks, then overdue items
        assert len(rows) > 7 and all(line.endswith(SHOWN[hostile]) for line in rows)
    else:
        *annotations, clocks, items = run.stdout.splitlines()  # then the counts of clocks and of overdue items
        assert all(line.startswith(("::error file=", "::warning file=")) for line in annotations)
        assert (clocks.split(" on ")[0], items) == ("7 clocks", "3 items overdue on 1 deal")


def test_sla_and_report_list_an_invalid_hostile_file_escaped(run_cli: RunCli, deals_repo: Path) -> None:
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deals_repo / "acme.yaml")
    shutil.copy(EXAMPLES / "invalid" / "bad-values.yaml", deals_repo / NEWLINE)
    sla = run_cli("sla", ".", "--as-of", AS_OF)
    assert f"{SHOWN[NEWLINE]}: not a valid dossier (4 problem(s))" in sla.stdout
    _clean(sla.stdout)
    for fmt, shown in (("text", SHOWN[NEWLINE]), ("md", "a\\\\n::error::pwned.yaml"), ("html", SHOWN[NEWLINE])):
        report = run_cli("report", ".", "--as-of", AS_OF, "--format", fmt)
        assert shown in report.stdout and NEWLINE not in report.stdout


def test_an_error_and_a_status_line_show_the_name_escaped(run_cli: RunCli, hostile: str) -> None:
    logged = run_cli("log", hostile, "internal_meeting", "--at", "2026-11-06T10:00:00+00:00", "--force")
    assert logged.stdout.count("\n") <= 1 and "\x1b" not in logged.stdout + logged.stderr
    assert SHOWN[hostile] in logged.stdout + logged.stderr
    missing = run_cli("validate", "no\x1bsuch.yaml")
    assert missing.exit_code == 2
    assert missing.stderr == "handoff: error: no\\x1bsuch.yaml: no such file or folder\n"
