"""Broken dossiers and the exact lines `handoff validate` prints for them (tests/cases/invalid/*.expected)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, CASES, RunCli, snapshot

INVALID = sorted((CASES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.stem)
def test_invalid_case_prints_expected_lines(case: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case.parent)
    before = case.read_bytes()
    run = run_cli("validate", case.name, "--as-of", AS_OF)
    assert (run.exit_code, run.stdout, run.stderr) == (1, snapshot(case.with_suffix(".expected"), run.stdout), "")
    assert case.read_bytes() == before


def test_every_schema_code_has_a_case() -> None:
    from handoff_cli.core.codes import CODES

    shown = "".join(p.with_suffix(".expected").read_text() for p in INVALID)
    assert [code for code in CODES if code.startswith("HV") and f" {code} " not in shown] == []
