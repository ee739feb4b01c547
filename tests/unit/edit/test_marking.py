"""`handoff mark`: the list and status named with hints, the item found by its title, the keys a status writes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handoff_cli.core.errors import InputError
from handoff_cli.edit.marking import find, section_named, status_named, status_values
from handoff_cli.model.commitments import Commitment
from handoff_cli.model.progress import ChecklistItem
from handoff_cli.model.trackable import SECTIONS

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
COMMITMENTS = SECTIONS["commitments"]
ITEMS = [Commitment(what=w, kind="scope") for w in ("SSO login", "SSO audit log", "API access")]


def refused(call: object, *args: object, **kwargs: object) -> str:
    assert callable(call)
    with pytest.raises(InputError) as raised:
        call(*args, display="d.yaml", **kwargs)
    return raised.value.message


def test_a_list_is_named_as_the_command_line_names_it() -> None:
    assert section_named("milestones", display="d.yaml").where == ("implementation", "milestones")
    assert refused(section_named, "milestone") == "unknown list 'milestone'; did you mean 'milestones'?"
    assert refused(section_named, "zzz") == "unknown list 'zzz'; use one of commitments, milestones, risks, checklist"


def test_each_list_has_its_own_statuses() -> None:
    assert status_named(SECTIONS["risks"], "mitigated", display="d.yaml") == "mitigated"
    assert refused(status_named, COMMITMENTS, "mitigated") == (
        "unknown status 'mitigated' for a commitment; a commitment is open, done, dropped, renegotiated"
    )
    assert refused(status_named, COMMITMENTS, "don") == "unknown status 'don' for a commitment; did you mean 'done'?"


def test_an_item_is_found_by_its_whole_title_or_the_one_it_starts() -> None:
    assert find(COMMITMENTS, ITEMS, "sso login", display="d.yaml") == 0
    assert find(COMMITMENTS, ITEMS, "API", display="d.yaml") == 2
    assert find(COMMITMENTS, [*ITEMS, Commitment(what="SSO", kind="scope")], "SSO", display="d.yaml") == 3


def test_a_title_that_starts_several_asks_for_more() -> None:
    assert refused(find, COMMITMENTS, ITEMS, "SSO") == (
        "'SSO' starts 2 commitments: 'SSO login', 'SSO audit log'; give more of the title"
    )


def test_a_title_that_starts_none_gets_a_hint_or_the_list() -> None:
    assert refused(find, COMMITMENTS, ITEMS, "APi acess") == (
        "no commitment starts with 'APi acess'; did you mean 'API access'?"
    )
    assert refused(find, COMMITMENTS, ITEMS, "zzz") == (
        "no commitment starts with 'zzz'; the commitments: 'SSO login', 'SSO audit log', 'API access'"
    )
    assert refused(find, COMMITMENTS, [], "SSO") == "the dossier lists no commitments"


def values(item: Commitment | ChecklistItem, status: str, *, due: date | None = None, force: bool = False,
           by: str | None = None) -> dict[str, object]:
    return status_values(item, status, at=AT, zone=UTC, by=by, due=due, force=force, display="d.yaml")


def test_a_status_writes_when_and_who() -> None:
    assert values(ITEMS[0], "done", by="Carl") == {"status": "done", "status_at": AT, "status_by": "Carl"}


def test_a_renegotiation_writes_the_new_due_and_keeps_the_old_one() -> None:
    item = Commitment(what="SSO", kind="scope", due=date(2026, 12, 1))
    assert values(item, "renegotiated", due=date(2027, 1, 15)) == {
        "status": "renegotiated", "status_at": AT, "due": date(2027, 1, 15), "previous_due": date(2026, 12, 1),
    }  # fmt: skip
    again = date(2026, 12, 1)
    assert refused(status_values, item, "renegotiated", at=AT, zone=UTC, by=None, due=again, force=False) == (
        "'SSO' is already due 2026-12-01; --due is the new date"
    )


def test_due_goes_with_renegotiated_only() -> None:
    assert refused(status_values, ITEMS[0], "renegotiated", at=AT, zone=UTC, by=None, due=None, force=False) == (
        "renegotiated needs --due, the newly agreed date"
    )
    assert refused(status_values, ITEMS[0], "done", at=AT, zone=UTC, by=None, due=date(2027, 1, 1), force=False) == (
        "--due goes with renegotiated, not done"
    )


def test_the_same_status_again_needs_force() -> None:
    done = Commitment(what="SSO", kind="scope", status="done", status_at=AT)
    assert refused(status_values, done, "done", at=AT, zone=UTC, by=None, due=None, force=False) == (
        "'SSO' is already done at 2026-11-20T09:30:00+00:00; pass --force to record it again"
    )
    assert values(done, "done", force=True)["status"] == "done"


def test_a_checklist_item_s_done_flag_follows_its_status() -> None:
    assert values(ChecklistItem(item="CRM access"), "done")["done"] is True
    assert values(ChecklistItem(item="CRM access", done=True), "open")["done"] is False
    assert "done" not in values(ChecklistItem(item="CRM access"), "dropped")  # already false
