"""A clock breached for longer than [sla] escalate_after names who it goes to: the deal's CS manager, else the
repo's escalation_owner; within the grace, nobody yet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.domain.test_deal_region import _deal

# signed 09:00 UTC: the intro email (48 h) is due 2026-11-26 09:00 and never sent
LATE_BY_20_HOURS = "2026-11-27T05:00:00+00:00"
LATE_BY_2_DAYS = "2026-11-28T09:01:00+00:00"
MANAGER = {"name": "Tomás Ortega", "email": "tomas@vendor.example"}


def _escalation(
    run_cli: RunCli, as_of: str, manager: dict[str, str] | None = None, *, settings: str = ""
) -> str | None:
    Path("handoff.toml").write_text(settings, encoding="utf-8")
    text = _deal(cs_manager=manager) if manager else _deal()  # type: ignore[arg-type]
    Path("deal.yaml").write_text(text, encoding="utf-8")
    rows = json.loads(run_cli("sla", "deal.yaml", "--as-of", as_of, "--format", "json").stdout)["clocks"]
    [intro] = [r for r in rows if r["clock"] == "intro_email"]
    assert intro["status"] == "breached"
    return intro["escalate_to"]  # type: ignore[no-any-return]


def test_within_the_grace_nobody_is_named(run_cli: RunCli, deals_repo: Path) -> None:
    assert _escalation(run_cli, LATE_BY_20_HOURS, MANAGER) is None


def test_past_the_grace_the_deals_cs_manager_is_named(run_cli: RunCli, deals_repo: Path) -> None:
    assert _escalation(run_cli, LATE_BY_2_DAYS, MANAGER) == "Tomás Ortega"
    line = next(x for x in run_cli("sla", "deal.yaml", "--as-of", LATE_BY_2_DAYS).stdout.splitlines()
                if " intro_email " in x)  # fmt: skip
    assert "late by 2 d 1 m, escalate to Tomás Ortega" in line
    report = run_cli("report", "deal.yaml", "--as-of", LATE_BY_2_DAYS).stdout
    assert "intro_email breached (rep (none), escalate to Tomás Ortega)" in report


def test_without_a_cs_manager_the_repos_owner_is_named(run_cli: RunCli, deals_repo: Path) -> None:
    settings = '[sla]\nescalation_owner = "Dana Lee (CS lead)"\n'
    assert _escalation(run_cli, LATE_BY_2_DAYS, settings=settings) == "Dana Lee (CS lead)"
    assert _escalation(run_cli, LATE_BY_2_DAYS) == "(no cs_manager or escalation_owner set)"


@pytest.mark.parametrize(("grace", "expected"), [('"3 days"', None), ('"off"', None), ('"12 hours"', "Tomás Ortega")])
def test_the_grace_is_a_setting(grace: str, expected: str | None, run_cli: RunCli, deals_repo: Path) -> None:
    settings = f"[sla]\nescalate_after = {grace}\n"
    as_of = LATE_BY_20_HOURS if expected else LATE_BY_2_DAYS
    assert _escalation(run_cli, as_of, MANAGER, settings=settings) == expected
