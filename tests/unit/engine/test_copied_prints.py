"""A one-file run in a git repo compares copied text with every other dossier without reading them:
git's index names each file's content, and the fingerprints cached by that name stand in for the file."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, ROOT
from tests.gitrepo import git

# counts every file this process opens (not git's, a process of its own) below the repo, .git aside
PROBE = """
import os, sys
root = os.path.realpath(sys.argv[1])
opened = []
def watch(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path.startswith(root + os.sep) and os.sep + ".git" + os.sep not in path:
            opened.append(os.path.relpath(path, root))
sys.addaudithook(watch)
from handoff_cli.cli import main
sys.argv = ["handoff", *sys.argv[2:]]
try:
    main()
finally:
    sys.stderr.write("opened: " + " ".join(opened) + "\\n")
"""
COUNT = 101  # a first run says it indexes the others from 100 on


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated dossiers, committed."""
    folder = tmp_path_factory.mktemp("repo")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(COUNT), str(folder)], check=True)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "deals")
    return folder


def _files(repo: Path) -> list[str]:
    return sorted(str(p.relative_to(repo)) for p in (repo / "deals").iterdir())


def _validate(repo: Path, cache: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """A whole `handoff validate` process, and the files of the repo it opened, in order."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(repo), "validate", *args, "--as-of", AS_OF],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"HANDOFF_CACHE_DIR": str(cache), "PATH": os.environ["PATH"]},
        check=False,
    )
    *said, opened = done.stderr.splitlines()
    assert opened.startswith("opened:")
    done.stderr = "".join(f"{line}\n" for line in said)
    return done, opened.removeprefix("opened:").split()


def test_a_warm_one_file_run_opens_only_that_file(repo: Path, tmp_path: Path) -> None:
    one = _files(repo)[0]
    cold, _ = _validate(repo, tmp_path, one)  # the others are read by the workers of a pool, unseen here
    assert cold.stderr == f"handoff: indexing {COUNT - 1} dossiers for copied text\n"
    warm, read_warm = _validate(repo, tmp_path, one)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, "")
    assert read_warm == ["handoff.toml", one]  # the settings, and the one dossier, once


def test_the_first_run_checks_only_the_given_file(repo: Path, tmp_path: Path) -> None:
    _validate(repo, tmp_path, _files(repo)[0])
    with sqlite3.connect(tmp_path / "results.sqlite3") as db:
        counts = [db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("results", "prints")]
    assert counts == [1, COUNT]  # one check kept; every dossier's fingerprints


def test_a_dossier_changed_in_the_work_tree_is_read_and_compared(repo: Path, tmp_path: Path) -> None:
    one, other = _files(repo)[:2]
    _validate(repo, tmp_path, one)
    original = (repo / other).read_text()
    answer = "    why_now: Our carrier contract ends in March and the board wants the churn fixed before peak\n"
    try:
        for name in (one, other):  # the same answer in both: one committed, the other only edited
            # the answer and its continuation lines, if any
            (repo / name).write_text(re.sub(r"    why_now: .*\n(      .*\n)*", answer, (repo / name).read_text()))
        git(repo, "commit", "-q", "-m", "why now", "--", one)
        run, read = _validate(repo, tmp_path, one)
        assert sorted(set(read)) == sorted({"handoff.toml", one, other})  # no other dossier is read
        assert f"the same text as in {other}; write what is true of this deal\n" in run.stdout
    finally:
        (repo / other).write_text(original)
        git(repo, "checkout", "-q", "HEAD~1", "--", one)
        git(repo, "commit", "-q", "-m", "back", "--", one)


def _report(repo: Path, cache: Path) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(repo), "report", "deals", "--as-of", AS_OF, "-f", "json"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"HANDOFF_CACHE_DIR": str(cache), "PATH": os.environ["PATH"]},
        check=False,
    )
    *said, opened = done.stderr.splitlines()
    done.stderr = "".join(f"{line}\n" for line in said)
    return done, opened.removeprefix("opened:").split()


def test_report_reads_each_dossier_once_and_takes_results_from_the_validate_cache(repo: Path, tmp_path: Path) -> None:
    cold, read_cold = _report(repo, tmp_path)
    assert sorted(name for name in read_cold if name.startswith("deals/")) == _files(repo)  # each once
    with sqlite3.connect(tmp_path / "results.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] == COUNT
    warm, read_warm = _report(repo, tmp_path)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert sorted(name for name in read_warm if name.startswith("deals/")) == _files(repo)
    # validate finds the results the report kept: nothing is left to check
    one = _files(repo)[0]
    _validate(repo, tmp_path, one)
    with sqlite3.connect(tmp_path / "results.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] == COUNT
