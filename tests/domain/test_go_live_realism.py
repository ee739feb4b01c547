"""HS810: a promised go-live sooner than the segment's usual time to go-live warns at the go_live line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli

DEAL = """schema: 1
deal: {{id: D-1, account: Initech, segment: mid-market, signed_at: 2026-11-02T09:00:00+00:00}}
implementation:
{start}  go_live: {go_live}
"""
WARNING = "warning: HS810 go-live-realistic: go_live 2026-12-29 is 4 weeks after the start (2026-12-01); mid-market "


def _validate(run_cli: RunCli, folder: Path, *, go_live: str, start: str = "  start: 2026-12-01\n") -> str:
    (folder / "d.yaml").write_text(DEAL.format(start=start, go_live=go_live), encoding="utf-8")
    return run_cli("validate", "d.yaml").stdout


def test_a_go_live_sooner_than_the_standard_warns_quoting_it(run_cli: RunCli, deals_repo: Path) -> None:
    out = _validate(run_cli, deals_repo, go_live="2026-12-29")
    assert f"d.yaml:5:12: {WARNING}onboarding usually takes 6-10 weeks\n" in out


def test_counted_from_signature_without_a_start(run_cli: RunCli, deals_repo: Path) -> None:
    out = _validate(run_cli, deals_repo, go_live="2026-11-30", start="")
    assert ("d.yaml:4:12: warning: HS810 go-live-realistic: go_live 2026-11-30 is 4 weeks after signature "
            "(2026-11-02); "
            "mid-market onboarding usually takes 6-10 weeks\n") in out  # fmt: skip


@pytest.mark.parametrize("go_live", ["2027-01-12", "2027-03-30"])  # exactly 6 weeks; longer than the range
def test_a_go_live_within_or_beyond_the_standard_does_not_warn(run_cli: RunCli, deals_repo: Path,
                                                                go_live: str) -> None:  # fmt: skip
    assert "HS810" not in _validate(run_cli, deals_repo, go_live=go_live)


def test_the_range_comes_from_settings(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("[go_live_weeks]\nmid-market = [2, 3]\n", encoding="utf-8")
    assert "HS810" not in _validate(run_cli, deals_repo, go_live="2026-12-29")
    (deals_repo / "handoff.toml").write_text("[go_live_weeks]\nmid-market = [5.5, 8]\n", encoding="utf-8")
    assert f"{WARNING}onboarding usually takes 5.5-8 weeks\n" in _validate(run_cli, deals_repo, go_live="2026-12-29")


def test_a_range_upside_down_is_a_config_error(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("[go_live_weeks]\nmid-market = [10, 8]\n", encoding="utf-8")
    run = run_cli("validate", "d.yaml")
    assert (run.exit_code, run.stderr) == (2, "handoff: error: handoff.toml:2:1: setting 'go_live_weeks.mid-market': "
                                              "the fewest weeks (10) must not be more than the most (8)\n")  # fmt: skip
