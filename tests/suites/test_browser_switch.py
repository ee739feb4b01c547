"""The layout tests need Chromium: without it they skip under one reason line, so the README's test
command passes on any machine with Python; with HANDOFF_REQUIRE_BROWSER set, as in CI, they fail."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.browser import MISSING, REQUIRE
from tests.conftest import ROOT

SKIP_LINE = re.compile(rf"SKIPPED \[\d+\] tests/browser\.py:\d+: {re.escape(MISSING)}")


def _browser_tests(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """tests/cli/test_report_browser.py with a PATH that holds git and nothing else."""
    folder = tmp_path / "bin"
    folder.mkdir()
    git = shutil.which("git")
    assert git is not None
    (folder / "git").symlink_to(git)
    env = {k: v for k, v in os.environ.items() if k != REQUIRE} | {"PATH": str(folder), **extra}
    options = ["-q", "-p", "no:cacheprovider"]  # and the project's addopts, as the README's command has them
    command = [sys.executable, "-m", "pytest", "tests/cli/test_report_browser.py", *options]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_without_chromium_the_layout_tests_skip_under_one_reason_line(tmp_path: Path) -> None:
    done = _browser_tests(tmp_path)
    assert done.returncode == 0, done.stdout[-3000:]
    lines = done.stdout.splitlines()
    assert [line for line in lines if line.startswith("SKIPPED")] == [
        next(line for line in lines if SKIP_LINE.fullmatch(line))
    ]
    assert re.search(r"\b\d+ skipped\b", lines[-1]) and "failed" not in lines[-1], lines[-1]


def test_ci_switch_turns_a_missing_chromium_into_a_failure(tmp_path: Path) -> None:
    done = _browser_tests(tmp_path, **{REQUIRE: "1"})
    assert done.returncode == 1, done.stdout[-3000:]
    assert f"{MISSING} and {REQUIRE} is set" in done.stdout
    assert "skipped" not in done.stdout.splitlines()[-1]
