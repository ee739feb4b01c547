"""The CSM's check-in cadence is a setting per segment ([segments.<segment>] check_in_days): momentum death is a
quiet spell longer than it, and the plan's check-ins follow it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.suites.test_calibration import CALIBRATION

AS_OF = "2027-01-19T12:00:00+00:00"


def _momentum(run_cli: RunCli, deal: str, settings: str) -> list[list[str]]:
    shutil.copy(CALIBRATION / f"{deal}.yaml", "deal.yaml")
    Path("handoff.toml").write_text(settings, encoding="utf-8")
    doc = json.loads(run_cli("report", "deal.yaml", "--as-of", AS_OF, "--format", "json").stdout)
    return [p["evidence"] for p in doc["patterns"]["deals"] if p["pattern"] == "momentum-death"]


def test_weekly_check_ins_are_a_silence_for_a_team_that_checks_in_every_three_days(
    run_cli: RunCli, deals_repo: Path
) -> None:
    assert _momentum(run_cli, "strategic-weekly-check-ins", "") == []
    [evidence] = _momentum(run_cli, "strategic-weekly-check-ins", "[segments.strategic]\ncheck_in_days = 3\n")
    assert evidence and all(line.endswith("(check-ins every 3 days)") for line in evidence)


def test_a_longer_cadence_forgives_the_holiday_silence(run_cli: RunCli, deals_repo: Path) -> None:
    assert len(_momentum(run_cli, "strategic-real-silence", "")) == 1
    assert _momentum(run_cli, "strategic-real-silence", "[segments.strategic]\ncheck_in_days = 30\n") == []
    # another segment's cadence is not this deal's
    assert len(_momentum(run_cli, "strategic-real-silence", "[segments.enterprise]\ncheck_in_days = 30\n")) == 1


def test_zero_means_contact_follows_usage(run_cli: RunCli, deals_repo: Path) -> None:
    assert _momentum(run_cli, "strategic-real-silence", "[segments.strategic]\ncheck_in_days = 0\n") == []


def test_the_cadence_is_bounded(run_cli: RunCli, deals_repo: Path) -> None:
    Path("handoff.toml").write_text("[segments.strategic]\ncheck_in_days = 91\n", encoding="utf-8")
    run = run_cli("report", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (
        2, "handoff: error: handoff.toml:2:1: setting 'segments.strategic.check_in_days': 91 is out of range; write "
        "a number from 0 to 90\n")  # fmt: skip


def test_the_plan_follows_the_cadence(run_cli: RunCli, deals_repo: Path) -> None:
    shutil.copy(CALIBRATION / "midmarket-clean.yaml", "deal.yaml")
    plan = run_cli("render", "plan", "deal.yaml").stdout
    assert plan.count("Bi-weekly check-in") == 4 and "Check-in (every" not in plan  # days 14 to 56
    Path("handoff.toml").write_text("[segments.mid-market]\ncheck_in_days = 10\n", encoding="utf-8")
    plan = run_cli("render", "plan", "deal.yaml").stdout
    assert plan.count("Check-in (every 10 days)") == 6 and "Bi-weekly check-in" not in plan  # days 10 to 60
    Path("handoff.toml").write_text("[segments.mid-market]\ncheck_in_days = 0\n", encoding="utf-8")
    plan = run_cli("render", "plan", "deal.yaml").stdout
    assert "Bi-weekly check-in" not in plan and "Check-in (every" not in plan


def test_the_plan_header_says_the_teams_cadence(run_cli: RunCli, deals_repo: Path) -> None:
    shutil.copy(CALIBRATION / "midmarket-clean.yaml", "deal.yaml")
    header = [line for line in run_cli("render", "plan", "deal.yaml").stdout.splitlines() if "Cadence" in line]
    assert header == ["**Cadence:** Standard onboarding: bi-weekly check-ins for the first 60 days, business review "
                      "at day 90."]  # fmt: skip
    Path("handoff.toml").write_text("[segments.mid-market]\ncheck_in_days = 10\n", encoding="utf-8")
    plan = run_cli("render", "plan", "deal.yaml").stdout
    assert "**Cadence:** Check-ins every 10 days through day 60, business review at day 90.\n" in plan
    Path("handoff.toml").write_text("[segments.mid-market]\ncheck_in_days = 0\n", encoding="utf-8")
    plan = run_cli("render", "plan", "deal.yaml").stdout
    assert "**Cadence:** No recurring check-ins: contact follows usage, business review at day 90.\n" in plan


# (the header line, one dated check-in line) with check-ins every 10 days, and the playbook's check-in name
IN_DAYS = {
    "de": ("**Rhythmus:** Abstimmungen alle 10 Tage bis Tag 60, Quartalsgespräch an Tag 90.",
           "- 10. Dezember 2026: Abstimmung (alle 10 Tage)", "Abstimmung alle zwei Wochen"),
    "ms": ("**Kekerapan:** Sesi semakan setiap 10 hari sehingga hari ke-60 dan semakan perniagaan suku tahunan pada "
           "hari ke-90.", "- 10 Disember 2026: Sesi semakan (setiap 10 hari)", "Sesi semakan setiap dua minggu"),
    "id": ("**Frekuensi pendampingan:** Pertemuan rutin setiap 10 hari hingga hari ke-60 dan tinjauan bisnis kuartalan "
           "pada hari ke-90.", "- 10 Desember 2026: Pertemuan rutin (setiap 10 hari)",
           "Pertemuan rutin setiap dua minggu"),
    "he": ("**תדירות:** פגישות מעקב כל 10 ימים עד יום ה-60 וסקירה עסקית רבעונית ביום ה-90.",
           "- 10 בדצמבר 2026: פגישת מעקב (כל 10 ימים)", "פגישת מעקב דו-שבועית"),
    "zh-Hant": ("**會議頻率：**每 10 天舉行進度會議至第 60 天，並於第 90 天舉行季度業務檢討。",  # noqa: RUF001
                "- 2026年12月10日：進度會議（每 10 天）", "每兩週進度會議"),  # noqa: RUF001
}


@pytest.mark.parametrize("language", sorted(IN_DAYS))
def test_every_language_says_the_teams_cadence_in_days(run_cli: RunCli, deals_repo: Path, language: str) -> None:
    shutil.copy(CALIBRATION / "midmarket-clean.yaml", "deal.yaml")
    Path("handoff.toml").write_text(f'language = "{language}"\n[segments.mid-market]\ncheck_in_days = 10\n',
                                    encoding="utf-8")  # fmt: skip
    header, check_in, playbook = IN_DAYS[language]
    plan = run_cli("render", "plan", "deal.yaml").stdout.splitlines()
    assert header in plan and check_in in plan
    assert not [line for line in plan if playbook in line]  # no line names the playbook's fortnightly check-in
