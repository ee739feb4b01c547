"""What a command loads decides how long a commit hook waits: --help and --version load no command's
machinery, and a dossier unchanged since the last check is answered from the cache without the
schema, the rules or a YAML parser."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from handoff_cli import __version__
from tests.conftest import AS_OF, EXAMPLES

HEAVY = {"pydantic", "ruamel", "yaml", "jinja2", "rich", "email_validator", "holidays", "icalendar", "sqlite3"}
PROBE = """
import json, sys
from handoff_cli.cli import main
sys.argv = ["handoff", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _loaded(cwd: Path, cache: Path, *args: str) -> tuple[str, set[str]]:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"HANDOFF_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    return run.stdout, set(json.loads(run.stderr.splitlines()[-1]))


def test_importing_the_command_line_loads_no_command_machinery(tmp_path: Path) -> None:
    code = "import sys, handoff_cli.cli; print(' '.join(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    top = {name.split(".")[0] for name in run.stdout.split()}
    assert top & HEAVY == set()


def test_version_loads_no_command_machinery(tmp_path: Path) -> None:
    out, modules = _loaded(tmp_path, tmp_path, "--version")
    assert out.startswith("handoff ")
    assert {name.split(".")[0] for name in modules} & HEAVY == set()


def test_the_executable_answers_version_before_building_the_command_line() -> None:
    code = ("import sys; sys.argv = ['handoff', '--version']; from handoff_cli.entry import main; main(); "
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == f"handoff {__version__}\n"
    assert {name.split(".")[0] for name in run.stderr.split()} & {"typer", "click", "rich", *HEAVY} == set()


def test_an_unchanged_dossier_is_answered_without_the_model_or_a_yaml_parser(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "smb-brightleaf.yaml", tmp_path / "deal.yaml")
    first, modules = _loaded(tmp_path, tmp_path, "validate", "deal.yaml", "--as-of", AS_OF)
    assert "handoff_cli.model" in modules and "yaml" in modules  # the first check reads the file
    again, modules = _loaded(tmp_path, tmp_path, "validate", "deal.yaml", "--as-of", AS_OF)
    assert again == first == "deal.yaml: ok · 100% complete (min 95) · 0 errors, 0 warnings\n"
    for heavy in ("handoff_cli.model", "handoff_cli.rules", "yaml", "ruamel", "jinja2", "email_validator"):
        assert heavy not in modules, heavy
