"""Values cannot inject: one-line fields refuse line breaks and control characters, generated YAML reads back
exactly what was put in, and the Markdown report shows a dossier's text as text."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from handoff_cli.render.environment import comment_text, yaml_scalar
from handoff_cli.reporters.portfolio_text import _cell
from tests.conftest import AS_OF, EXAMPLES, RunCli

ACME = EXAMPLES / "midmarket-acme.yaml"


def _acme_with(deals_repo: Path, old: str, new: str) -> Path:
    text = ACME.read_text(encoding="utf-8")
    assert old in text
    path = deals_repo / "acme.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_line_break_in_a_one_line_field_is_refused_at_its_value(run_cli: RunCli, deals_repo: Path) -> None:
    _acme_with(deals_repo, "account: Acme Outdoor Supply", 'account: "Evil Corp\\nBcc: attacker@example.com"')
    run = run_cli("validate", "acme.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert run.stdout.splitlines()[0] == (
        "acme.yaml:7:12: error: HV012 line-break: deal.account: 'Evil Corp\\nBcc: attacker@example.com': a line break "
        "(U+000A) is not allowed here; this field is one line (it goes into mail headers, calendar entries and "
        "table cells)"
    )
    rendered = run_cli("render", "intro", "acme.yaml")
    assert rendered.exit_code == 1 and "Bcc:" not in rendered.stdout


@pytest.mark.parametrize("escape", ["\\u2028", "\\x85", "\\r"])
def test_every_kind_of_line_break_is_refused(run_cli: RunCli, deals_repo: Path, escape: str) -> None:
    _acme_with(deals_repo, "{name: Jess Moreno,", f'{{name: "Jess{escape}Moreno",')
    run = run_cli("validate", "acme.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1 and ": HV012 line-break: deal.sales_rep.name: " in run.stdout


def test_a_control_character_is_refused_in_any_text(run_cli: RunCli, deals_repo: Path) -> None:
    _acme_with(deals_repo, "account: Acme Outdoor Supply", 'account: "Acme \\e[31mOutdoor"')
    run = run_cli("validate", "acme.yaml", "--as-of", AS_OF)
    assert run.stdout.splitlines()[0] == (
        "acme.yaml:7:12: error: HV013 control-character: deal.account: 'Acme \\x1b[31mOutdoor': control character "
        "U+001B is not allowed in text; delete it"
    )


def test_free_text_keeps_its_line_breaks_and_tabs(run_cli: RunCli, deals_repo: Path) -> None:
    # the negative case: a multi-line answer is what a free-text field is for
    old = "  problem: Support cannot scale"
    _acme_with(deals_repo, old, '  problem: "Two lines:\\n\\tthe second indented."\n  # was: Support cannot scale')
    run = run_cli("validate", "acme.yaml", "--as-of", AS_OF)
    assert ": HV01" not in run.stdout, run.stdout


def test_init_refuses_a_line_break_and_writes_nothing(run_cli: RunCli, deals_repo: Path) -> None:
    run = run_cli("init", "new.yaml", "--account", "Evil\nBcc: x@example.com", "--segment", "smb")
    assert run.exit_code == 2
    assert run.stderr.startswith("handoff: error: new.yaml: the dossier would not be valid: deal.account: ")
    assert not (deals_repo / "new.yaml").exists()


@pytest.mark.parametrize("account", ['Acme "Outdoor" #1: Supply', "Ünïcødé — שלום", "- dash", "a: b", "'single'"])
def test_init_writes_any_one_line_name_so_it_reads_back(run_cli: RunCli, deals_repo: Path, account: str) -> None:
    run = run_cli("init", "new.yaml", "--account", account, "--id", account, "--segment", "smb")
    assert run.exit_code == 0, run.stderr
    deal = YAML(typ="safe").load((deals_repo / "new.yaml").read_text(encoding="utf-8"))["deal"]
    assert (deal["account"], deal["id"]) == (account, account)


def test_a_crm_name_with_a_line_break_becomes_one_line(run_cli: RunCli, deals_repo: Path) -> None:
    with (EXAMPLES / "crm" / "hubspot-deals.csv").open(encoding="utf-8", newline="") as sample:
        rows = list(csv.reader(sample))
    company = rows[0].index("Associated Company (Primary)")
    rows[1][company] = "Acme Outdoor\nSupply # Inc."
    out = io.StringIO()
    csv.writer(out).writerows(rows[:2])
    (deals_repo / "deals.csv").write_text(out.getvalue(), encoding="utf-8")
    run = run_cli("import", "crm", "deals.csv", "--map", "hubspot", "--out", "deals")
    assert run.exit_code == 0, run.stderr
    written = (deals_repo / "deals" / "acme-outdoor-supply-inc.yaml").read_text(encoding="utf-8")
    assert written.startswith("# Handoff dossier for Acme Outdoor Supply # Inc.: what the CSM needs")
    assert YAML(typ="safe").load(written)["deal"]["account"] == "Acme Outdoor Supply # Inc."


@pytest.mark.parametrize(
    "value", ["plain", 'quote " and \\ backslash', "line\nbreak", "\u2028\u2029\x85", "\x7f\x9f", "\t#: -", "é中"]
)
def test_yaml_scalar_reads_back_exactly(value: str) -> None:
    assert YAML(typ="safe").load(f"k: {yaml_scalar(value)}\n") == {"k": value}
    assert "\n" not in comment_text(value) and "\u2028" not in comment_text(value)


def test_log_note_with_yaml_syntax_reads_back(run_cli: RunCli, deals_repo: Path) -> None:
    shutil.copy(ACME, deals_repo / "acme.yaml")
    note = "Megan: \"yes\" # attended, {x: [1]} & *ref"
    run = run_cli("log", "acme.yaml", "kickoff", "--at", "2026-11-20T10:00:00+00:00", "--force", "--note", note)
    assert run.exit_code == 0, run.stderr
    events = YAML(typ="safe").load((deals_repo / "acme.yaml").read_text(encoding="utf-8"))["handoff"]["events"]
    assert events[-1]["note"] == note


def test_log_note_with_a_line_break_writes_nothing(run_cli: RunCli, deals_repo: Path) -> None:
    shutil.copy(ACME, deals_repo / "acme.yaml")
    run = run_cli("log", "acme.yaml", "kickoff", "--at", "2026-11-20T10:00:00+00:00", "--force", "--note", "a\nBcc: b")
    assert run.exit_code == 1 and "a line break (U+000A) is not allowed here" in run.stderr
    assert (deals_repo / "acme.yaml").read_bytes() == ACME.read_bytes()


def test_markdown_report_cells_show_text_as_text(run_cli: RunCli, deals_repo: Path) -> None:
    _acme_with(deals_repo, "{name: Jess Moreno,", '{name: "<script>alert(1)</script> | `x`",')
    run = run_cli("report", "acme.yaml", "--as-of", AS_OF, "--format", "md")
    assert run.exit_code == 0, run.stderr
    header = next(line for line in run.stdout.splitlines() if line.startswith("| metric | &lt;script"))
    assert header == "| metric | &lt;script&gt;alert(1)&lt;/script&gt; \\| \\`x\\` |"
    assert "<script>" not in run.stdout


def test_markdown_cell_breaks_stay_in_the_cell() -> None:
    assert _cell("a\r\nb\nc\u2028d") == "a<br>b<br>c<br>d"
    assert _cell("plain text") == "plain text"
