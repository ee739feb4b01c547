"""One clock engine: the calendar and the plan show, for every example and every clock, the date `handoff sla`
reports; a clock the segment's playbook switches off appears nowhere; the CSM's welcome email is first contact."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from handoff_cli.clocks.clocks import NAMES
from handoff_cli.render.documents import day, moment
from tests.builders import dossier_yaml
from tests.conftest import EXAMPLES, RunCli

EXAMPLE_DEALS = sorted(EXAMPLES.glob("*.yaml"))
# a US zone and holidays, so business days and zones are in play; one repo setting for every command
CONFIG = 'timezone = "America/New_York"\ncountry = "US"\n'
NEW_YORK = ZoneInfo("America/New_York")
# the plan's wording of each customer-facing clock (internal meeting and intro email are the rep's: calendar only)
IN_PLAN = {
    "first_contact": "First CS contact",
    "joint_meeting": "Joint transition meeting",
    "kickoff": "Implementation kickoff",
    "first_value": "First value milestone due",
    "qbr_scheduled": "First QBR scheduled",
}


def _sla(run_cli: RunCli, deal: Path) -> dict[str, dict[str, str | None]]:
    result = run_cli("sla", str(deal), "--format", "json", "--as-of", "2027-06-01T00:00:00+00:00")
    return {row["clock"]: row for row in json.loads(result.stdout)["clocks"]}


def _calendar(run_cli: RunCli, deal: Path, out: Path) -> dict[str, tuple[object, str]]:
    assert run_cli("render", "calendar", str(deal), "--date", "2026-11-10T09:00", "--out", str(out)).exit_code == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    return {str(e["UID"]): (e.decoded("DTSTART"), str(e["DESCRIPTION"])) for e in events}


@pytest.mark.parametrize("deal", EXAMPLE_DEALS, ids=lambda p: p.stem)
def test_calendar_and_plan_show_the_dates_sla_reports(deal: Path, run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text(CONFIG, encoding="utf-8")
    rows = _sla(run_cli, deal)
    deal_id = next(iter(rows.values()))["deal_id"]
    events = _calendar(run_cli, deal, deals_repo / "deal.ics")
    planned = run_cli("render", "plan", str(deal))
    plan = planned.stdout.splitlines()
    # the plan puts a kickoff the joint meeting would follow on the day after it, and says which day
    moved = re.search(r"this document puts it on (\w{3} [\d-]+)$", planned.stderr)
    for name in NAMES:
        uid = f"{deal_id}-{name.replace('_', '-')}@handoff"
        row = rows.get(name)
        if row is None or row["due"] is None:
            # switched off by the playbook, or waiting for its start: no date anywhere
            assert uid not in events
            assert not [line for line in plan if name in IN_PLAN and f": {IN_PLAN[name]}" in line]
            continue
        due = datetime.fromisoformat(str(row["due"])).astimezone(NEW_YORK)  # JSON carries the offset, not the name
        start, description = events[uid]
        assert (start, description.splitlines()[:2]) == (
            due.date(), ["Internal — do not forward", f"Due {moment(due)}"])
        if name in IN_PLAN:
            done = datetime.fromisoformat(str(row["done"])) if row["done"] else None
            shown = f"- {day(done.date())}: {IN_PLAN[name]}" if done else f"- {day(due.date())}: {IN_PLAN[name]}"
            if name == "kickoff" and moved and not done:
                shown = f"- {moved[1]}: {IN_PLAN[name]}"
            assert [line for line in plan if line.startswith(shown)] != [], (name, shown)


def test_smb_calendar_has_only_the_clocks_of_its_playbook(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text(CONFIG, encoding="utf-8")
    events = _calendar(run_cli, EXAMPLES / "smb-brightleaf.yaml", deals_repo / "smb.ics")
    items = [e for e in events if e.startswith(("SUB-20931-commitments-", "SUB-20931-milestones-"))]
    assert len(items) == 2  # the two commitments' due dates; the rest are the playbook's clocks and the QBR
    assert sorted(set(events) - set(items)) == [f"SUB-20931-{key}@handoff" for key in
                                                ("first-contact", "first-value", "intro-email", "kickoff", "qbr")]
    # the welcome goes out within 30 minutes of payment, as `handoff sla` says, not within 48 h
    assert events["SUB-20931-intro-email@handoff"][1].splitlines()[1:3] == [
        "Due Thu 2026-11-12 05:50 EST (UTC-05:00)",
        "within 30 minutes of signature: the customer hears from CS while the deal is fresh",
    ]


@pytest.mark.parametrize("meeting", ["internal", "joint"])
def test_an_agenda_for_a_meeting_the_playbook_drops_is_refused(
    meeting: str, run_cli: RunCli, deals_repo: Path
) -> None:
    deal = EXAMPLES / "smb-brightleaf.yaml"
    out = deals_repo / "agenda.md"
    result = run_cli("render", "agenda", str(deal), "--meeting", meeting, "--out", str(out))
    clock = f"{meeting}_meeting"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        f"handoff: error: {deal}: the smb playbook has no {clock.replace('_', ' ')} ({clock} is off in [sla] "
        "for smb); nothing to put on an agenda\n"))
    assert not out.exists()


def test_kickoff_agenda_follows_sla_settings(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text(
        CONFIG + '[sla.clocks.kickoff]\nwithin = "3 business days"\n', encoding="utf-8")
    result = run_cli("render", "agenda", str(EXAMPLES / "enterprise-northwind.yaml"), "--meeting", "kickoff")
    # signed Mon 2026-11-09 16:30 EST; Wednesday 11 November is Veterans Day
    assert result.stdout.splitlines()[2] == (
        "60 minutes · within 3 business days of signature: by Fri 2026-11-13 16:30 EST (UTC-05:00)")
    sla = _sla(run_cli, EXAMPLES / "enterprise-northwind.yaml")
    assert sla["kickoff"]["due"] == "2026-11-13T16:30:00-05:00"


SIGNED = "2026-11-02T10:00:00+00:00"  # a Monday
CLEAN_EVENTS = {
    # every clock stopped well inside its window
    "enterprise": ("internal_meeting +2", "intro_email +3", "first_contact +5", "joint_meeting +26",
                   "kickoff +74", "qbr_scheduled +75", "first_value +480"),
    "strategic": ("internal_meeting +2", "intro_email +3", "first_contact +5", "joint_meeting +26",
                  "kickoff +74", "qbr_scheduled +75", "first_value +480"),
    "mid-market": ("internal_meeting +2", "intro_email +3", "joint_meeting +26", "kickoff +74",
                   "qbr_scheduled +75", "first_value +480"),
    # SMB: no meetings; the welcome email (the CSM's intro) is the first CS contact
    "smb": ("intro_email +0.25", "kickoff +74", "first_value +480"),
}


def _deal(segment: str, events: tuple[str, ...], *, intro_by: str | None = None) -> str:
    """`events` as "name +hours after signature"; the intro email sent by `intro_by` when given."""

    def event(written: str) -> dict[str, str]:
        name, hours = written.split()
        at = (datetime.fromisoformat(SIGNED) + timedelta(hours=float(hours))).isoformat()
        return {"event": name, "at": at, **({"by": intro_by} if intro_by and name == "intro_email" else {})}

    return dossier_yaml([event(e) for e in events], id=f"C-{segment}", account=f"Clean {segment}", segment=segment,
                        signed_at=SIGNED, csm={"name": "Cleo Csm"})


@pytest.mark.parametrize("segment", CLEAN_EVENTS)
def test_a_clean_on_time_deal_breaches_nothing(segment: str, run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(_deal(segment, CLEAN_EVENTS[segment]), encoding="utf-8")
    result = run_cli("sla", "deal.yaml", "--as-of", "2026-12-31T12:00:00+00:00")
    assert (result.exit_code, result.stderr) == (0, "")
    count = 4 if segment == "smb" else 7  # SMB runs no internal, joint or QBR-scheduling clock
    assert result.stdout.splitlines()[-1] == (
        f"{count} clocks on 1 deal: 0 breached, 0 at risk, 0 open, 0 waiting, 0 met late, {count} met")


def test_the_reps_intro_is_not_first_contact_but_the_csms_is(run_cli: RunCli, deals_repo: Path) -> None:
    events = ("internal_meeting +2", "intro_email +3")
    (deals_repo / "rep.yaml").write_text(_deal("mid-market", events, intro_by="Rita Rep"), encoding="utf-8")
    (deals_repo / "csm.yaml").write_text(_deal("mid-market", events, intro_by="Cleo Csm"), encoding="utf-8")
    rows = json.loads(run_cli("sla", "rep.yaml", "csm.yaml", "--as-of", "2026-11-10T12:00:00+00:00",
                              "--format", "json").stdout)["clocks"]
    contact = {r["path"]: (r["status"], r["done"]) for r in rows if r["clock"] == "first_contact"}
    assert contact == {"rep.yaml": ("breached", None), "csm.yaml": ("met", "2026-11-02T13:00:00+00:00")}
