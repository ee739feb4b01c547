"""Keys of one list item set by text surgery: a value replaced where it stands, a new key in the item's style."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handoff_cli.core.errors import InputError
from handoff_cli.edit.status_text import set_keys

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
BLOCK = (
    "commitments:\n  - what: SSO  # promised in the demo\n    kind: scope\n    status: open\n"
    "  - what: API\n    kind: scope\n"
)


def test_a_value_is_replaced_where_it_stands_keeping_the_comment() -> None:
    assert set_keys(BLOCK, ("commitments", 0), {"status": "done"}) == BLOCK.replace("status: open", "status: done")


def test_new_keys_go_after_the_item_s_last_key_at_its_indentation() -> None:
    assert set_keys(BLOCK, ("commitments", 1), {"status": "done", "status_at": AT}) == (
        BLOCK + "    status: done\n    status_at: 2026-11-20T09:30:00+00:00\n"
    )


def test_a_flow_item_gets_its_new_keys_inside_the_braces() -> None:
    text = "commitments:\n  - {what: SSO, kind: scope}\n"
    assert set_keys(text, ("commitments", 0), {"status": "dropped"}) == (
        "commitments:\n  - {what: SSO, kind: scope, status: dropped}\n"
    )


def test_a_key_written_empty_gets_its_value_after_a_space() -> None:
    text = "commitments:\n  - what: SSO\n    kind: scope\n    status:\n"
    assert set_keys(text, ("commitments", 0), {"status": "done"}) == text.replace("status:\n", "status: done\n")


def test_a_value_that_needs_quotes_gets_them() -> None:
    text = "commitments:\n  - what: SSO\n    kind: scope\n"
    assert set_keys(text, ("commitments", 0), {"status_by": "ops: #2"}) == text + "    status_by: 'ops: #2'\n"


def test_windows_line_ends_are_kept_on_a_new_line() -> None:
    text = "commitments:\r\n  - what: SSO\r\n    kind: scope\r\n"
    assert set_keys(text, ("commitments", 0), {"status": "done"}) == text + "    status: done\r\n"


def test_a_block_scalar_is_not_rewritten() -> None:
    text = "commitments:\n  - what: SSO\n    kind: scope\n    status: |\n      open\n"
    with pytest.raises(InputError, match=r"^status is not written as a plain value"):
        set_keys(text, ("commitments", 0), {"status": "done"})


def test_an_item_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(InputError, match=r"^the item is not written as a mapping"):
        set_keys("commitments:\n  - SSO\n", ("commitments", 0), {"status": "done"})
