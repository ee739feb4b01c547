"""The tests are a map of the house: every test file sits where its name says what it tests.

- `tests/cli/test_<command>.py`, or `test_<command>_<aspect>.py` when a command has more than one file:
  one command, driven as a user drives it (`<command>` is a name in `cli.COMMANDS` or its module's);
- `tests/unit/<package>/test_<module>.py` (or `..._<aspect>.py`): one module of `handoff_cli/<package>/`,
  and `tests/unit/test_<module>.py` for a module at the package's root (`settings.py`);
- `tests/rules/`: the rule contract (documented examples, segments, the registry);
- `tests/domain/`: one idea of the handoff (deal kinds, regions, surveys, ...) followed across commands;
- `tests/suites/`: a promise of the whole tool over every command (bad input, safety, layers, ...).

`tests/` itself holds only the helpers the tests import by path, and no test; and every command is run by
at least one test under `tests/cli/`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handoff_cli.cli import COMMANDS
from tests.conftest import ROOT

TESTS = ROOT / "tests"
PACKAGE = ROOT / "handoff_cli"
HELPERS = {"__init__.py", "conftest.py", "builders.py", "gitrepo.py", "browser.py", "calibration.py", "english_left.py"}
FREE = {"rules", "domain", "suites"}
COMMAND_NAMES = sorted({*COMMANDS, *(module for module, _ in COMMANDS.values())})


def _fits_name(stem: str, names: list[str]) -> bool:
    """`test_<name>` or `test_<name>_<aspect>` for one of `names`."""
    return any(stem == f"test_{name}" or stem.startswith(f"test_{name}_") for name in names)


def _modules(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.py") if path.stem != "__init__")


def _packages() -> list[str]:
    return sorted(path.parent.name for path in PACKAGE.glob("*/__init__.py"))


def fits(relative: Path) -> bool:
    """Whether a test file at `relative` (under tests/) is where the map puts it."""
    parts, stem = relative.parts, relative.stem
    if len(parts) == 2 and parts[0] in FREE:
        return True
    if len(parts) == 2 and parts[0] == "cli":
        return _fits_name(stem, COMMAND_NAMES)
    if len(parts) == 2 and parts[0] == "unit":
        return _fits_name(stem, _modules(PACKAGE))
    if len(parts) == 3 and parts[0] == "unit" and parts[1] in _packages():
        return _fits_name(stem, _modules(PACKAGE / parts[1]))
    return False


def where(relative: Path) -> str:
    """Where a misplaced test file belongs, as far as its name tells; else the whole map, to choose from."""
    name = relative.stem.removeprefix("test_").removeprefix("cli_")
    for command in COMMAND_NAMES:
        if name == command or name.startswith(f"{command}_"):
            return f"tests/cli/test_{name}.py (it names the command `{command}`)"
    for package in _packages():
        for module in _modules(PACKAGE / package):
            if name == module or name.startswith(f"{module}_"):
                return f"tests/unit/{package}/test_{name}.py (it names the module {package}/{module}.py)"
    return (
        "tests/cli/test_<command>[_<aspect>].py for one command, tests/unit/<package>/test_<module>.py for one "
        "module, tests/domain/ for one idea of the handoff across commands, tests/suites/ for a promise of the "
        "whole tool (see docs/development.md, Tests)"
    )


def _test_files() -> list[Path]:
    return sorted(path.relative_to(TESTS) for path in TESTS.rglob("test_*.py"))


def test_every_test_file_fits_the_map() -> None:
    misplaced = [f"tests/{path} belongs in {where(path)}" for path in _test_files() if not fits(path)]
    assert not misplaced, "\n".join(misplaced)


def test_the_root_of_tests_holds_helpers_only() -> None:
    # a test file there is told where it goes by the test above
    extra = sorted(path.name for path in TESTS.glob("*.py") if path.name not in HELPERS and path.stem[:5] != "test_")
    assert not extra, f"{extra}: a new helper the tests import by path is named in HELPERS here"


def test_every_command_is_run_by_a_test_under_tests_cli() -> None:
    texts = "\n".join(path.read_text("utf-8") for path in (TESTS / "cli").glob("test_*.py"))
    untested = [command for command in COMMANDS if not re.search(rf'run_cli\(\s*"{command}"', texts)]
    assert not untested, [f"`handoff {name}` is run by no test: add tests/cli/test_{name}.py" for name in untested]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("cli/test_log.py", True),
        ("cli/test_log_outcomes.py", True),
        ("cli/test_import_crm.py", True),
        ("cli/test_logs.py", False),
        ("cli/test_frobnicate.py", False),
        ("unit/edit/test_rewrite.py", True),
        ("unit/edit/test_rewrite_refusals.py", True),
        ("unit/edit/test_no_such_module.py", False),
        ("unit/nowhere/test_rewrite.py", False),
        ("unit/test_settings.py", True),
        ("suites/test_anything.py", True),
        ("test_cli_log.py", False),
        ("cli/deeper/test_log.py", False),
    ],
)
def test_the_map_tells_a_fitting_file_from_a_misplaced_one(path: str, expected: bool) -> None:
    assert fits(Path(path)) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("test_cli_log_outcomes.py", "tests/cli/test_log_outcomes.py (it names the command `log`)"),
        ("test_report_pipeline.py", "tests/cli/test_report_pipeline.py (it names the command `report`)"),
        ("test_rewrite.py", "tests/unit/edit/test_rewrite.py (it names the module edit/rewrite.py)"),
    ],
)
def test_a_misplaced_file_is_told_where_it_belongs(path: str, expected: str) -> None:
    assert where(Path(path)) == expected


def test_a_file_the_name_cannot_place_is_shown_the_whole_map() -> None:
    assert where(Path("test_unicode_everywhere.py")).startswith("tests/cli/test_<command>[_<aspect>].py for one")
