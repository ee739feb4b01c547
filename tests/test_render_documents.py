"""View models and dates behind the rendered documents: time boxes, cadence, business days, required fields."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from handoff_cli.clocks.businessdays import BusinessCalendar
from handoff_cli.model import Dossier
from handoff_cli.model.common import Segment
from handoff_cli.render import needs
from handoff_cli.render.agendas import MEETINGS, agenda
from handoff_cli.render.cadence import CADENCE
from handoff_cli.render.plan import plan
from handoff_cli.render.timeline import first_value, next_business_day

NEW_YORK = ZoneInfo("America/New_York")
US = BusinessCalendar(NEW_YORK, weekend=frozenset({5, 6}), country="US")


def _dossier(**deal: object) -> Dossier:
    data = {
        "schema": "1",
        "deal": {"id": "D-1", "account": "Acme", "segment": "mid-market", "signed_at": "2026-11-06T16:00:00",
                 "csm": {"name": "Carl Csm"}, **deal},
        "goals": {"outcomes": ["Faster replies"], "success_criteria": [{"metric": "First reply"}]},
    }
    return Dossier.model_validate(data)


def test_meeting_time_boxes_add_up() -> None:
    totals = {name: sum(minutes for _, _, minutes, _ in spec[4]) for name, spec in MEETINGS.items()}
    # internal 30-45 and kickoff 60 (the method); the joint call's boxes add up to 35
    assert totals == {"internal": 45, "joint": 35, "kickoff": 60}


def test_every_segment_has_a_cadence() -> None:
    assert set(CADENCE) == set(Segment)


def test_dates_move_past_weekends_and_holidays() -> None:
    assert next_business_day(US, date(2026, 11, 26)) == date(2026, 11, 27)  # Thanksgiving
    assert next_business_day(US, date(2027, 2, 14)) == date(2027, 2, 16)  # Sunday, then Presidents' Day
    assert next_business_day(US, date(2026, 11, 24)) == date(2026, 11, 24)


def test_first_value_stays_inside_days_15_to_30() -> None:
    # signature Sat 2026-11-07: day 30 is Mon 7 December, a business day
    assert first_value(_dossier(signed_at="2026-11-07T10:00:00"), US) == (date(2026, 12, 7), None)
    # signature Fri 2026-11-06: day 30 is Sunday 6 December, so the target is Friday 4 December, not after day 30
    assert first_value(_dossier(), US) == (date(2026, 12, 4), None)


def test_mid_market_checks_in_every_two_weeks_for_60_days() -> None:
    items = [i for p in plan(_dossier(), US).phases for w in p.weeks for i in w.items if "check-in" in i]
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
    built = plan(dossier, US)
    assert (built.starts_from, built.starts) == ("kickoff", "Thu 2026-11-12")


def test_agenda_deadline_uses_business_days_in_the_configured_zone() -> None:
    joint = agenda(_dossier(), "joint", US)
    # Friday 16:00 + 5 business days, skipping Veterans Day (Wednesday 11 November)
    assert joint.when == "Mon 2026-11-16 16:00 EST"
    assert agenda(_dossier(signed_at=None), "joint", US).when is None


def test_missing_fields_are_listed_in_the_documents_order() -> None:
    dossier = _dossier(csm=None)
    assert needs.missing(dossier, needs.INTRO) == [
        "stakeholders[role=champion].name", "deal.csm.name", "deal.sales_rep.name"]
    assert needs.missing(_dossier(), needs.PLAN) == []
