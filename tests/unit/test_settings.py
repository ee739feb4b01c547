"""Config discovery, precedence and errors; segment policies that change what a dossier must contain."""

from __future__ import annotations

from pathlib import Path

from handoff_cli.settings import discover
from tests.conftest import AS_OF, EXAMPLES, RunCli

SMB = (EXAMPLES / "smb-brightleaf.yaml").read_text()


def test_defaults_without_a_file(deals_repo: Path) -> None:
    project = discover(deals_repo)
    assert (project.settings.min_score, project.settings.timezone, project.source) == (95.0, "UTC", None)
    assert project.root == deals_repo


def test_nearest_handoff_toml_is_found_from_a_subfolder(deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("min_score = 80\n")
    (deals_repo / "deals" / "emea").mkdir(parents=True)
    project = discover(deals_repo / "deals" / "emea")
    assert (project.settings.min_score, project.root) == (80.0, deals_repo)


def test_search_stops_at_the_git_root(deals_repo: Path) -> None:
    (deals_repo.parent / "handoff.toml").write_text("min_score = 10\n")
    try:
        assert discover(deals_repo).settings.min_score == 95.0
    finally:
        (deals_repo.parent / "handoff.toml").unlink()


def test_pyproject_tool_table(deals_repo: Path) -> None:
    (deals_repo / "pyproject.toml").write_text(
        "[project]\nname = 'deals'\n\n[tool.handoff]\ntimezone = 'Asia/Jerusalem'\n"
    )
    assert discover(deals_repo).settings.timezone == "Asia/Jerusalem"


def test_shipped_example_config_is_valid_and_at_defaults() -> None:
    from handoff_cli.settings import Settings

    # but change control: the examples were written after their deals' signatures, so their history is no deal's
    assert discover(EXAMPLES, EXAMPLES / "handoff.toml").settings == Settings(change_control=False)
    assert Settings().change_control is True


def test_unknown_setting_names_the_line_and_suggests(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("# deals repo settings\ntimezone = 'UTC'\nmin_scor = 90\n")
    (deals_repo / "d.yaml").write_text(SMB)
    run = run_cli("validate", "d.yaml")
    assert (run.exit_code, run.stdout) == (2, "")
    assert (
        run.stderr
        == "handoff: error: handoff.toml:3:1: unknown setting 'min_scor'; did you mean 'min_score'?\n"
    )


def test_ill_typed_setting(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("min_score = 'high'\n")
    run = run_cli("score", str(EXAMPLES / "smb-brightleaf.yaml"))
    assert run.exit_code == 2
    assert run.stderr.startswith("handoff: error: handoff.toml:1:1: setting 'min_score': ")  # named from here


def test_unknown_timezone_and_bad_toml(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("timezone = 'Mars/Olympus'\n")
    assert "setting 'timezone': 'Mars/Olympus': not a known time zone" in run_cli("validate", str(EXAMPLES)).stderr
    (deals_repo / "handoff.toml").write_text("min_score = \n")
    run = run_cli("validate", str(EXAMPLES))
    assert run.exit_code == 2 and "invalid TOML" in run.stderr


def test_unknown_rule_in_segment_policy(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("[segments.smb]\nskip = ['champion-name']\n")
    run = run_cli("rules")
    assert run.exit_code == 2
    assert run.stderr.endswith("skip: unknown rule 'champion-name'; did you mean 'champion-named'?\n")


def test_segment_policy_requires_skips_and_reweights(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(SMB)
    assert run_cli("validate", "d.yaml", "--as-of", AS_OF).exit_code == 0
    (deals_repo / "handoff.toml").write_text("[segments.smb]\nrequire = ['HS204']\nmin_score = 99\n")
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert " HS204 technical-evaluator-named: no stakeholder has role technical-evaluator" in run.stdout
    assert "(min 99)" in run.stdout
    (deals_repo / "handoff.toml").write_text("[weights]\nchampion-named = 50\n\n[segments.smb]\nskip = ['HS201']\n")
    doc = run_cli("rules", "--format", "json").stdout
    assert '"mode": "off"' in doc


def test_explicit_config_flag(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "strict.toml").write_text("min_score = 100\n")
    (deals_repo / "d.yaml").write_text((EXAMPLES / "strategic-globex.yaml").read_text())
    run = run_cli("validate", "d.yaml", "--config", "strict.toml", "--as-of", AS_OF)
    assert "(min 100)" in run.stdout
    missing = run_cli("validate", "d.yaml", "--config", "nope.toml")
    assert (missing.exit_code, missing.stderr) == (2, "handoff: error: nope.toml: config file not found\n")
