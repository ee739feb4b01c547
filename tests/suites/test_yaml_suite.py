"""The official YAML test suite through handoff's own YAML reading: a syntax error (HY001) exactly for the
suite's error cases, located in the file, apart from the deviations listed here and in docs/errors.md."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from handoff_cli.dossier.careful_reader import compose_text
from handoff_cli.dossier.fast_reader import fast_load
from handoff_cli.dossier.reader import load_bytes
from handoff_cli.settings import Settings

SUITE = Path(__file__).parents[1] / "yaml_suite"
ERRORS_PAGE = Path(__file__).parents[2] / "docs" / "errors.md"
CASES = sorted(str(p.parent.relative_to(SUITE)) for p in SUITE.rglob("in.txt"))
MAX_DEPTH = Settings().max_depth

_TABS = "ruamel refuses a tab as separating space where YAML 1.2 allows it"
_FLOW_KEYS = "ruamel refuses a flow key with its `:` on the next line, adjacent or empty keys, or a tag before `,`"
_BLANK_LEAD = "ruamel measures a block scalar's leading blank lines against the first of them"
_NO_DOCUMENT = "ruamel refuses `...` where no document precedes it"
# valid YAML 1.2 that handoff refuses, and why; the writers compose with ruamel, so what it cannot read stays refused
VALID_REFUSED = {
    **dict.fromkeys(
        (
            "6BCT",
            "6CA3",
            "A2M4",
            "DC7X",
            "DK95/00",
            "DK95/03",
            "DK95/04",
            "DK95/05",
            "DK95/07",
            "HS5T",
            "J3BT",
            "K54U",
            "NB6Z",
            "Q5MG",
            "UV7Q",
            "Y79Y/010",
        ),
        _TABS,
    ),
    **dict.fromkeys(
        ("4MUZ/00", "4MUZ/01", "4MUZ/02", "5MUD", "9MMW", "9SA2", "CFD4", "K3WX", "NJ66", "UT92", "VJP3/01", "WZ62"),
        _FLOW_KEYS,
    ),
    **dict.fromkeys(("4QFQ", "DWX9", "R4YG", "T26H"), _BLANK_LEAD),
    **dict.fromkeys(("HWV9", "M7A3", "QT73"), _NO_DOCUMENT),
}
INVALID_ACCEPTED: dict[str, str] = {}  # invalid YAML handoff reads without a syntax error: none


def _read(case: str) -> tuple[bytes, list[tuple[str, int, int, str]]]:
    raw = (SUITE / case / "in.txt").read_bytes()
    _, findings = load_bytes(raw, case, max_depth=MAX_DEPTH)
    return raw, [(f.code, f.line, f.col, f.message) for f in findings]


@pytest.mark.parametrize("case", CASES)
def test_a_syntax_error_exactly_for_the_invalid_cases(case: str) -> None:
    raw, findings = _read(case)
    invalid = (SUITE / case / "error").exists()
    expected = invalid != (case in VALID_REFUSED or case in INVALID_ACCEPTED)
    syntax = [f for f in findings if f[0] == "HY001"]
    assert bool(syntax) == expected, findings
    lines = raw.count(b"\n") + 1
    assert all(1 <= line <= lines and col >= 1 for _, line, col, _ in syntax)


@pytest.mark.parametrize("case", CASES)
def test_the_fast_reader_accepts_only_what_the_careful_one_reads_the_same(case: str) -> None:
    text = (SUITE / case / "in.txt").read_bytes().decode("utf-8").removeprefix("\ufeff")
    fast = fast_load(text, MAX_DEPTH)
    if fast is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # nothing may reach stderr either
            careful, findings = compose_text(text, case, max_depth=MAX_DEPTH)
        assert findings == []
        assert careful is not None and fast == (careful.data, careful.positions)


def test_every_deviation_is_a_case_of_the_suite_on_the_side_it_is_listed() -> None:
    assert len(CASES) == 402 and sum((SUITE / c / "error").exists() for c in CASES) == 94
    assert all(c in CASES and not (SUITE / c / "error").exists() for c in VALID_REFUSED)
    assert all(c in CASES and (SUITE / c / "error").exists() for c in INVALID_ACCEPTED)


def test_the_errors_page_explains_each_deviation_and_no_other() -> None:
    page = ERRORS_PAGE.read_text(encoding="utf-8")
    section = page[page.index("## YAML conformance") :]
    section = section[: section.find("\n## ", 3) % (len(section) + 1)]
    listed = set(re.findall(r"`([0-9A-Z]{4}(?:/\d{2,3})?)`", section))
    assert listed == set(VALID_REFUSED) | set(INVALID_ACCEPTED)


# what the rules the parsers let through must not catch: dossiers written the usual ways
USUAL = [
    "events: [\n    {event: kickoff},\n  ]\n",  # a list closed under its key
    "a:\n  b: [x,\n    y]\n",
    'note: "a long line\n  wrapped"\n',
    "ticket: issue#12  # and a comment\n",
    "url: https://example.com/a#b\n",
    "text: |\n\n  first\n\n  second\n",
    "list:\n- [a, b]\n- x\n",
    "a: b # c#d#e\n",  # a glued # inside a comment
    "a: &x#y b\nc: !t#u d\n",  # anchors and tags may hold a #
    "people:\n  - name: \"Jane\n      Doe\"\n",
]


@pytest.mark.parametrize("text", USUAL)
def test_the_usual_ways_of_writing_yaml_pass(text: str) -> None:
    _, findings = load_bytes(text.encode(), "deal.yaml", max_depth=MAX_DEPTH)
    assert [f for f in findings if f.code == "HY001"] == []  # an anchor or a tag has a finding of its own


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ('deal: "Acme"# note\n', 1, 13, "a comment needs a space before its #"),
        (
            "deal:\n  tags: [a,\n  b]\n",
            3,
            3,
            "this line continues the [ ] list begun on line 2: indent it at least 3 "
            "spaces, more than the key it belongs to",
        ),
        (
            'deal: "Acme\nCorp"\n',
            2,
            1,
            "this line continues the quoted text begun on line 1: indent it at least 1 "
            "space, more than the key it belongs to",
        ),
        ("tags: [-]\n", 1, 8, 'a lone - cannot start a value in a [ ] or { } list; quote it: "-"'),
        ("note: >#\n  text\n", 1, 8, "a comment needs a space before its #"),
        (
            "deal: x\n%YAML 1.2\n---\ndeal: y\n",
            2,
            1,
            "a %YAML or %TAG directive must follow a `...` line ending the document before",
        ),
        ("deal: !!str, x\n", 1, 12, "a tag cannot hold ','; put a space after the tag"),
        (
            "note: |\n \n  text\n",
            3,
            3,
            "a blank line at the start of a | or > block holds spaces; leave the blank lines at its start empty",
        ),
    ],
)
def test_yaml_the_parsers_let_through_is_refused_at_its_place(text: str, line: int, col: int, message: str) -> None:
    loaded, findings = load_bytes(text.encode(), "deal.yaml", max_depth=MAX_DEPTH)
    assert loaded is None
    assert [(f.code, f.line, f.col, f.message) for f in findings] == [("HY001", line, col, message)]
