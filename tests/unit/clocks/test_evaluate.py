"""SLA clocks: statuses, urgency order, owners, per-segment targets, and the [sla] settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from handoff_cli.clocks.businessdays import calendar_for
from handoff_cli.clocks.clocks import DEFAULTS, clocks_for
from handoff_cli.clocks.evaluate import ClockStatus, Status, evaluate
from handoff_cli.core.errors import ConfigError
from handoff_cli.core.sla_settings import ClockSetting, ClockTable, Owner, SlaSettings, Unit
from handoff_cli.model import Dossier
from handoff_cli.model.common import Segment
from handoff_cli.settings import Settings, discover
from tests.builders import dossier


def run(d: Dossier, as_of: str, settings: Settings | None = None) -> dict[str, ClockStatus]:
    settings = settings or Settings()
    clocks = clocks_for(d.deal.segment, settings.sla)
    rows = evaluate(
        d, clocks, as_of=datetime.fromisoformat(as_of), cal=calendar_for(settings), at_risk=settings.sla.at_risk,
        path="d.yaml",
    )
    return {r.clock.name: r for r in rows}


def test_defaults_follow_the_domain_clocks() -> None:
    targets = {c.name: (c.target, c.start, c.owner.value) for c in DEFAULTS}
    assert targets == {
        "internal_meeting": ("24 hours", None, "rep"),
        "intro_email": ("48 hours", None, "rep"),
        "first_contact": ("48 hours", None, "csm"),
        "joint_meeting": ("5 business days", None, "rep"),
        "kickoff": ("7 days", None, "csm"),
        "first_value": ("30 days", None, "csm"),
        "qbr_scheduled": ("1 business day", "kickoff", "csm"),
    }


def test_every_status() -> None:
    d = dossier(
        [
            {"event": "internal_meeting", "at": "2026-11-09T15:00:00+00:00"},  # 6 h after: met
            {"event": "intro_email", "at": "2026-11-11T12:00:00+00:00"},  # 51 h after: 3 h late
            {"event": "kickoff", "at": "2026-11-10T10:00:00+00:00"},  # stops first_contact too
        ]
    )
    rows = run(d, "2026-11-15T12:00:00+00:00")
    assert rows["internal_meeting"].status is Status.MET
    assert (rows["intro_email"].status, rows["intro_email"].delta) == (Status.MET_LATE, timedelta(hours=3))
    assert rows["first_contact"].status is Status.MET
    assert rows["first_contact"].done == datetime(2026, 11, 10, 10, tzinfo=UTC)
    # 5 business days from Monday 09:00 is the next Monday 09:00: 21 h of a 7-day window is under 25 %
    assert (rows["joint_meeting"].status, rows["joint_meeting"].delta) == (Status.AT_RISK, timedelta(hours=21))
    assert rows["kickoff"].status is Status.MET
    assert rows["first_value"].status is Status.OPEN
    assert rows["first_value"].due == datetime(2026, 12, 9, 9, tzinfo=UTC)
    # scheduled at kickoff: due one business day after it, and it is now past that
    assert (rows["qbr_scheduled"].status, rows["qbr_scheduled"].delta) == (Status.BREACHED, timedelta(days=4, hours=2))


def test_at_risk_when_less_than_the_share_is_left() -> None:
    d = dossier([])
    # internal meeting: 24 h window, 25 % = 6 h; at 17:59 after 09:00 there are 15 h 1 m left -> open
    assert run(d, "2026-11-09T17:59:00+00:00")["internal_meeting"].status is Status.OPEN
    rows = run(d, "2026-11-10T03:30:00+00:00")
    assert (rows["internal_meeting"].status, rows["internal_meeting"].delta) == (Status.AT_RISK, timedelta(hours=5.5))
    lenient = Settings(sla=SlaSettings(at_risk=0.9))
    assert run(d, "2026-11-09T12:00:00+00:00", lenient)["internal_meeting"].status is Status.AT_RISK


def test_breached_by_how_much_and_owner() -> None:
    rows = run(dossier([]), "2026-11-12T09:30:00+00:00")
    first_contact = rows["first_contact"]
    assert (first_contact.status, first_contact.delta) == (Status.BREACHED, timedelta(days=1, minutes=30))
    assert (first_contact.owner, first_contact.owner_name) == (Owner.CSM, "Carl CSM")
    assert (rows["intro_email"].owner, rows["intro_email"].owner_name) == (Owner.REP, "Rita Rep")
    assert rows["qbr_scheduled"].status is Status.WAITING


def test_urgency_order() -> None:
    rows = sorted(run(dossier([]), "2026-11-12T09:30:00+00:00").values(), key=ClockStatus.sort_key)
    assert [(r.status.value, r.clock.name) for r in rows] == [
        ("breached", "internal_meeting"),
        ("breached", "intro_email"),
        ("breached", "first_contact"),
        ("open", "joint_meeting"),
        ("open", "kickoff"),
        ("open", "first_value"),
        ("waiting", "qbr_scheduled"),
    ]


def test_naive_times_are_read_in_the_configured_timezone() -> None:
    d = dossier([{"event": "internal_meeting", "at": "2026-11-10T09:30:00"}], signed_at="2026-11-09T09:00:00")
    rows = run(d, "2026-11-12T00:00:00+00:00", Settings(timezone="America/New_York"))
    # both naive, both in New York: 24 h 30 m apart
    assert rows["internal_meeting"].delta == timedelta(minutes=30)
    assert rows["internal_meeting"].due == datetime.fromisoformat("2026-11-10T09:00:00-05:00")


def test_unsigned_and_pre_close_deals_have_no_running_clocks() -> None:
    assert run(dossier(signed_at=None), "2026-11-12T00:00:00+00:00") == {}
    assert run(dossier(stage="pre-close"), "2026-11-12T00:00:00+00:00") == {}


def test_precedence_defaults_global_playbook_segment() -> None:
    sla = SlaSettings(
        clocks=ClockTable(kickoff=ClockSetting(within="5 business days"), intro_email=ClockSetting(owner=Owner.CSM)),
        segments={Segment.ENTERPRISE: ClockTable(kickoff=ClockSetting(within="10 days"))},
    )
    by_name = {c.name: c for c in clocks_for(Segment.MID_MARKET, sla)}
    assert (by_name["kickoff"].amount, by_name["kickoff"].unit) == (5, Unit.BUSINESS_DAYS)
    assert (by_name["intro_email"].target, by_name["intro_email"].owner) == ("48 hours", Owner.CSM)
    enterprise = {c.name: c for c in clocks_for(Segment.ENTERPRISE, sla)}
    assert enterprise["kickoff"].target == "10 days"
    # the built-in SMB playbook: automated welcome within 30 minutes, no meetings, no QBR
    smb = {c.name: c for c in clocks_for(Segment.SMB, SlaSettings())}
    assert sorted(smb) == ["first_contact", "first_value", "intro_email", "kickoff"]
    assert (smb["intro_email"].target, smb["intro_email"].owner) == ("30 minutes", Owner.CSM)
    # ...which a repo can switch back on for its own SMB playbook
    back_on = SlaSettings(segments={Segment.SMB: ClockTable(joint_meeting=ClockSetting(within="3 business days"))})
    assert {c.name: c.target for c in clocks_for(Segment.SMB, back_on)}["joint_meeting"] == "3 business days"


def config(tmp_path: Path, text: str) -> Settings:
    (tmp_path / "handoff.toml").write_text(text, encoding="utf-8")
    return discover(tmp_path).settings


def test_sla_settings_from_toml(tmp_path: Path) -> None:
    settings = config(
        tmp_path,
        '[sla]\nat_risk = 0.5\n[sla.clocks]\nintro_email = {within = "0.5 hours", owner = "csm"}\n'
        '[sla.segments.enterprise]\nkickoff = {within = "5 business days"}\nqbr_scheduled = {within = "off"}\n',
    )
    assert settings.sla.at_risk == 0.5
    enterprise = {c.name: c.target for c in clocks_for(Segment.ENTERPRISE, settings.sla)}
    assert enterprise["intro_email"] == "0.5 hours"
    assert enterprise["kickoff"] == "5 business days"
    assert "qbr_scheduled" not in enterprise


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[sla.clocks.kickoff]\nwithin = "7 dayz"\n',
            "handoff.toml:2:1: setting 'sla.clocks.kickoff.within': '7 dayz' is not a duration; "
            "write e.g. '48 hours', '7 days', '5 business days' or 'off'",
        ),
        (
            '[sla.clocks.kickoff]\nwithin = "1.5 days"\n',
            "handoff.toml:2:1: setting 'sla.clocks.kickoff.within': '1.5 days' is not a duration; "
            "write e.g. '48 hours', '7 days', '5 business days' or 'off'",
        ),
        (
            '[sla.clocks]\nkickof = {within = "7 days"}\n',
            "handoff.toml:2:1: unknown setting 'sla.clocks.kickof'; did you mean 'kickoff'?",
        ),
        (
            "[sla]\nat_risk = 1.5\n",
            "handoff.toml:2:1: setting 'sla.at_risk': 1.5 is out of range; write a number over 0 and under 1",
        ),
        (
            '[sla.clocks]\nkickoff = {owner = "cs"}\n',
            # inline tables: tomllib keeps no positions, and the key is not at the start of a line
            "handoff.toml: setting 'sla.clocks.kickoff.owner': Input should be 'rep' or 'csm'",
        ),
    ],
)
def test_sla_settings_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        config(tmp_path, text)
    assert str(caught.value) == f"{tmp_path / 'handoff.toml'}{message.removeprefix('handoff.toml')}"


def test_events_after_as_of_have_not_happened_yet() -> None:
    d = dossier([{"event": "internal_meeting", "at": "2026-11-09T15:00:00+00:00"}])
    assert run(d, "2026-11-09T14:00:00+00:00")["internal_meeting"].status is Status.OPEN
    assert run(d, "2026-11-09T16:00:00+00:00")["internal_meeting"].status is Status.MET
