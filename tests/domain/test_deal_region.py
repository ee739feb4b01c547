"""deal.timezone and deal.holidays: a deal's own zone and public holidays override handoff.toml everywhere."""

from __future__ import annotations

import json
from pathlib import Path

from tests.builders import dossier_yaml
from tests.conftest import RunCli


def _deal(signed: str = "2026-11-24T09:00:00", **deal: str) -> str:
    return dossier_yaml(id="R-1", account="Regional Co", signed_at=signed, sales_rep=None, csm={"name": "Cleo Csm"},
                        **deal)


def _dues(run_cli: RunCli, *paths: str) -> dict[tuple[str, str], str]:
    result = run_cli("sla", *paths, "--format", "json", "--as-of", "2026-11-24T09:30:00+09:00")
    return {(row["path"], row["clock"]): row["due"] for row in json.loads(result.stdout)["clocks"]}


def test_a_time_without_offset_is_read_in_the_deals_zone(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "tokyo.yaml").write_text(_deal(timezone="Asia/Tokyo"), encoding="utf-8")
    (deals_repo / "repo.yaml").write_text(_deal(), encoding="utf-8")
    dues = _dues(run_cli, "tokyo.yaml", "repo.yaml")
    # 09:00 in Tokyo is midnight UTC; the repo (no handoff.toml) reads the same text as 09:00 UTC
    assert dues["tokyo.yaml", "intro_email"] == "2026-11-26T09:00:00+09:00"
    assert dues["repo.yaml", "intro_email"] == "2026-11-26T09:00:00+00:00"


