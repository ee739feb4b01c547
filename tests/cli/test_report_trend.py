"""`handoff report --trend MONTHS`: the portfolio's completeness and on-time rate at each month's end, read from
the dossiers as git's history left them, scored as `report` scores the same files at that moment."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.browser import layout
from tests.builders import dossier_yaml
from tests.conftest import AS_OF, RunCli

SIGNED = "2026-09-01T09:00:00+00:00"
ON_TIME = [{"event": e, "at": at} for e, at in (
    ("internal_meeting", "2026-09-01T15:00:00+00:00"), ("intro_email", "2026-09-01T16:00:00+00:00"),
    ("first_contact", "2026-09-02T09:00:00+00:00"), ("joint_meeting", "2026-09-03T09:00:00+00:00"),
    ("kickoff", "2026-09-04T09:00:00+00:00"), ("qbr_scheduled", "2026-09-04T12:00:00+00:00"),
    ("first_value", "2026-09-20T09:00:00+00:00"))]  # fmt: skip
FIRST = dossier_yaml(None, signed_at=SIGNED)  # nothing logged: every clock runs out
SECOND = dossier_yaml(ON_TIME, signed_at=SIGNED)  # every step logged in time
OTHER = dossier_yaml(ON_TIME, id="D-2", account="Hooli", signed_at=SIGNED)


def _commit(repo: Path, when: str, files: dict[str, str]) -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Rita",
           "GIT_AUTHOR_EMAIL": "rita@example.com", "GIT_COMMITTER_NAME": "Rita",
           "GIT_COMMITTER_EMAIL": "rita@example.com"}  # fmt: skip
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", f"deals as of {when}"], cwd=repo, check=True, env=env)
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True).stdout
    return sha.strip()


@pytest.fixture
def history(deals_repo: Path) -> list[str]:
    """September: one bare dossier; October: the same deal with every step logged; November: a second deal."""
    return [
        _commit(deals_repo, "2026-09-05T10:00:00+00:00", {"deals/initech.yaml": FIRST}),
        _commit(deals_repo, "2026-10-15T10:00:00+00:00", {"deals/initech.yaml": SECOND}),
        _commit(deals_repo, "2026-11-10T10:00:00+00:00", {"deals/hooli.yaml": OTHER}),
    ]


def _now(run_cli: RunCli, as_of: str) -> tuple[float, float]:
    """Completeness and on-time rate of the work tree's dossiers at `as_of`, as the report gives them."""
    overall = json.loads(run_cli("report", "deals", "--as-of", as_of, "--format", "json").stdout)["overall"]
    return overall["completeness"]["mean"], overall["completion"]["rate"]


def test_each_month_is_scored_as_its_last_commit_left_the_dossiers(
    run_cli: RunCli, deals_repo: Path, history: list[str]
) -> None:
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "json", "--trend", "4")
    assert result.exit_code == 0, result.stderr
    trend = json.loads(result.stdout)["trend"]
    assert [(t["month"], t["revision"], t["handoffs"]) for t in trend] == [
        ("2026-08", None, 0), ("2026-09", history[0][:12], 1), ("2026-10", history[1][:12], 1),
        ("2026-11", history[2][:12], 2),
    ]  # fmt: skip
    assert (trend[0]["completeness"], trend[0]["on_time_rate"]) == (None, None)
    assert trend[1]["on_time_rate"] == 0.0 and trend[2]["on_time_rate"] == 100.0
    assert trend[1]["completeness"] == trend[2]["completeness"]  # logging events adds no content
    # the current month ends at --as-of, and is the report of today's files at that moment
    assert (trend[3]["completeness"], trend[3]["on_time_rate"]) == _now(run_cli, AS_OF)
    # a past month is the report of that commit's files at the month's end
    (deals_repo / "deals" / "hooli.yaml").unlink()
    (deals_repo / "deals" / "initech.yaml").write_text(FIRST, encoding="utf-8")
    assert (trend[1]["completeness"], trend[1]["on_time_rate"]) == _now(run_cli, "2026-10-01T00:00:00+00:00")


def test_the_trend_in_text_and_markdown(run_cli: RunCli, deals_repo: Path, history: list[str]) -> None:
    text = run_cli("report", "deals", "--as-of", AS_OF, "--trend", "3").stdout.splitlines()
    start = text.index("trend by month (completeness, on time, handoffs)")
    doc = json.loads(run_cli("report", "deals", "--as-of", AS_OF, "-f", "json", "--trend", "3").stdout)
    c = [f"{t['completeness']:g}%" for t in doc["trend"]]
    assert text[start + 1 : start + 4] == [
        f"  2026-09  {c[0]:>6}      0%    1  at {history[0][:7]}",
        f"  2026-10  {c[1]:>6}    100%    1  at {history[1][:7]}",
        f"  2026-11  {c[2]:>6}    100%    2  at {history[2][:7]}",
    ]
    md = run_cli("report", "deals", "--as-of", AS_OF, "-f", "md", "--trend", "3").stdout.splitlines()
    start = md.index("## Trend by month")
    assert md[start + 2 : start + 5] == [
        "| month | completeness | on time | handoffs | commit |", "|---|---|---|---|---|",
        f"| 2026-09 | {c[0]} | 0% | 1 | at {history[0][:7]} |",
    ]  # fmt: skip


def test_the_trend_charts_lay_out_at_both_widths(run_cli: RunCli, deals_repo: Path, history: list[str],
                                                 tmp_path: Path) -> None:  # fmt: skip
    page = run_cli("report", "deals", "--as-of", AS_OF, "-f", "html", "--trend", "3").stdout
    for width in (1280, 390):
        found = layout(page, tmp_path, width=width)
        assert found["problems"] == []
        assert found["labels"]["trend_on_time"] == ["2026-09", "2026-10", "2026-11"]
        assert found["axes"]["trend_completeness"] == ["0", "100%"]


def test_without_trend_the_report_reads_no_history(run_cli: RunCli, deals_repo: Path, history: list[str]) -> None:
    doc = json.loads(run_cli("report", "deals", "--as-of", AS_OF, "--format", "json").stdout)
    assert "trend" not in doc
    assert "trend by month" not in run_cli("report", "deals", "--as-of", AS_OF).stdout


def test_the_trend_needs_git(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "d.yaml").write_text(SECOND, encoding="utf-8")
    monkeypatch.chdir(outside)
    result = run_cli("report", "d.yaml", "--as-of", AS_OF, "--trend", "2")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "handoff: error: not inside a git repository; --trend reads the dossiers' past from git\n"
    )


def test_a_month_count_out_of_range_is_refused(run_cli: RunCli, deals_repo: Path, history: list[str]) -> None:
    result = run_cli("report", "deals", "--as-of", AS_OF, "--trend", "0")
    assert result.exit_code == 2 and "--trend" in result.stderr and "0" in result.stderr
