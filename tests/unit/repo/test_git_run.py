"""The one git runner: bytes out, None when git fails, and one line saying what needs git when it is missing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from handoff_cli.repo.git_run import GitError, git, git_stream, git_text


def test_output_is_bytes_and_a_failure_is_none(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert git(tmp_path, "rev-parse", "--is-inside-work-tree") == b"true\n"
    assert git(tmp_path, "rev-parse", "--verify", "--quiet", "no-such-branch") is None


def test_a_non_ascii_name_comes_back_as_written(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "müller.yaml").write_text("schema: 1\n", encoding="utf-8")
    assert git_text(tmp_path, "ls-files", "--others", "-z") == "müller.yaml\0"


@pytest.mark.parametrize(("needed_by", "line"), [
    ("--trend", "git is not installed; --trend needs it"),
    ("", "git is not installed"),
])  # fmt: skip
def test_without_git_the_line_says_what_needs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, needed_by: str,
                                                 line: str) -> None:  # fmt: skip
    monkeypatch.setenv("PATH", str(tmp_path))  # a folder with no git in it
    with pytest.raises(GitError) as raised:
        git(tmp_path, "status", needed_by=needed_by)
    assert str(raised.value) == line


def test_without_git_a_caller_that_can_do_without_it_gets_none(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("PATH", str(tmp_path))
    assert git(tmp_path, "log", needed_by=None) is None


def test_a_git_that_cannot_be_run_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "git").write_text("#!/bin/sh\n", encoding="utf-8")  # there, but not executable
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GitError) as raised:
        git(tmp_path, "status", needed_by="--trend")
    assert str(raised.value) == "git cannot be run: Permission denied; --trend needs it"
    assert git(tmp_path, "status", needed_by=None) is None


def test_a_stream_is_read_while_git_runs_and_git_ends_with_it(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "a.yaml").write_text("schema: 1\n", encoding="utf-8")
    blob = subprocess.run(["git", "hash-object", "-w", "a.yaml"], cwd=tmp_path, capture_output=True, check=True,
                          text=True).stdout.strip()  # fmt: skip
    asked = tmp_path / "asked"
    asked.write_bytes(f"{blob}\n".encode("ascii"))
    with asked.open("rb") as stdin, git_stream(tmp_path, "cat-file", "--batch", stdin=stdin) as out:
        assert out is not None
        assert out.readline() == f"{blob} blob 10\n".encode("ascii")
        assert out.read(10) == b"schema: 1\n"


def test_without_git_a_stream_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with (tmp_path / "asked").open("wb+") as stdin, git_stream(tmp_path, "cat-file", "--batch", stdin=stdin) as out:
        assert out is None