def test_the_deals_holidays_are_skipped_by_its_business_days(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('timezone = "Europe/London"\n', encoding="utf-8")
    (deals_repo / "edinburgh.yaml").write_text(_deal(holidays="GB-SCT"), encoding="utf-8")
    (deals_repo / "london.yaml").write_text(_deal(holidays="GB-ENG"), encoding="utf-8")
    dues = _dues(run_cli, "edinburgh.yaml", "london.yaml")
    # signed Tue 24 November: 5 business days; Monday 30 November is St Andrew's Day in Scotland only
    assert dues["edinburgh.yaml", "joint_meeting"] == "2026-12-02T09:00:00+00:00"
    assert dues["london.yaml", "joint_meeting"] == "2026-12-01T09:00:00+00:00"


def test_the_repos_holidays_apply_where_the_deal_names_none(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('timezone = "America/New_York"\ncountry = "US"\n', encoding="utf-8")
    (deals_repo / "ny.yaml").write_text(_deal(), encoding="utf-8")
    (deals_repo / "berlin.yaml").write_text(_deal(timezone="Europe/Berlin", holidays="DE"), encoding="utf-8")
    dues = _dues(run_cli, "ny.yaml", "berlin.yaml")
    # Thanksgiving (Thursday 26 November) is a US holiday, not a German one
    assert dues["ny.yaml", "joint_meeting"] == "2026-12-02T09:00:00-05:00"
    assert dues["berlin.yaml", "joint_meeting"] == "2026-12-01T09:00:00+01:00"


def test_the_calendar_is_in_the_deals_zone(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "tokyo.yaml").write_text(_deal(timezone="Asia/Tokyo"), encoding="utf-8")
    ics = run_cli("render", "calendar", "tokyo.yaml", "--date", "2026-11-24T10:00").stdout
    assert "\\nDue Thu 2026-11-26 09:00 JST (UTC+09:00)\\nwithin 48 hours of signature: " in ics.replace("\n ", "")
    assert "DTSTAMP:20261124T010000Z" in ics  # --date without an offset: the deal's zone too


def test_log_reads_at_in_the_deals_zone(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "tokyo.yaml").write_text(_deal(timezone="Asia/Tokyo"), encoding="utf-8")
    result = run_cli("log", "tokyo.yaml", "kickoff", "--at", "2026-11-25T10:00")
    assert (result.exit_code, result.stdout) == (0, "logged kickoff at 2026-11-25T10:00:00+09:00 in tokyo.yaml\n")


def test_init_takes_the_deals_region(run_cli: RunCli, deals_repo: Path) -> None:
    run = run_cli("init", "globex.yaml", "--account", "Globex AG", "--segment", "strategic",
                  "--timezone", "Europe/Berlin", "--holidays", "DE-BY")
    assert run.exit_code == 0
    text = (deals_repo / "globex.yaml").read_text()
    assert '  timezone: "Europe/Berlin"  # this deal\'s time zone: dates without an offset are read in it\n' in text
    assert '  holidays: "DE-BY"  # this deal\'s public holidays: not business days for its clocks\n' in text
    assert run_cli("validate", "globex.yaml").stdout.count(" HV") == 0


def test_init_refuses_an_unknown_region_and_writes_nothing(run_cli: RunCli, deals_repo: Path) -> None:
    zone = run_cli("init", "a.yaml", "--account", "A", "--segment", "smb", "--timezone", "Europe/Berln")
    assert (zone.exit_code, zone.stderr) == (
        2, "handoff: error: --timezone 'Europe/Berln': not a known time zone; did you mean 'Europe/Berlin'?\n")
    days = run_cli("init", "a.yaml", "--account", "A", "--segment", "smb", "--holidays", "XX")
    assert (days.exit_code, days.stderr) == (2, "handoff: error: --holidays 'XX': not a country the holidays "
                                                "package knows; write a code such as DE, US-NY or GB-SCT\n")
    assert not (deals_repo / "a.yaml").exists()


def test_the_crm_import_fills_the_region_when_the_export_has_it(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "map.toml").write_text(
        'crm = "Pipedrive"\ndefault_segment = "enterprise"\n[columns]\nid = "Deal ID"\naccount = "Organization"\n'
        'timezone = "Time zone"\nholidays = "Holiday calendar"\n[segments]\n', encoding="utf-8")
    (deals_repo / "won.csv").write_text(
        "Deal ID,Organization,Time zone,Holiday calendar\n7,Globex AG,Europe/Berlin,DE-BY\n8,Hooli,,\n",
        encoding="utf-8")
    run = run_cli("import", "crm", "won.csv", "--map", "map.toml", "--out", "deals")
    assert run.exit_code == 0
    globex, hooli = ((deals_repo / "deals" / name).read_text() for name in ("globex-ag.yaml", "hooli.yaml"))
    assert '  timezone: "Europe/Berlin"  #' in globex and '  holidays: "DE-BY"  #' in globex
    assert "timezone:" not in hooli and "holidays:" not in hooli
    (deals_repo / "won.csv").write_text(
        "Deal ID,Organization,Time zone,Holiday calendar\n8,Hooli,America/Chicago,US-IL\n", encoding="utf-8")
    update = run_cli("import", "crm", "won.csv", "--map", "map.toml", "--out", "deals", "--update")
    assert update.exit_code == 0
    filled = (deals_repo / "deals" / "hooli.yaml").read_text()
    assert '  timezone: "America/Chicago"\n' in filled and '  holidays: "US-IL"\n' in filled


def test_a_bad_region_in_the_export_stops_the_import(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "map.toml").write_text(
        'crm = "X"\ndefault_segment = "smb"\n[columns]\nid = "Id"\naccount = "Org"\ntimezone = "Zone"\n[segments]\n',
        encoding="utf-8")
    (deals_repo / "won.csv").write_text("Id,Org,Zone\n1,Acme,Moon/Base\n", encoding="utf-8")
    run = run_cli("import", "crm", "won.csv", "--map", "map.toml", "--out", "deals")
    assert (run.exit_code, run.stderr) == (2, (
        "handoff: error: won.csv:2: the dossier would not be valid: deal.timezone: 'Moon/Base': not a known "
        "time zone; use an IANA name such as Europe/Berlin; nothing was written\n"))
    assert not (deals_repo / "deals").exists()


def test_every_logged_item_reads_at_in_the_deals_zone(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "berlin.yaml").write_text(_deal(timezone="Europe/Berlin"), encoding="utf-8")
    event = run_cli("log", "berlin.yaml", "kickoff", "--at", "2026-11-25T10:00")
    health = run_cli("log", "berlin.yaml", "health", "--value", "green", "--at", "2026-11-25T10:00")
    review = run_cli("accept", "berlin.yaml", "--by", "cleo@example.com", "--as-of", "2026-11-25T10:00")
    assert event.stdout == "logged kickoff at 2026-11-25T10:00:00+01:00 in berlin.yaml\n"
    assert health.stdout == "logged health value green at 2026-11-25T10:00:00+01:00 in berlin.yaml\n"
    assert review.stdout == "accepted by cleo@example.com at 2026-11-25T10:00:00+01:00 in berlin.yaml\n"
    text = (deals_repo / "berlin.yaml").read_text(encoding="utf-8")
    assert text.count("2026-11-25T10:00:00+01:00") == 3
    warning = "handoff: warning: {} 2026-11-25T10:00 has no offset; read in Europe/Berlin, the deal's time zone\n"
    assert (event.stderr, health.stderr, review.stderr) == (
        warning.format("--at"), warning.format("--at"), warning.format("--as-of"))


def test_a_time_with_an_offset_gets_no_warning(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "berlin.yaml").write_text(_deal(timezone="Europe/Berlin"), encoding="utf-8")
    result = run_cli("log", "berlin.yaml", "kickoff", "--at", "2026-11-25T10:00:00+01:00")
    assert (result.exit_code, result.stderr) == (0, "")


def test_validate_and_sla_read_a_naive_signature_in_the_deals_zone(run_cli: RunCli, deals_repo: Path) -> None:
    # 20:00 on Kiritimati (UTC+14) is 06:00 UTC, six hours before the check: signed, not in the future
    (deals_repo / "line.yaml").write_text(
        _deal(timezone="Pacific/Kiritimati", signed="2026-11-23T20:00:00"), encoding="utf-8")
    as_of = ("--as-of", "2026-11-23T12:00:00Z")
    validate = run_cli("validate", "line.yaml", "--format", "json", *as_of)
    codes = {f["code"] for f in json.loads(validate.stdout)["files"][0]["findings"]}
    assert "HS804" not in codes
    clocks = json.loads(run_cli("sla", "line.yaml", "--format", "json", *as_of).stdout)["clocks"]
    assert {row["clock"]: row["due"] for row in clocks}["intro_email"] == "2026-11-25T20:00:00+14:00"


def test_a_signature_in_the_deals_future_is_in_the_future_for_both(run_cli: RunCli, deals_repo: Path) -> None:
    # the same text on a deal in UTC is 20:00 UTC, eight hours after the check
    (deals_repo / "utc.yaml").write_text(_deal(signed="2026-11-23T20:00:00"), encoding="utf-8")
    as_of = ("--as-of", "2026-11-23T12:00:00Z")
    validate = run_cli("validate", "utc.yaml", "--format", "json", *as_of)
    codes = {f["code"] for f in json.loads(validate.stdout)["files"][0]["findings"]}
    assert "HS804" in codes
    clocks = json.loads(run_cli("sla", "utc.yaml", "--format", "json", *as_of).stdout)["clocks"]
    assert {row["clock"]: row["due"] for row in clocks}["intro_email"] == "2026-11-25T20:00:00+00:00"


def test_mark_reads_at_in_the_deals_zone_with_the_same_warning(run_cli: RunCli, deals_repo: Path) -> None:
    commitment = {"what": "SSO rollout", "kind": "scope", "owner": "Rita Rep", "due": "2026-12-15",
                  "source": "contract", "certainty": "signed"}
    (deals_repo / "berlin.yaml").write_text(
        dossier_yaml(id="R-1", account="Regional Co", signed_at="2026-11-24T09:00:00", timezone="Europe/Berlin",
                     sections={"commitments": [commitment]}), encoding="utf-8")
    run = run_cli("mark", "berlin.yaml", "commitments", "SSO", "done", "--at", "2026-11-25T10:00")
    assert (run.exit_code, run.stdout, run.stderr) == (
        0, "marked commitment 'SSO rollout' done at 2026-11-25T10:00:00+01:00 in berlin.yaml\n",
        "handoff: warning: --at 2026-11-25T10:00 has no offset; read in Europe/Berlin, the deal's time zone\n")
    # the naive signature is read in the deal's zone too, and the refusal says so
    early = run_cli("mark", "berlin.yaml", "commitments", "SSO", "open", "--at", "2026-11-24T08:30")
    assert (early.exit_code, early.stderr.splitlines()[-1]) == (2, (
        "handoff: error: berlin.yaml: --at 2026-11-24T08:30:00+01:00 is before the signature "
        "(2026-11-24T09:00:00+01:00); pass --force if it really happened before close"))
