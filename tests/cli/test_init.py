"""`handoff init`, --version, --help and the error boundary (schema and rules have files of their own)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handoff_cli import __version__
from handoff_cli.dossier.reader import load_text
from tests.conftest import AS_OF, RunCli


def test_init_writes_a_commented_dossier_that_loads(run_cli: RunCli, deals_repo: Path) -> None:
    run = run_cli("init", "deals/acme.yaml", "--account", "Acme Corp", "--segment", "mid-market")
    assert (run.exit_code, run.stdout) == (
        0,
        "wrote deals/acme.yaml; next: fill it in, then run `handoff validate deals/acme.yaml`\n",
    )
    text = (deals_repo / "deals" / "acme.yaml").read_text()
    assert text.count("\n# ") >= 8  # every category carries a comment saying what belongs there
    for section in (
        "deal:",
        "customer:",
        "stakeholders:",
        "goals:",
        "commitments:",
        "technical:",
        "implementation:",
        "risks:",
        "handoff:",
    ):
        assert f"\n{section}" in text
    check = run_cli("validate", "deals/acme.yaml", "--as-of", AS_OF)
    # a new dossier is pre-close: incomplete is allowed, so every gap warns and nothing blocks yet
    assert check.exit_code == 0
    assert " HS201 champion-named: no stakeholder has role champion" in check.stdout
    assert " HV" not in check.stdout and " HY" not in check.stdout and " HG001 " not in check.stdout
    assert check.stdout.splitlines()[-1].startswith("deals/acme.yaml: ok · ")


@pytest.mark.parametrize(
    ("kind", "key", "finding"),
    [
        ("expansion", "scope", "warning: HS408 expansion-scope: an expansion's new scope is not stated"),
        ("renewal", "terms", "warning: HS409 renewal-terms: a renewal's terms are not stated"),
    ],
)
def test_init_of_a_kind_leaves_the_line_its_own_rule_asks_for(
    kind: str, key: str, finding: str, run_cli: RunCli, deals_repo: Path
) -> None:
    assert run_cli("init", "d.yaml", "--account", "Acme", "--segment", "mid-market", "--kind", kind).exit_code == 0
    lines = (deals_repo / "d.yaml").read_text().splitlines()
    at = next(i for i, line in enumerate(lines, 1) if line.startswith(f"  {key}:"))
    check = run_cli("validate", "d.yaml", "--as-of", AS_OF).stdout
    assert f"d.yaml:{at}:3: {finding}" in check  # the gap points at the line left for it


def test_init_of_a_new_deal_has_neither_scope_nor_terms(run_cli: RunCli, deals_repo: Path) -> None:
    assert run_cli("init", "d.yaml", "--account", "Acme", "--segment", "mid-market").exit_code == 0
    text = (deals_repo / "d.yaml").read_text()
    assert "\n  scope:" not in text and "\n  terms:" not in text


def test_init_values_are_yaml_safe(run_cli: RunCli, deals_repo: Path) -> None:
    run_cli(
        "init",
        "no.yaml",
        "--account",
        'NO: "Norway" #1',
        "--segment",
        "smb",
        "--id",
        "0123",
        "--rep",
        "Noa Peretz",
        "--rep-email",
        "noa@relay.example",
    )
    loaded, found = load_text((deals_repo / "no.yaml").read_text(), "no.yaml", max_depth=16)
    assert found == [] and loaded is not None
    deal = loaded.data["deal"]
    assert (deal["id"], deal["account"], deal["sales_rep"]["email"]) == ("0123", 'NO: "Norway" #1', "noa@relay.example")


def test_init_refuses_to_overwrite(run_cli: RunCli, deals_repo: Path) -> None:
    target = deals_repo / "acme.yaml"
    target.write_text("# hand-written\n")
    run = run_cli("init", "acme.yaml", "--account", "Acme", "--segment", "smb")
    assert (run.exit_code, run.stderr) == (
        2,
        "handoff: error: acme.yaml: already exists; pass --force to overwrite it\n",
    )
    assert target.read_text() == "# hand-written\n"
    assert run_cli("init", "acme.yaml", "--account", "Acme", "--segment", "smb", "--force").exit_code == 0
    assert "Acme" in target.read_text()
    assert [p.name for p in deals_repo.iterdir() if p.name.endswith(".tmp")] == []


def test_init_rejects_unknown_segment(run_cli: RunCli, deals_repo: Path) -> None:
    run = run_cli("init", "x.yaml", "--account", "X", "--segment", "huge")
    assert run.exit_code == 2 and not (deals_repo / "x.yaml").exists()






def test_version(run_cli: RunCli) -> None:
    assert run_cli("--version").stdout == f"handoff {__version__}\n"


@pytest.mark.parametrize("command", ["validate", "score", "rules", "init", "schema"])
def test_every_command_help_has_an_example(command: str, run_cli: RunCli) -> None:
    run = run_cli(command, "--help")
    assert run.exit_code == 0 and "Example" in run.stdout and f"handoff {command}" in run.stdout


def test_module_entry_point_and_clean_usage_error() -> None:
    ok = subprocess.run([sys.executable, "-m", "handoff_cli", "--version"], capture_output=True, text=True)
    assert (ok.returncode, ok.stdout) == (0, f"handoff {__version__}\n")
    bad = subprocess.run(
        [sys.executable, "-m", "handoff_cli", "validate", "--format", "xml"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_a_bug_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from handoff_cli import cli

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "command", lambda: boom)
    monkeypatch.delenv("HANDOFF_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    assert (
        capsys.readouterr().err == "handoff: internal error: RuntimeError: boom (HANDOFF_DEBUG=1 shows a traceback)\n"
    )
