"""`handoff render` and `handoff templates`: exit codes, exact stderr lines, files written or left alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from datetime import date
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import CASES, EXAMPLES, GOLDEN, ROOT, RunCli

COMPLETE = CASES / "render" / "complete.yaml"
NO_CHAMPION = CASES / "render" / "no-champion.yaml"
STAMP = "2026-11-10T09:00"


def _override(repo: Path, name: str, text: str) -> Path:
    path = repo / "templates" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _dossier(repo: Path, account: str) -> Path:
    text = COMPLETE.read_text(encoding="utf-8").replace("account: Zoë's Bikes", f"account: {account!r}")
    path = repo / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_champion_names_the_field_and_writes_nothing(run_cli: RunCli, deals_repo: Path) -> None:
    out = deals_repo / "intro.txt"
    result = run_cli("render", "intro", str(NO_CHAMPION), "--out", str(out))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"{NO_CHAMPION}: stakeholders[role=champion].name is required by intro_email.txt.j2\n"
    assert not out.exists()


def test_eml_lists_every_missing_field_once(run_cli: RunCli, deals_repo: Path) -> None:
    result = run_cli("render", "intro", str(NO_CHAMPION), "--format", "eml", "--from", "csm")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"{NO_CHAMPION}: stakeholders[role=champion].name is required by intro_email_csm.txt.j2",
        f"{NO_CHAMPION}: stakeholders[role=champion].email is required by intro_email_csm.txt.j2",
    ]


def test_calendar_needs_the_signature(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "unsigned.yaml"
    path.write_text(COMPLETE.read_text(encoding="utf-8").replace("  signed_at:", "  # signed_at:"), encoding="utf-8")
    result = run_cli("render", "calendar", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"{path}: deal.signed_at is required by the calendar\n")


def test_invalid_dossier_prints_its_findings(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "bad.yaml"
    path.write_text("schema: 1\ndeal:\n  id: X\n  account: Y\n  segment: huge\n", encoding="utf-8")
    result = run_cli("render", "plan", str(path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"{path}:5:12: error: HV003 invalid-choice: deal.segment: 'huge' is not one of")


def test_repo_template_overrides_the_packaged_one(run_cli: RunCli, deals_repo: Path) -> None:
    _override(deals_repo, "intro_email.txt.j2",
              "Subject: {% block subject %}Hello{% endblock %}\n{% block body %}Hi {{ intro.champion.name }}!\n"
              "{% endblock %}")
    result = run_cli("render", "intro", str(COMPLETE))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Subject: HelloHi Chloé Champion!\n", "")
    listing = run_cli("templates", "list").stdout.splitlines()
    assert "intro_email.txt.j2         en     repo     templates/intro_email.txt.j2" in listing
    assert any(line.startswith("intro_email_csm.txt.j2     en     packaged /") for line in listing)


def test_eml_parses_back_with_the_right_headers(run_cli: RunCli, deals_repo: Path) -> None:
    out = deals_repo / "intro.eml"
    assert run_cli("render", "intro", str(COMPLETE), "-f", "eml", "--date", STAMP, "--out", str(out)).exit_code == 0
    message = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert str(message["From"]) == "Rita Rep <rita@vendor.example>"
    assert str(message["To"]) == "Chloé Champion <chloe@zoes.example>"
    assert str(message["Cc"]) == "Carl Csm <carl@vendor.example>"
    assert str(message["Subject"]) == "Welcome aboard, Zoë's Bikes! Meet your success team"
    assert str(message["Date"]) == "Tue, 10 Nov 2026 09:00:00 +0000"
    assert message["X-Unsent"] == "1"
    assert message.get_content_charset() == "utf-8"
    lines = message.get_content().splitlines()  # the file has CRLF line ends, as RFC 5322 wants
    assert lines[:2] == ["Dear Chloé Champion,", ""]
    assert lines[2].startswith("Congratulations on finalising our agreement!")
    assert lines[-2:] == ["Rita Rep", "Account Executive"]


def test_ics_parses_back_with_the_deadlines(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('timezone = "America/New_York"\ncountry = "US"\n', encoding="utf-8")
    out = deals_repo / "deal.ics"
    assert run_cli("render", "calendar", str(COMPLETE), "--date", STAMP, "--out", str(out)).exit_code == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Internal knowledge transfer (sales -> CS): Zoë's Bikes", date(2026, 11, 7)),
        ("Intro email to the champion: Zoë's Bikes", date(2026, 11, 8)),
        ("First CS contact: Zoë's Bikes", date(2026, 11, 8)),
        # 5 business days after Friday 6 November skip the weekends and Veterans Day (11 November)
        ("Joint transition meeting: Zoë's Bikes", date(2026, 11, 16)),
        ("Implementation kickoff: Zoë's Bikes", date(2026, 11, 13)),
        # 30 calendar days, as `handoff sla` counts them; the milestone planned inside the window names it
        ("First value milestone: Help centre live: Zoë's Bikes", date(2026, 12, 6)),
        ("First quarterly business review (QBR): Zoë's Bikes", date(2027, 2, 4)),
        # then each commitment, milestone and checklist item on its due date
        ("Due: Help centre live: Zoë's Bikes", date(2026, 11, 27)),
    ]
    assert {str(e["UID"]) for e in events} >= {"T-1-kickoff@handoff", "T-1-qbr@handoff"}


@pytest.mark.parametrize(("text", "line", "message"), [
    ("Subject: {% block subject %}x{% endblock %}\n\n{% if %}\n", 3,
     "template syntax error: Expected an expression, got 'end of statement block'"),
    ("Subject: {% block subject %}x{% endblock %}\n{{ intro.nope }}\n", 2,
     "undefined value: 'dict object' has no attribute 'nope'"),
    ("Hi\n{{ ''.__class__.__mro__ }}\n", 2,
     "refused by the sandbox: access to attribute '__class__' of 'str' object is unsafe."),
])
def test_broken_or_hostile_template_is_one_line_with_file_and_line(
    text: str, line: int, message: str, run_cli: RunCli, deals_repo: Path
) -> None:
    _override(deals_repo, "intro_email.txt.j2", text)
    out = deals_repo / "intro.txt"
    result = run_cli("render", "intro", str(COMPLETE), "--out", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"handoff: error: templates/intro_email.txt.j2:{line}: {message}\n")
    assert not out.exists()


def test_html_escapes_dossier_values_and_never_evaluates_them(run_cli: RunCli, deals_repo: Path) -> None:
    deal = _dossier(deals_repo, "<script>alert(1)</script> {{ 7 * 7 }}")
    for args in (["plan"], ["agenda", "--meeting", "joint"]):
        result = run_cli("render", *args, str(deal), "--format", "html")
        assert result.exit_code == 0
        assert "<h1>" in result.stdout and "<script>" not in result.stdout
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7 * 7 }}" in result.stdout
    markdown = run_cli("render", "plan", str(deal)).stdout
    assert markdown.startswith(
        "Internal — do not forward\n\n# 30-60-90 day plan: <script>alert(1)</script> {{ 7 * 7 }}\n")


def test_out_refuses_to_overwrite_without_force(run_cli: RunCli, deals_repo: Path) -> None:
    out = deals_repo / "plan.md"
    out.write_text("keep me\n", encoding="utf-8")
    result = run_cli("render", "plan", str(COMPLETE), "--out", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"handoff: error: {out}: already exists; pass --force to overwrite it\n")
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert run_cli("render", "plan", str(COMPLETE), "--out", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("Internal — do not forward\n\n# 30-60-90 day plan: Zoë's Bikes\n")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_permissions_the_umask_gives(
    umask: int, mode: int, run_cli: RunCli, deals_repo: Path
) -> None:
    previous = os.umask(umask)
    try:
        assert run_cli("render", "plan", str(COMPLETE), "--out", "plan.md").exit_code == 0
    finally:
        os.umask(previous)
    assert (deals_repo / "plan.md").stat().st_mode & 0o7777 == mode


def test_force_keeps_the_permissions_of_the_file_it_replaces(run_cli: RunCli, deals_repo: Path) -> None:
    out = deals_repo / "plan.md"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run_cli("render", "plan", str(COMPLETE), "--out", str(out), "--force").exit_code == 0
    assert out.stat().st_mode & 0o7777 == 0o640




def test_help_shows_examples(run_cli: RunCli) -> None:
    for command in ("intro", "plan", "agenda", "calendar"):
        assert "Examples:" in run_cli("render", command, "--help").stdout


def test_installed_wheel_carries_and_renders_the_templates(tmp_path: Path) -> None:
    """The README says `pip install .`: the templates must travel inside the wheel, not beside the source."""
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(ROOT)], check=True)
    (wheel,) = wheels.glob("handoff_dossier-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("intro_email.txt.j2", "plan_30_60_90.html.j2", "agenda_joint.md.j2", "layout.html.j2"):
        assert f"handoff_cli/templates/{template}" in names
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # -S: no .pth files, so the editable install of this checkout cannot shadow the installed copy;
    # the dependencies still come from this environment's site-packages
    env = {"PYTHONPATH": os.pathsep.join([str(site), sysconfig.get_paths()["purelib"]])}
    where = subprocess.run([sys.executable, "-S", "-c", "import handoff_cli; print(handoff_cli.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(site))
    result = subprocess.run([sys.executable, "-S", "-m", "handoff_cli", "render", "intro", str(COMPLETE)],
                            cwd=elsewhere, env=env, capture_output=True, check=False)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == (GOLDEN / "render" / "complete" / "intro.txt").read_bytes()


def test_calendar_carries_item_due_dates_done_noted_dropped_left_out(run_cli: RunCli, deals_repo: Path) -> None:
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deals_repo / "acme.yaml")
    assert run_cli("mark", "acme.yaml", "commitments", "Shopify", "done", "--at", "2026-11-20T10:00Z").exit_code == 0
    assert run_cli("mark", "acme.yaml", "milestones", "Gorgias", "dropped", "--at", "2026-11-20T10:00Z").exit_code == 0
    out = deals_repo / "acme.ics"
    assert run_cli("render", "calendar", "acme.yaml", "--date", STAMP, "--out", str(out)).exit_code == 0
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    done = events["Due: Shopify Plus and Loop Returns integrations: Acme Outdoor Supply"]
    assert done.decoded("DTSTART") == date(2027, 1, 15)
    assert str(done["DESCRIPTION"]).splitlines()[:4] == [
        "Internal — do not forward", "Due 2027-01-15", "commitment done, owner: Kofi Mensah",
        "Logged as done Fri 2026-11-20 10:00 UTC",
    ]  # fmt: skip
    assert "Due: Shopify and Loop connected: Acme Outdoor Supply" in events
    assert not [s for s in events if "Gorgias" in s]
