"""The last bad inputs, each as a user meets it: `handoff validate` on a small file, the exact line it prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, RunCli

HEAD = "schema: 1\ndeal:\n  id: D-1\n  account: Acme\n  segment: smb\n"


def validate(run_cli: RunCli, folder: Path, text: str | bytes, name: str = "deal.yaml") -> tuple[int, list[str]]:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    run = run_cli("validate", name, "--as-of", AS_OF)
    assert run.stderr == "" or run.exit_code == 2
    return run.exit_code, [line for line in run.stdout.splitlines() if ": H" in line] + run.stderr.splitlines()


def schema_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if ": HY" in line or ": HV" in line]


@pytest.mark.parametrize(("typed", "fix"), [("yes", "true"), ("No", "false"), ("on", "true"), ("OFF", "false")])
def test_yes_no_on_off_are_refused_with_the_fix(run_cli: RunCli, deals_repo: Path, typed: str, fix: str) -> None:
    text = HEAD + f"commitments:\n  - what: SSO\n    kind: scope\n    cs_validated: {typed}\n"
    _, lines = validate(run_cli, deals_repo, text)
    assert schema_lines(lines) == [
        f"deal.yaml:9:19: HV008 invalid-boolean: commitments[0].cs_validated: '{typed}' is not true or false; "
        f"write {fix}"
    ]


@pytest.mark.parametrize("typed", ["true", "false", "True", "FALSE"])
def test_true_and_false_are_booleans(run_cli: RunCli, deals_repo: Path, typed: str) -> None:
    text = HEAD + f"commitments:\n  - what: SSO\n    kind: scope\n    cs_validated: {typed}\n"
    _, lines = validate(run_cli, deals_repo, text)
    assert schema_lines(lines) == []


def test_whole_numbers_are_bounded_like_amounts(run_cli: RunCli, deals_repo: Path) -> None:
    digits = "1" * 36
    text = HEAD + f"customer:\n  company:\n    employees: {digits}\n  purchase:\n    sales_cycle_days: {digits}\n"
    _, lines = validate(run_cli, deals_repo, text)
    message = "is out of range; write at most 15 digits"
    assert schema_lines(lines) == [
        f"deal.yaml:8:16: HV005 invalid-number: customer.company.employees: {_shown(digits)} {message}",
        f"deal.yaml:10:23: HV005 invalid-number: customer.purchase.sales_cycle_days: {_shown(digits)} {message}",
    ]


def test_fifteen_digits_are_still_a_number(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD + "customer:\n  company:\n    employees: 999999999999999\n"
    _, lines = validate(run_cli, deals_repo, text)
    assert schema_lines(lines) == []


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")

