"""deal.holidays as a list: a deal run from several regions counts a business day only where every calendar
works; `sla` prints each deal's times in its own zone, with the offset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.domain.test_deal_region import _deal

AS_OF = "2026-11-24T09:30:00+09:00"


def _joint_due(run_cli: RunCli, holidays: str | list[str]) -> str:
    text = _deal(signed="2026-11-20T16:00:00", timezone="Asia/Tokyo", holidays=holidays)  # type: ignore[arg-type]
    Path("deal.yaml").write_text(text, "utf-8")
    run = run_cli("sla", "deal.yaml", "--format", "json", "--as-of", AS_OF)
    [due] = [row["due"] for row in json.loads(run.stdout)["clocks"] if row["clock"] == "joint_meeting"]
    return str(due)


@pytest.mark.parametrize(
    ("holidays", "due"),
    [
        # signed Friday 20 November: Japan rests on Monday 23, New York on Thursday 26 (Thanksgiving)
        ("JP", "2026-11-30T16:00:00+09:00"),
        ("US-NY", "2026-11-30T16:00:00+09:00"),
        (["JP", "US-NY"], "2026-12-01T16:00:00+09:00"),
        (["US-NY"], "2026-11-30T16:00:00+09:00"),
    ],
)
def test_a_business_day_is_a_working_day_in_every_calendar(
    holidays: str | list[str], due: str, run_cli: RunCli, deals_repo: Path
) -> None:
    assert _joint_due(run_cli, holidays) == due


def test_calendars_written_as_one_text_are_refused_with_the_list_to_write(run_cli: RunCli, deals_repo: Path) -> None:
    Path("deal.yaml").write_text(_deal(holidays="JP, US-NY"), encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert "several calendars are a list: write [JP, US-NY]" in run.stdout


def test_an_unknown_calendar_in_the_list_is_named(run_cli: RunCli, deals_repo: Path) -> None:
    Path("deal.yaml").write_text(_deal(holidays=["JP", "XX"]), encoding="utf-8")  # type: ignore[arg-type]
    run = run_cli("validate", "deal.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1 and "not a country the holidays package knows" in run.stdout


def test_sla_prints_each_deal_in_its_own_zone_with_the_offset(run_cli: RunCli, deals_repo: Path) -> None:
    Path("tokyo.yaml").write_text(_deal(timezone="Asia/Tokyo"), encoding="utf-8")
    Path("berlin.yaml").write_text(_deal(timezone="Europe/Berlin"), encoding="utf-8")
    lines = run_cli("sla", "tokyo.yaml", "berlin.yaml", "--as-of", AS_OF).stdout.splitlines()
    intro = {line.split()[-1]: line.split()[2:4] for line in lines if " intro_email " in line}
    assert intro == {"tokyo.yaml": ["2026-11-26", "09:00+09:00"], "berlin.yaml": ["2026-11-26", "09:00+01:00"]}
    assert lines[0].split()[2:6] == ["due", "(the", "deal's", "time)"]
