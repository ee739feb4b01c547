"""The kickoff is booked in the joint meeting, so a kickoff due before the joint meeting's day is too early."""

from __future__ import annotations

from datetime import UTC, datetime

from handoff_cli.clocks.meeting_order import kickoff_too_early

JOINT = datetime(2026, 11, 16, 15, 0, tzinfo=UTC)


def test_a_kickoff_due_the_day_before_the_joint_meeting_is_too_early() -> None:
    assert kickoff_too_early(joint=JOINT, kickoff_due=datetime(2026, 11, 15, 23, 0, tzinfo=UTC), kickoff_done=None)


def test_a_kickoff_due_the_same_day_or_later_is_in_order() -> None:
    same_day_earlier_hour = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
    assert not kickoff_too_early(joint=JOINT, kickoff_due=same_day_earlier_hour, kickoff_done=None)
    assert not kickoff_too_early(joint=JOINT, kickoff_due=datetime(2026, 11, 20, tzinfo=UTC), kickoff_done=None)


def test_a_kickoff_already_held_is_what_it_is() -> None:
    early = datetime(2026, 11, 10, tzinfo=UTC)
    assert not kickoff_too_early(joint=JOINT, kickoff_due=early, kickoff_done=early)


def test_nothing_to_compare_is_never_too_early() -> None:
    assert not kickoff_too_early(joint=None, kickoff_due=JOINT, kickoff_done=None)
    assert not kickoff_too_early(joint=JOINT, kickoff_due=None, kickoff_done=None)
