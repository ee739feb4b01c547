"""A file with thousands of the same mistake prints a bounded report: the first `repeats` of each code per file,
then one line counting the rest; JSON keeps every finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, RunCli
from tests.suites.test_bad_inputs import HEAD

LIMIT = 64 * 1024
PEOPLE = HEAD + "stakeholders:\n" + "".join(f"  - {{name: Person {i}, role: influencer}}\n" for i in range(10_000))
KEYS = HEAD + "customer:\n" + "".join(f"  unknown_{i}: x\n" for i in range(5_000))


@pytest.mark.parametrize(
    "command",
    [("validate", "--as-of", AS_OF), ("score", "--as-of", AS_OF), ("sla", "--as-of", AS_OF),
     ("report", "--as-of", AS_OF), ("render", "intro")],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize(("text", "code"), [(PEOPLE, "HS206"), (KEYS, "HV001")], ids=["people", "keys"])
def test_thousands_of_one_mistake_stay_under_64_kib(
    run_cli: RunCli, deals_repo: Path, command: tuple[str, ...], text: str, code: str
) -> None:
    (deals_repo / "deal.yaml").write_text(text)
    name, *rest = command
    run = run_cli(name, *rest, "deal.yaml") if name == "render" else run_cli(name, "deal.yaml", *rest)
    shown = run.stdout + run.stderr
    assert len(shown.encode()) < LIMIT
    assert shown.count(f" {code} ") <= 21  # twenty shown, one line counting the rest
    assert "Traceback" not in shown and "internal error" not in shown


def test_the_rest_is_counted_in_one_line(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(KEYS)
    run = run_cli("validate", "deal.yaml", "--as-of", AS_OF)
    lines = run.stdout.splitlines()
    assert len([line for line in lines if "HV001 unknown-key" in line]) == 20
    assert "deal.yaml: … and 4,980 more HV001 in this file" in lines
    assert len(lines) == 22


def test_repeats_is_a_setting(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("repeats = 3\n")
    (deals_repo / "deal.yaml").write_text(KEYS)
    lines = run_cli("validate", "deal.yaml", "--as-of", AS_OF).stdout.splitlines()
    assert [line for line in lines if "HV001" in line][3:] == ["deal.yaml: … and 4,997 more HV001 in this file"]


def test_a_file_with_few_findings_shows_them_all(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(HEAD + "customer:\n  a: 1\n  b: 2\n")
    lines = run_cli("validate", "deal.yaml", "--as-of", AS_OF).stdout.splitlines()
    assert len([line for line in lines if "HV001" in line]) == 2
    assert not [line for line in lines if "more HV001" in line]


def test_json_keeps_every_finding(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(KEYS)
    run = run_cli("validate", "deal.yaml", "--as-of", AS_OF, "--format", "json")
    document = json.loads(run.stdout)
    assert sum(f["code"] == "HV001" for file in document["files"] for f in file["findings"]) == 5_000


@pytest.mark.parametrize(
    "command", [("render", "intro", "deal.yaml"), ("log", "deal.yaml", "kickoff")], ids=["render", "log"]
)
def test_commands_that_refuse_an_invalid_dossier_cap_its_lines_as_validate_does(
    run_cli: RunCli, deals_repo: Path, command: tuple[str, ...]
) -> None:
    (deals_repo / "handoff.toml").write_text("repeats = 3\n")
    (deals_repo / "deal.yaml").write_text(KEYS)
    validate = run_cli("validate", "deal.yaml", "--as-of", AS_OF)
    validated = [line for line in validate.stdout.splitlines() if "HV001" in line]
    run = run_cli(*command)
    shown = [line for line in (run.stdout + run.stderr).splitlines() if "HV001" in line]
    assert run.exit_code == 1
    assert shown == validated
    assert shown[3:] == ["deal.yaml: … and 4,997 more HV001 in this file"]
    assert (deals_repo / "deal.yaml").read_text() == KEYS
