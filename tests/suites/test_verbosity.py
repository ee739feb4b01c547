"""--quiet and --verbose on every command: quiet drops the notes and the progress bar, verbose says which
settings and how many files a run used; stdout is the same either way."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from handoff_cli.cli import COMMANDS, command
from handoff_cli.cli.options import Verbosity, _verbosity
from handoff_cli.cli.progress import progress
from tests.conftest import AS_OF, EXAMPLES, RunCli


def _leaves(group: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    for name in group.commands if hasattr(group, "commands") else ():
        sub = group.commands[name]
        yield from _leaves(sub, f"{prefix}{name} ") if hasattr(sub, "commands") else [(f"{prefix}{name}", sub)]


def test_every_command_has_quiet_and_verbose() -> None:
    leaves = dict(_leaves(command()))
    assert {name.split()[0] for name in leaves} == set(COMMANDS)
    for name, sub in leaves.items():
        options = {opt for param in sub.params for opt in param.opts}
        assert {"--quiet", "-q", "--verbose", "-v"} <= options, name


def _committed(repo: Path) -> None:
    (repo / "acme.yaml").write_bytes((EXAMPLES / "smb-brightleaf.yaml").read_bytes())
    for step in (["add", "-A"], ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "x"]):
        subprocess.run(["git", *step], cwd=repo, check=True, capture_output=True)


def test_quiet_drops_the_note_and_keeps_the_output(run_cli: RunCli, deals_repo: Path) -> None:
    _committed(deals_repo)
    args = ("validate", "--changed", "--base", "HEAD", "--format", "json", "--as-of", AS_OF)
    normal, quiet = run_cli(*args), run_cli(*args, "--quiet")
    assert normal.stderr.startswith("handoff: no changed dossiers since HEAD")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, normal.stdout, "")


def test_verbose_names_the_settings_and_the_files(run_cli: RunCli, deals_repo: Path) -> None:
    _committed(deals_repo)
    plain = run_cli("score", "acme.yaml", "--as-of", AS_OF)
    run = run_cli("score", "acme.yaml", "--as-of", AS_OF, "-v")
    assert run.stderr == "handoff: settings: built-in defaults (no handoff.toml found)\nhandoff: checking 1 dossier\n"
    (deals_repo / "handoff.toml").write_text("min_score = 90\n", encoding="utf-8")
    again = run_cli("score", "acme.yaml", "--as-of", AS_OF, "--verbose")
    assert again.stderr.splitlines()[0] == "handoff: settings: handoff.toml"
    assert run.stdout == plain.stdout and plain.stderr == ""


def test_quiet_and_verbose_together_is_a_usage_error(run_cli: RunCli, deals_repo: Path) -> None:
    run = run_cli("sla", "-q", "-v")
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1 and "give --quiet or --verbose, not both" in run.stderr


@pytest.fixture
def quiet() -> Iterator[None]:
    _verbosity[0] = Verbosity.QUIET
    yield
    _verbosity[0] = Verbosity.NORMAL


def test_quiet_draws_no_progress_bar(quiet: None) -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with progress(25, console) as advance:
        for _ in range(25):
            advance()
    assert isinstance(console.file, io.StringIO) and console.file.getvalue() == ""
