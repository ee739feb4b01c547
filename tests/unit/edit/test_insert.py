"""One item added to a `handoff:` list by inserting text: every shape of the section, every other byte kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handoff_cli.core.errors import InputError
from handoff_cli.edit.insert import append_item

KICKOFF = {"event": "kickoff", "at": datetime(2026, 11, 20, 9, 30, tzinfo=UTC)}
BLOCK_ITEM = "    - event: kickoff\n      at: 2026-11-20T09:30:00+00:00\n"


def test_a_dossier_without_handoff_gets_the_section_after_a_blank_line() -> None:
    text = "deal:\n  id: D-1\n"
    assert append_item(text, "events", KICKOFF) == text + "\nhandoff:\n  events:\n" + BLOCK_ITEM


@pytest.mark.parametrize("empty", ["", " ~", " null", " []", " {}"])
def test_an_empty_handoff_section_gets_the_list(empty: str) -> None:
    text = f"deal:\n  id: D-1\nhandoff:{empty}\n"
    assert append_item(text, "events", KICKOFF) == "deal:\n  id: D-1\nhandoff:\n  events:\n" + BLOCK_ITEM


@pytest.mark.parametrize("empty", ["", " ~", " []"])
def test_an_empty_list_gets_its_first_item(empty: str) -> None:
    text = f"deal:\n  id: D-1\nhandoff:\n  events:{empty}\n"
    assert append_item(text, "events", KICKOFF) == "deal:\n  id: D-1\nhandoff:\n  events:\n" + BLOCK_ITEM


def test_a_new_list_goes_where_the_model_lists_it_in_the_file_s_indentation() -> None:
    text = "deal:\n    id: D-1\nhandoff:\n    reviews:\n    - decision: accepted\n"
    assert append_item(text, "events", KICKOFF) == (
        "deal:\n    id: D-1\nhandoff:\n    events:\n        - event: kickoff\n          at: 2026-11-20T09:30:00+00:00\n"
        "    reviews:\n    - decision: accepted\n"
    )


def test_an_item_follows_the_last_one_in_its_style() -> None:
    text = "handoff:\n  events:\n  - {event: intro_email, at: 2026-11-10}\n# the end\n"
    assert append_item(text, "events", KICKOFF) == (
        "handoff:\n  events:\n  - {event: intro_email, at: 2026-11-10}\n"
        "  - {event: kickoff, at: 2026-11-20T09:30:00+00:00}\n# the end\n"
    )


def test_a_flow_list_gets_the_item_inside_its_brackets() -> None:
    text = "handoff:\n  events: [{event: intro_email, at: 2026-11-10}]  # sent\n"
    assert append_item(text, "events", KICKOFF) == (
        "handoff:\n  events: [{event: intro_email, at: 2026-11-10}, {event: kickoff, at: 2026-11-20T09:30:00+00:00}]"
        "  # sent\n"
    )


def test_windows_line_ends_stay_windows_line_ends() -> None:
    text = "deal:\r\n  id: D-1\r\nhandoff:\r\n  events:\r\n    - event: intro_email\r\n      at: 2026-11-10\r\n"
    assert append_item(text, "events", KICKOFF) == text + BLOCK_ITEM.replace("\n", "\r\n")


def test_a_file_without_a_last_line_break_gets_one_before_the_item() -> None:
    text = "handoff:\n  events:\n    - event: intro_email\n      at: 2026-11-10"
    assert append_item(text, "events", KICKOFF) == text + "\n" + BLOCK_ITEM


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{deal: {id: D-1}}\n", "the top level is not a block mapping; cannot add a handoff section"),
        ("handoff: {events: []}\n",
         "handoff: is not written as a block mapping; rewrite it as one so an item can be added"),
        ("handoff:\n  events: kickoff\n", "handoff.events is not a list; fix it with `handoff validate` first"),
    ],
)  # fmt: skip
def test_a_shape_it_cannot_edit_is_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        append_item(text, "events", KICKOFF)
    assert raised.value.message == message
