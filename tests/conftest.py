"""Shared fixtures: run the CLI in-process, a fixed 'now', the shipped examples, a real git repo of deals."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from typer.testing import CliRunner

from handoff_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "cases"
GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = "2026-11-23T12:00:00+00:00"


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


RunCli = Callable[..., Run]
T = TypeVar("T", str, bytes)


def snapshot(path: Path, actual: T) -> T:
    """The committed snapshot at `path`, to compare `actual` with; with HANDOFF_UPDATE_GOLDEN=1 it is first
    rewritten from `actual`, for every snapshot family alike (read the diff before committing it)."""
    if os.environ.get("HANDOFF_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(actual, bytes):
            path.write_bytes(actual)
        else:
            path.write_text(actual, encoding="utf-8")
    if isinstance(actual, bytes):
        return path.read_bytes()
    return path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own result cache: none reads another's, none touches the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("HANDOFF_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def run_cli() -> RunCli:
    """Invoke `handoff ARGS...` in-process; exceptions propagate so a bug fails the test loudly."""

    def run(*args: str, input: str | None = None) -> Run:
        result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def deals_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty git repo of deals as the working directory, so no settings leak in from elsewhere."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path
