"""The loader: YAML trouble becomes located findings, and typed text never changes on the way in."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_cli.dossier.reader import load_bytes, load_file, load_text


def problems(text: str, max_depth: int = 16) -> list[tuple[str, int, int, str]]:
    loaded, found = load_text(text, "d.yaml", max_depth=max_depth)
    assert loaded is None
    return [(f.code, f.line, f.col, f.message) for f in found]


def test_plain_scalars_stay_as_typed() -> None:
    loaded, found = load_text(
        "a: NO\nb: 0123\nc: 1e3\nd: yes\ne: 2026-11-02\nf:\ng: ~\nh: 'null'\n", "d.yaml", max_depth=8
    )
    assert found == []
    assert loaded is not None
    assert loaded.data == {
        "a": "NO",
        "b": "0123",
        "c": "1e3",
        "d": "yes",
        "e": "2026-11-02",
        "f": None,
        "g": None,
        "h": "null",
    }


def test_positions_of_keys_and_values() -> None:
    loaded, _ = load_text("deal:\n  id: X\n  csm:\nlist:\n  - a\n  - b\n", "d.yaml", max_depth=8)
    assert loaded is not None
    pos = loaded.positions
    assert pos.key(("deal", "id")) == (2, 3)
    assert pos.value(("deal", "id")) == (2, 7)
    assert pos.value(("deal", "csm")) == (3, 3)  # an empty value is shown at its key
    assert pos.value(("list", 1)) == (6, 5)
    assert pos.locate(("deal", "missing")) == (1, 1)  # a missing field points at its parent's key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: [1, 2\n",
            (
                "HY001",
                2,
                1,
                "expected ',' or ']', but got '<stream end>' "
                "(while parsing a flow sequence opened at line 1, column 4)",
            ),
        ),
        (
            "a:\n\tb: 1\n",
            (
                "HY001",
                2,
                1,
                "found character '\\t' that cannot start any token (while scanning for "
                "the next token); indent with spaces, not tabs",
            ),
        ),
        ("a: 1\nb: 2\na: 3\n", ("HY003", 3, 1, "key 'a' already appears on line 1")),
        ("a: &x 1\nb: *x\n", ("HY004", 1, 4, "anchor &x at a; write the value out in full")),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            (
                "HY005",
                1,
                4,
                "tag !!python/object/apply:os.system is not allowed; a dossier holds plain text, numbers and dates",
            ),
        ),
        (
            "a: !custom 1\n",
            ("HY005", 1, 4, "tag !custom is not allowed; a dossier holds plain text, numbers and dates"),
        ),
        ("a: 1\n<<: {b: 2}\n", ("HY006", 2, 1, "merge keys (<<) are not supported; write the keys out")),
        ("", ("HY007", 1, 1, "file is empty; start one with `handoff init`")),
        ("# only a comment\n", ("HY007", 1, 1, "file is empty; start one with `handoff init`")),
        (
            "- a\n- b\n",
            ("HY008", 1, 1, "the top level is a list; a dossier is a mapping of sections (schema:, deal:, …)"),
        ),
        (
            "just text\n",
            ("HY008", 1, 1, "the top level is a single value; a dossier is a mapping of sections (schema:, deal:, …)"),
        ),
        ("a: 1\n---\nb: 2\n", ("HY009", 2, 1, "this is a second YAML document; keep one deal per file")),
        ("? [a, b]\n: 1\n", ("HY012", 1, 3, "a key must be a plain name, not a list or mapping")),
    ],
)
def test_yaml_problems_are_located(text: str, expected: tuple[str, int, int, str]) -> None:
    assert problems(text) == [expected]


def test_every_problem_in_a_file_is_reported() -> None:
    assert [p[:3] for p in problems("a: 1\na: 2\nb: &y 3\nb: 4\n")] == [
        ("HY003", 2, 1),
        ("HY004", 3, 4),
        ("HY003", 4, 1),
    ]


def test_deep_nesting_is_refused() -> None:
    deep = "a: " + "[" * 30 + "]" * 30 + "\n"
    assert problems(deep, max_depth=16)[0][:3] == ("HY011", 1, 20)


def test_pathological_nesting_does_not_crash() -> None:
    assert problems("[" * 20000)[0][0] in {"HY001", "HY011"}


def test_billion_laughs_is_refused_without_expansion() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    assert {p[0] for p in problems("\n".join(lines) + "\n")} == {"HY004"}


def test_byte_order_mark_is_read_past() -> None:
    loaded, found = load_bytes(b"\xef\xbb\xbfschema: 1\n", "d.yaml", max_depth=8)
    assert found == [] and loaded is not None and loaded.data == {"schema": "1"}


def test_invalid_utf8_is_located() -> None:
    _, found = load_bytes(b"a: 1\nb: caf\xe9\n", "d.yaml", max_depth=8)
    assert [(f.code, f.line, f.col, f.message) for f in found] == [
        ("HY002", 2, 7, "byte 0xe9 is not valid UTF-8; save the file as UTF-8")
    ]


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 200 + "\n")
    _, found = load_file(path, "big.yaml", max_bytes=100, max_depth=8)
    assert [(f.code, f.message) for f in found] == [
        ("HY010", "file is 204 bytes, over the limit of 100 (max_file_bytes)")
    ]
