"""Every command prints a deal's times on the deal's own clock, with its offset, whatever offset they were written or
given with: validate's messages, the writers' confirmations and refusals, the report's follow-ups, the documents
and history. The deals here are in Tokyo and Berlin; their times are written or given in UTC."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.builders import dossier_yaml
from tests.conftest import RunCli

SIGNED = "2026-11-24T09:00:00"  # in the deal's zone: 00:00 UTC for Tokyo


def _deal(path: str, zone: str, events: list[dict[str, str]] | None = None, **sections: object) -> None:
    text = dossier_yaml(events, dict(sections) or None, id="R-1", account="Regional Co", signed_at=SIGNED,
                        timezone=zone, sales_rep={"name": "Rita Rep"}, csm={"name": "Cleo Csm"})
    Path(path).write_text(text, encoding="utf-8")


def test_validate_says_an_event_in_the_future_at_the_deals_time(run_cli: RunCli, deals_repo: Path) -> None:
    _deal("tokyo.yaml", "Asia/Tokyo", [{"event": "kickoff", "at": "2026-11-30T01:00:00Z"}])
    run = run_cli("validate", "tokyo.yaml", "--as-of", "2026-11-25T12:00:00+09:00")
    assert [line.split(": ", 1)[1] for line in run.stdout.splitlines() if "HS807" in line] == [
        "error: HS807 events-after-signature: kickoff at 2026-11-30T10:00:00+09:00 is in the future"]


def test_the_writers_confirm_at_the_deals_time(run_cli: RunCli, deals_repo: Path) -> None:
    _deal("berlin.yaml", "Europe/Berlin")
    logged = run_cli("log", "berlin.yaml", "kickoff", "--at", "2026-11-25T09:00:00Z")
    assert logged.stdout == "logged kickoff at 2026-11-25T10:00:00+01:00 in berlin.yaml\n"
    # the file keeps the time as it was given
    assert "at: 2026-11-25T09:00:00+00:00" in Path("berlin.yaml").read_text(encoding="utf-8")
    again = run_cli("log", "berlin.yaml", "kickoff", "--at", "2026-11-26T09:00:00Z")
    assert again.stderr == ("handoff: error: berlin.yaml: kickoff is already logged at 2026-11-25T10:00:00+01:00; "
                            "pass --force to log it again\n")
    early = run_cli("log", "berlin.yaml", "check_in", "--at", "2026-11-20T09:00:00Z")
    assert early.stderr == ("handoff: error: berlin.yaml: --at 2026-11-20T10:00:00+01:00 is before the signature "
                            "(2026-11-24T09:00:00+01:00); pass --force if it really happened before close\n")
    accepted = run_cli("accept", "berlin.yaml", "--by", "cleo@example.com", "--as-of", "2026-11-25T11:00:00Z")
    assert accepted.stdout == "accepted by cleo@example.com at 2026-11-25T12:00:00+01:00 in berlin.yaml\n"
    health = run_cli("log", "berlin.yaml", "health", "--value", "green", "--at", "2026-11-25T12:00:00Z")
    assert health.stdout == "logged health value green at 2026-11-25T13:00:00+01:00 in berlin.yaml\n"


def test_mark_confirms_at_the_deals_time(run_cli: RunCli, deals_repo: Path) -> None:
    _deal("tokyo.yaml", "Asia/Tokyo", commitments=[{"what": "SSO rollout", "kind": "scope"}])
    run = run_cli("mark", "tokyo.yaml", "commitments", "SSO", "done", "--at", "2026-11-25T01:00:00Z")
    assert run.stdout == "marked commitment 'SSO rollout' done at 2026-11-25T10:00:00+09:00 in tokyo.yaml\n"
    again = run_cli("mark", "tokyo.yaml", "commitments", "SSO", "done", "--at", "2026-11-25T02:00:00Z")
    assert again.stderr == ("handoff: error: tokyo.yaml: 'SSO rollout' is already done at 2026-11-25T10:00:00+09:00; "
                            "pass --force to record it again\n")


def test_the_reports_follow_up_is_at_the_deals_time(run_cli: RunCli, deals_repo: Path) -> None:
    survey = {"outcome": "customer_survey", "at": "2026-12-24T01:00:00Z", "rating": 3}
    _deal("tokyo.yaml", "Asia/Tokyo", handoff={"outcomes": [survey]})
    as_of = "2027-01-05T12:00:00+09:00"
    report = run_cli("report", "tokyo.yaml", "--as-of", as_of).stdout.splitlines()
    line = report[report.index("follow-ups owed") + 1]
    assert line.endswith(", since 2026-12-24 10:00+09:00")
    sla = run_cli("sla", "tokyo.yaml", "--as-of", as_of).stdout
    assert "under the target 4.5, since 2026-12-24 10:00+09:00 (tokyo.yaml)" in sla
    doc = json.loads(run_cli("report", "tokyo.yaml", "--as-of", as_of, "--format", "json").stdout)
    assert doc["follow_ups"][0]["at"] == "2026-12-24T10:00:00+09:00"


def test_a_document_names_the_zone_and_its_offset(run_cli: RunCli, deals_repo: Path) -> None:
    _deal("berlin.yaml", "Europe/Berlin")
    ics = run_cli("render", "calendar", "berlin.yaml", "--date", "2026-11-24T10:00").stdout.replace("\n ", "")
    assert "\\nDue Wed 2026-11-25 09:00 CET (UTC+01:00)\\nwithin 24 hours of signature" in ics


def test_history_dates_a_commit_on_the_deals_clock(run_cli: RunCli, deals_repo: Path) -> None:
    _deal("tokyo.yaml", "Asia/Tokyo")
    env = {"GIT_AUTHOR_DATE": "2026-11-24T20:00:00+00:00", "GIT_COMMITTER_DATE": "2026-11-24T20:00:00+00:00",
           "GIT_AUTHOR_NAME": "Ann Lee", "GIT_AUTHOR_EMAIL": "ann@example.com", "GIT_COMMITTER_NAME": "Ann Lee",
           "GIT_COMMITTER_EMAIL": "ann@example.com", "PATH": "/usr/bin:/bin"}  # fmt: skip
    subprocess.run(["git", "add", "tokyo.yaml"], check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "deal"], check=True, env=env)
    doc = json.loads(run_cli("history", "tokyo.yaml", "--format", "json").stdout)
    assert [c["date"] for c in doc["commits"]] == ["2026-11-25T05:00:00+09:00"]
    text = run_cli("history", "tokyo.yaml").stdout.splitlines()
    assert text[1].split()[1] == "2026-11-25"  # the next day in Tokyo
