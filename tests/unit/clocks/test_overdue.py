"""Promised and planned work past its due date and still owed, earliest first, counted in whole days."""

from __future__ import annotations

from datetime import date

from handoff_cli.clocks.overdue import overdue, owed_items
from tests.builders import dossier

SECTIONS = {
    "commitments": [
        {"what": "SSO", "kind": "scope", "due": "2026-12-01", "owner": "Ana"},
        {"what": "API", "kind": "scope", "due": "2026-11-20", "status": "done", "status_at": "2026-11-19T10:00:00Z"},
        {"what": "Audit log", "kind": "scope", "due": "2026-11-25", "status": "renegotiated",
         "previous_due": "2026-11-15"},
        {"what": "Training", "kind": "service", "due": "2026-11-10", "status": "dropped"},
        {"what": "Someday", "kind": "scope"},
    ],
    "implementation": {"milestones": [{"name": "Pilot", "due": "2026-11-30"}]},
    "handoff": {"checklist": [{"item": "CRM access", "due": "2026-11-18"}]},
}  # fmt: skip


def test_what_is_still_owed_with_a_due_date_earliest_first() -> None:
    found = owed_items(dossier(sections=SECTIONS, cs_manager={"name": "Mia Manager"}), path="d.yaml")
    assert [(i.list, i.title, i.due) for i in found] == [
        ("checklist", "CRM access", date(2026, 11, 18)),
        ("commitments", "Audit log", date(2026, 11, 25)),  # renegotiated: owed by its new date
        ("milestones", "Pilot", date(2026, 11, 30)),
        ("commitments", "SSO", date(2026, 12, 1)),
    ]
    assert (found[-1].owner, found[-1].escalation, found[-1].csm) == ("Ana", "Mia Manager", "Carl CSM")


def test_overdue_is_due_before_today_in_whole_days() -> None:
    found = owed_items(dossier(sections=SECTIONS), path="d.yaml")
    late = overdue(found, date(2026, 11, 30))
    assert [(x.item.title, x.days) for x in late] == [("CRM access", 12), ("Audit log", 5)]  # due today is not late


def test_a_deal_with_nothing_dated_owes_nothing() -> None:
    assert owed_items(dossier(), path="d.yaml") == []
