"""The last bad inputs, each as a user meets it: `handoff validate` on a small file, the exact line it prints."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from tests.conftest import AS_OF, EXAMPLES, RunCli

HEAD = "schema: 1\ndeal:\n  id: D-1\n  account: Acme\n  segment: smb\n"


def validate(run_cli: RunCli, folder: Path, text: str | bytes, name: str = "deal.yaml") -> tuple[int, list[str]]:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    run = run_cli("validate", name, "--as-of", AS_OF)
    assert run.stderr == "" or run.exit_code == 2
    return run.exit_code, [line for line in run.stdout.splitlines() if ": H" in line] + run.stderr.splitlines()


def schema_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if ": HY" in line or ": HV" in line]


@pytest.mark.parametrize(("typed", "fix"), [("yes", "true"), ("No", "false"), ("on", "true"), ("OFF", "false")])
def test_yes_no_on_off_are_refused_with_the_fix(run_cli: RunCli, deals_repo: Path, typed: str, fix: str) -> None:
    text = HEAD + f"commitments:\n  - what: SSO\n    kind: scope\n    cs_validated: {typed}\n"
    _, lines = validate(run_cli, deals_repo, text)
    assert schema_lines(lines) == [
        f"deal.yaml:9:19: error: HV008 invalid-boolean: commitments[0].cs_validated: '{typed}' is not true or false; "
        f"write {fix}"
    ]


@pytest.mark.parametrize("typed", ["true", "false", "True", "FALSE"])
def test_true_and_false_are_booleans(run_cli: RunCli, deals_repo: Path, typed: str) -> None:
    text = HEAD + f"commitments:\n  - what: SSO\n    kind: scope\n    cs_validated: {typed}\n"
    _, lines = validate(run_cli, deals_repo, text)
    assert schema_lines(lines) == []


def test_whole_numbers_are_bounded_like_amounts(run_cli: RunCli, deals_repo: Path) -> None:
    digits = "1" * 36
    text = HEAD + f"customer:\n  company:\n    employees: {digits}\n  purchase:\n    sales_cycle_days: {digits}\n"
    _, lines = validate(run_cli, deals_repo, text)
    message = "is out of range; write at most 15 digits"
    assert schema_lines(lines) == [
        f"deal.yaml:8:16: error: HV005 invalid-number: customer.company.employees: {_shown(digits)} {message}",
        f"deal.yaml:10:23: error: HV005 invalid-number: customer.purchase.sales_cycle_days: {_shown(digits)} {message}",
    ]


def test_fifteen_digits_are_still_a_number(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD + "customer:\n  company:\n    employees: 999999999999999\n"
    _, lines = validate(run_cli, deals_repo, text)
    assert schema_lines(lines) == []


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")



def test_a_byte_order_mark_is_accepted(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, b"\xef\xbb\xbf" + HEAD.encode())
    assert schema_lines(lines) == []
    bad = b"\xef\xbb\xbf" + HEAD.replace("segment: smb", "segment: small").encode()
    _, lines = validate(run_cli, deals_repo, bad)
    # positions count as the editor shows them, without the mark
    assert schema_lines(lines)[0].startswith("deal.yaml:5:12: error: HV003 invalid-choice: deal.segment: 'small'")


def test_log_keeps_the_byte_order_mark(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_bytes(b"\xef\xbb\xbf" + HEAD.encode())
    run = run_cli("log", "deal.yaml", "kickoff", "--at", "2026-11-20T10:00:00+00:00")
    assert run.exit_code == 0, run.stderr
    after = (deals_repo / "deal.yaml").read_bytes()
    assert after.startswith(b"\xef\xbb\xbf" + HEAD.encode()) and b"kickoff" in after


def test_a_yaml_1_1_directive_is_refused_at_its_line(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, "# exported\n%YAML 1.1\n---\n" + HEAD)
    assert schema_lines(lines) == [
        "deal.yaml:2:1: error: HY013 yaml-version: %YAML 1.1 directive: YAML 1.1 tools read NO, on and 0123 as false, "
        "true and 83, handoff reads dossiers as YAML 1.2; delete this line"
    ]


def test_a_yaml_1_2_directive_is_fine(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, "%YAML 1.2\n---\n" + HEAD)
    assert schema_lines(lines) == []


def test_deep_flow_nesting_is_reported_where_it_crosses_the_limit_without_composing(
    run_cli: RunCli, deals_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ruamel.yaml import YAML

    def no_compose(*_: object, **__: object) -> None:
        raise AssertionError("a file over the depth limit must be refused before it is composed")

    monkeypatch.setattr(YAML, "compose_all", no_compose)
    text = HEAD + "customer:\n  company:\n    locations: " + "[" * 20_000 + "]" * 20_000 + "\n"
    code, lines = validate(run_cli, deals_repo, text)
    assert code == 1
    assert schema_lines(lines) == [
        "deal.yaml:8:30: error: HY011 too-deep: nesting deeper than 16 levels at customer.company.locations"
        + "[0]" * 14
    ]


def test_deep_block_nesting_is_reported_at_its_line(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD + "customer:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(20)) + "  " * 21 + "v\n"
    _, lines = validate(run_cli, deals_repo, text)
    path = ".".join(f"k{i}" for i in range(16))
    assert schema_lines(lines) == ["deal.yaml:23:35: error: HY011 too-deep: nesting deeper than 16 levels at "
                                   f"customer.{path}"]


def test_a_second_document_is_reported_at_its_marker(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, HEAD + "# the next deal\n---\nschema: 1\n")
    assert schema_lines(lines) == [
        "deal.yaml:7:1: error: HY009 several-documents: this is a second YAML document; keep one deal per file"
    ]


def test_an_empty_second_document_is_reported_too(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, HEAD + "---\n")
    assert schema_lines(lines) == [
        "deal.yaml:6:1: error: HY009 several-documents: this is a second YAML document; keep one deal per file"
    ]


def test_a_nul_byte_is_reported_at_its_line(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = validate(run_cli, deals_repo, HEAD.replace("account: Acme", "account: Ac\0me"))
    assert schema_lines(lines) == [
        "deal.yaml:4:14: error: HY001 yaml-syntax: character U+0000 is not allowed in YAML; delete it"
    ]


COMMENT = (
    "warning: HY014 comment-spacing: a comment one space after a value: what follows the # is not part of the value; "
    "put two spaces before a comment, or quote the value if the # belongs to it"
)


def test_a_comment_one_space_after_a_value_is_warned_at_its_column(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD + "customer:\n  company:\n    organisation: Main St #1\n    industry: Retail #2\n"
    code, lines = validate(run_cli, deals_repo, text)
    assert [line for line in lines if "HY014" in line] == [
        f"deal.yaml:8:27: {COMMENT}",
        f"deal.yaml:9:22: {COMMENT}",
    ]
    assert code == 1  # the file is still read and scored: HY014 is a warning beside the usual findings


def test_comments_with_two_spaces_and_quoted_hashes_are_fine(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD + 'customer:\n  company:\n    industry: "Retail #2"  # two spaces\n    business_model: a#b\n'
    _, lines = validate(run_cli, deals_repo, text)
    assert [line for line in lines if "HY014" in line] == []


@pytest.mark.parametrize("command", [("validate",), ("report",), ("render", "plan"), ("sla",)])
def test_a_fifo_is_not_a_regular_file(run_cli: RunCli, deals_repo: Path, command: tuple[str, ...]) -> None:
    os.mkfifo(deals_repo / "pipe.yaml")
    run = run_cli(*command, "pipe.yaml")
    assert run.exit_code == 2
    assert run.stderr.startswith("handoff: error: pipe.yaml: not a regular file")


def test_a_device_is_not_a_regular_file(run_cli: RunCli, deals_repo: Path) -> None:
    run = run_cli("validate", "/dev/null")
    assert (run.exit_code, run.stderr) == (
        2,
        "handoff: error: /dev/null: not a regular file (a pipe, device or socket); give a dossier's path\n",
    )


def test_values_yaml_1_1_readers_take_differently_are_warned_at_their_place(
    run_cli: RunCli, deals_repo: Path
) -> None:
    text = HEAD + (
        "customer:\n  company:\n    organisation: 0777\n    industry: 1:20\n    business_model: =\n"
        "technical:\n  validation:\n    open_questions: [Who owns the data?, Fine]\n"
    )
    code, lines = validate(run_cli, deals_repo, text)
    assert [line for line in lines if "HY015" in line] == [
        "deal.yaml:8:19: warning: HY015 yaml-1.1-reading: '0777': YAML 1.1 readers read this unquoted value as 511; "
        "quote it if it is meant as text",
        "deal.yaml:9:15: warning: HY015 yaml-1.1-reading: '1:20': YAML 1.1 readers read this unquoted value as 80; "
        "quote it if it is meant as text",
        "deal.yaml:10:21: warning: HY015 yaml-1.1-reading: '=': YAML 1.1 readers read this unquoted value as a special "
        "value; quote it if it is meant as text",
        "deal.yaml:13:22: warning: HY015 yaml-1.1-reading: 'Who owns the data?' in a flow list or mapping: YAML 1.1 "
        "readers "
        "end the text at '?' and cannot read the file; write the list as a block (one '- ' item per line) or "
        "quote the item",
    ]
    assert code == 1  # a warning: the file is still read and scored


def test_quoted_block_and_ordinary_values_read_alike_in_yaml_1_1(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD + (
        'customer:\n  company:\n    organisation: "0777"\n    industry: 12 units\n    business_model: 10.5\n'
        'technical:\n  validation:\n    open_questions: ["Who owns the data?"]\n    proof_of_concept: Why?\n'
    )
    _, lines = validate(run_cli, deals_repo, text)
    assert [line for line in lines if "HY015" in line] == []


def test_the_shipped_examples_read_the_same_in_yaml_1_1(run_cli: RunCli) -> None:
    for example in sorted(EXAMPLES.glob("*.yaml")):
        yaml.safe_load(example.read_text(encoding="utf-8"))  # PyYAML, a YAML 1.1 reader
        run = run_cli("validate", str(example), "--as-of", "2026-11-23T12:00:00+00:00")
        assert "HY015" not in run.stdout, run.stdout
