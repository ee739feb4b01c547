"""One new list item as YAML text: keys in the order given, times with a T, quoting where YAML needs it."""

from __future__ import annotations

from datetime import UTC, datetime

from ruamel.yaml import YAML

from handoff_cli.edit.item_yaml import emit

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def test_a_flow_item_is_one_line_in_the_given_key_order() -> None:
    assert emit({"event": "kickoff", "at": AT, "by": "Carl"}, flow=True) == (
        "{event: kickoff, at: 2026-11-20T09:30:00+00:00, by: Carl}\n"
    )


def test_a_block_item_is_a_list_entry_with_a_list_on_its_key_s_line() -> None:
    assert emit({"decision": "rejected", "at": AT, "reasons": ["filler", "other"]}, flow=False) == (
        "- decision: rejected\n  at: 2026-11-20T09:30:00+00:00\n  reasons: [filler, other]\n"
    )


def test_text_yaml_would_misread_is_quoted_and_reads_back_as_given() -> None:
    note = "a: b # not a comment, [not a list], 'quoted'"
    line = emit({"note": note}, flow=True)
    assert line.count("\n") == 1
    assert YAML(typ="safe", pure=True).load(line) == {"note": note}


def test_a_long_note_is_never_folded() -> None:
    assert emit({"note": "word " * 400}, flow=True).count("\n") == 1


def test_unicode_is_written_as_itself() -> None:
    assert emit({"by": "Zoë Müller"}, flow=True) == "{by: Zoë Müller}\n"
