"""View models and dates behind the rendered documents: time boxes, cadence, business days, required fields."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from handoff_cli.clocks.businessdays import BusinessCalendar, calendar_for
from handoff_cli.clocks.clocks import clocks_for
from handoff_cli.clocks.table import deal_schedule
from handoff_cli.model import Dossier
from handoff_cli.model.common import Segment
from handoff_cli.render import needs
from handoff_cli.render.agendas import MEETINGS, agenda
from handoff_cli.render.cadence import CADENCE
from handoff_cli.render.plan import plan
from handoff_cli.render.timeline import Schedule, first_value, next_business_day
from handoff_cli.settings import Project, Settings
from tests.builders import dossier

NEW_YORK = ZoneInfo("America/New_York")
US = BusinessCalendar(NEW_YORK, weekend=frozenset({5, 6}), country="US")
US_REPO = Project(Settings(timezone="America/New_York", country="US"), Path("."))


def _schedule(dossier: Dossier, project: Project = US_REPO) -> Schedule:
    """The deal's dates as the render commands get them: from the clock engine behind `handoff sla`."""
    running = clocks_for(dossier.deal.segment, project.settings.sla)
    return Schedule(calendar_for(project.settings, dossier.deal), running, tuple(deal_schedule(dossier, project)))


def _dossier(**deal: object) -> Dossier:
    goals = {"goals": {"outcomes": ["Faster replies"], "success_criteria": [{"metric": "First reply"}]}}
    return dossier(sections=goals, **{"account": "Acme", "signed_at": "2026-11-06T16:00:00", "sales_rep": None,
                                      "csm": {"name": "Carl Csm"}, **deal})


def test_meeting_time_boxes_add_up() -> None:
    totals = {name: sum(minutes for _, _, minutes, _ in spec[3]) for name, spec in MEETINGS.items()}
    # internal 30-45 and kickoff 60 (the method); the joint call's boxes add up to 35
    assert totals == {"internal": 45, "joint": 35, "kickoff": 60}


def test_every_segment_has_a_cadence() -> None:
    assert set(CADENCE) == set(Segment)


def test_dates_move_past_weekends_and_holidays() -> None:
    assert next_business_day(US, date(2026, 11, 26)) == date(2026, 11, 27)  # Thanksgiving
    assert next_business_day(US, date(2027, 2, 14)) == date(2027, 2, 16)  # Sunday, then Presidents' Day
    assert next_business_day(US, date(2026, 11, 24)) == date(2026, 11, 24)


def _with_milestones(*milestones: tuple[str, str]) -> Dossier:
    data = _dossier().model_dump(mode="json", by_alias=True, exclude_none=True)
    data["implementation"] = {"milestones": [{"name": name, "due": due} for name, due in milestones]}
    return Dossier.model_validate(data)


def test_first_value_is_the_clock_deadline_unless_a_milestone_is_planned_inside_the_window() -> None:
    # signature Fri 2026-11-06 16:00: the 30-day clock runs out Sunday 6 December, as `handoff sla` says
    assert first_value(_dossier(), _schedule(_dossier())) == (date(2026, 12, 6), None)
    planned = _with_milestones(("Too late", "2026-12-10"), ("Help centre live", "2026-11-27"))
    assert first_value(planned, _schedule(planned)) == (date(2026, 11, 27), "Help centre live")
    late = _with_milestones(("Too late", "2026-12-10"))
    assert first_value(late, _schedule(late)) == (date(2026, 12, 6), None)


def test_mid_market_checks_in_every_two_weeks_for_60_days() -> None:
    built = plan(_dossier(), _schedule(_dossier()))
    items = [str(i) for p in built.phases for w in p.weeks for i in w.items if i.kind == "check-in"]
    assert items == [
        "Fri 2026-11-20: Bi-weekly check-in",
        "Fri 2026-12-04: Bi-weekly check-in",
        "Fri 2026-12-18: Bi-weekly check-in",
        "Mon 2027-01-04: Bi-weekly check-in",  # day 56 is New Year's Day
    ]


def test_plan_counts_from_the_logged_kickoff() -> None:
    dossier = _dossier().model_copy(update={"handoff": Dossier.model_validate({
        "schema": "1", "deal": {"id": "x", "account": "x", "segment": "smb"},
        "handoff": {"events": [{"event": "kickoff", "at": "2026-11-12T09:00:00-05:00"}]},
    }).handoff})
    built = plan(dossier, _schedule(dossier))
    assert (built.starts_from, built.starts) == ("kickoff", "Thu 2026-11-12")


def test_agenda_deadline_uses_business_days_in_the_configured_zone() -> None:
    joint = agenda(_dossier(), "joint", _schedule(_dossier()))
    # Friday 16:00 + 5 business days, skipping Veterans Day (Wednesday 11 November)
    assert (joint.when, joint.rule) == ("Mon 2026-11-16 16:00 EST (UTC-05:00)", "within 5 business days of signature")
    unsigned = _dossier(signed_at=None)
    assert agenda(unsigned, "joint", _schedule(unsigned)).when is None


def test_missing_fields_are_listed_in_the_documents_order() -> None:
    dossier = _dossier(csm=None)
    assert needs.missing(dossier, needs.INTRO) == [
        "stakeholders[role=champion].name", "deal.csm.name", "deal.sales_rep.name"]
    assert needs.missing(_dossier(), needs.PLAN) == []
