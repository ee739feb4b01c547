"""`handoff log`'s event: its name checked with a hint, a one-time event refused twice, the entry's keys."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handoff_cli.core.errors import InputError
from handoff_cli.edit.eventlog import check_event, entry, event_name
from handoff_cli.model.progress import EventName
from tests.builders import dossier

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
LOGGED = [
    {"event": "kickoff", "at": "2026-11-12T10:00:00+00:00"},
    {"event": "check_in", "at": "2026-11-13T10:00:00+00:00"},
]


def test_a_known_name_is_its_event() -> None:
    assert event_name("kickoff", display="d.yaml") is EventName.KICKOFF


def test_a_mistyped_name_gets_the_close_one() -> None:
    with pytest.raises(InputError) as raised:
        event_name("kickof", display="d.yaml")
    assert str(raised.value) == "d.yaml: unknown event 'kickof'; did you mean 'kickoff'?"


def test_one_person_s_check_in_is_never_offered_for_the_other_s() -> None:
    with pytest.raises(InputError) as csm:
        event_name("check_inn", display="d.yaml")
    assert csm.value.message == "unknown event 'check_inn'; did you mean 'check_in'?"
    with pytest.raises(InputError) as rep:
        event_name("rep_checkin", display="d.yaml")
    assert rep.value.message == "unknown event 'rep_checkin'; did you mean 'rep_check_in'?"


def test_a_name_like_none_lists_every_event() -> None:
    with pytest.raises(InputError) as raised:
        event_name("zzz", display="d.yaml")
    assert raised.value.message == f"unknown event 'zzz'; known events: {', '.join(e.value for e in EventName)}"


def test_a_one_time_event_already_logged_needs_force() -> None:
    deal = dossier(events=LOGGED)
    with pytest.raises(InputError) as raised:
        check_event(deal, EventName.KICKOFF, force=False, display="d.yaml", zone=UTC)
    assert raised.value.message == (
        "kickoff is already logged at 2026-11-12T10:00:00+00:00; pass --force to log it again"
    )
    check_event(deal, EventName.KICKOFF, force=True, display="d.yaml", zone=UTC)


def test_recurring_and_new_events_are_taken() -> None:
    deal = dossier(events=LOGGED)
    check_event(deal, EventName.CHECK_IN, force=False, display="d.yaml", zone=UTC)
    check_event(deal, EventName.FIRST_VALUE, force=False, display="d.yaml", zone=UTC)
    check_event(dossier(), EventName.KICKOFF, force=False, display="d.yaml", zone=UTC)  # no handoff section yet


def test_the_entry_has_only_the_keys_given_in_the_documented_order() -> None:
    assert entry(EventName.KICKOFF, AT, by=None, note=None) == {"event": "kickoff", "at": AT}
    assert list(entry(EventName.KICKOFF, AT, by="Carl", note="went well")) == ["event", "at", "by", "note"]
