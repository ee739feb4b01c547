"""Characters a person cannot see: refused in one-line fields, warned about in free text, escaped and named in
every message that quotes them."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from handoff_cli.core.printable import printable
from handoff_cli.core.visible import HIDDEN, quoted
from tests.conftest import RunCli
from tests.suites.test_bad_inputs import HEAD, validate

HIDDEN_POINTS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060]
REASON = (
    "is not allowed here: it shows nothing or reorders the text around it, so this line reads differently "
    "in an email or a calendar than in the file; delete it"
)


def _escape(point: int) -> str:
    return f"\\u{point:04x}"


@pytest.mark.parametrize("point", HIDDEN_POINTS, ids=[f"U+{p:04X}" for p in HIDDEN_POINTS])
def test_an_invisible_character_in_the_account_is_refused_and_named(
    run_cli: RunCli, deals_repo: Path, point: int
) -> None:
    text = HEAD.replace("account: Acme", f'account: "Acme{_escape(point)}Corp"')
    code, lines = validate(run_cli, deals_repo, text)
    name = f"U+{point:04X} {unicodedata.name(chr(point))}"
    assert code == 1
    assert lines[0] == (
        f"deal.yaml:4:12: error: HV015 hidden-character: deal.account: 'Acme{_escape(point)}Corp': {name} {REASON}"
    )


def test_the_trojan_source_override_is_named_in_words(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD + "  csm:\n    name: \"Kofi \\u202eAsante\"\n"
    _, lines = validate(run_cli, deals_repo, text)
    assert lines[0] == f"deal.yaml:7:11: error: HV015 hidden-character: deal.csm.name: 'Kofi \\u202eAsante': " \
        f"U+202E RIGHT-TO-LEFT OVERRIDE {REASON}"


def test_plain_accents_and_scripts_are_fine_in_one_line_fields(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD.replace("account: Acme", "account: Ça Va Über 株式会社 שלום")
    _, lines = validate(run_cli, deals_repo, text)
    assert [line for line in lines if "HV015" in line or "HV016" in line] == []


def test_an_invisible_character_in_free_text_is_a_warning(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD + 'goals:\n  problem: "Replies take\\u200b three days"\n'
    _, lines = validate(run_cli, deals_repo, text)
    assert "deal.yaml:7:12: warning: HV016 hidden-character-in-text: goals.problem: 'Replies take\\u200b three " \
        "days' holds " \
        "U+200B ZERO WIDTH SPACE, which shows nothing or reorders the text around it; delete it unless the text " \
        "needs it" in lines
    assert not [line for line in lines if "HV015" in line]


def test_free_text_without_invisible_characters_gets_no_warning(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, HEAD + "goals:\n  problem: Replies take three days\n")
    assert not [line for line in lines if "HV016" in line]


def test_a_zero_width_space_in_a_key_is_escaped_named_and_explained(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, HEAD + "  time\u200bzone: UTC\n")
    assert lines[0] == (
        "deal.yaml:6:3: error: HV001 unknown-key: unknown key 'time\\u200bzone' (U+200B ZERO WIDTH SPACE): "
        "delete the invisible character to make it 'timezone'"
    )


def test_a_byte_order_mark_in_the_middle_of_a_file_is_escaped(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, HEAD + "\ufeffgoals:\n  problem: Replies take three days\n")
    assert lines[0] == (
        "deal.yaml:6:1: error: HV001 unknown-key: unknown key '\\ufeffgoals' (U+FEFF ZERO WIDTH NO-BREAK SPACE): "
        "delete the invisible character to make it 'goals'"
    )


def test_a_no_break_space_as_indentation_is_named(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD.replace("  segment: smb", "\u00a0 segment: smb")
    code, lines = validate(run_cli, deals_repo, text)
    assert code == 1
    assert lines[0] == (
        "deal.yaml:5:1: error: HY001 yaml-syntax: U+00A0 NO-BREAK SPACE in the indentation (\\xa0); indent with "
        "plain spaces"
    )


def test_an_escape_character_in_a_value_is_shown_escaped(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD.replace("segment: smb", 'segment: "\\e[31msmb"')
    _, lines = validate(run_cli, deals_repo, text)
    assert "\x1b" not in "".join(lines)
    assert lines[0].startswith("deal.yaml:5:12: error: HV003 invalid-choice: deal.segment: '\\x1b[31msmb' "
                               "(U+001B) is not one of")


def test_render_refuses_an_account_that_reads_differently(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(HEAD.replace("account: Acme", 'account: "Acme\\u202eCorp"'))
    run = run_cli("render", "intro", "deal.yaml")
    assert run.exit_code == 1
    assert run.stderr.startswith("deal.yaml:4:12: error: HV015 hidden-character: deal.account: ")
    assert sorted(p.name for p in deals_repo.iterdir()) == [".git", "deal.yaml"]


def test_every_hidden_character_is_escaped_and_named() -> None:
    for ch in HIDDEN:
        assert printable(f"a{ch}b") == f"a\\u{ord(ch):04x}b"
    assert printable("plain text, ünïcode and 中文") == "plain text, ünïcode and 中文"
    assert quoted("a\u200bb\x1b") == "'a\\u200bb\\x1b' (U+200B ZERO WIDTH SPACE, U+001B)"
    assert quoted("O'Brien") == '"O\'Brien"'


def test_a_long_value_is_cut_but_its_characters_still_named() -> None:
    assert quoted("x" * 50 + "\u202e", limit=10) == "'xxxxxxx...' (U+202E RIGHT-TO-LEFT OVERRIDE)"
