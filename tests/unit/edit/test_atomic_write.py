"""Files written whole or not at all: a new file only with --force over an old one, the mode kept, no temporary
file left beside it, and what a killed writer left removed by the next write."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from handoff_cli.core.errors import WriteError
from handoff_cli.edit.atomic_write import atomic_write, leftovers, write_new


def test_a_new_file_is_created_in_a_new_folder(tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.md"
    write_new(target, "# Plan\n", repo=tmp_path)
    assert target.read_text("utf-8") == "# Plan\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.md"]


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old\n", "utf-8")
    with pytest.raises(WriteError) as raised:
        write_new(target, "new\n", repo=tmp_path)
    assert str(raised.value) == f"{target}: already exists; pass --force to overwrite it"
    assert target.read_text("utf-8") == "old\n"
    write_new(target, "new\n", repo=tmp_path, force=True)
    assert target.read_text("utf-8") == "new\n"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "deal.yaml"
    target.write_text("old\n", "utf-8")
    target.chmod(0o640)
    atomic_write(target, "new\n", repo=tmp_path)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_mode_open_would_give_it(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "deal.yaml", "new\n", repo=tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "deal.yaml").stat().st_mode) == 0o640


def test_text_is_written_as_utf_8_bytes_exactly(tmp_path: Path) -> None:
    atomic_write(tmp_path / "deal.yaml", "a: Zoë\r\nb: 1\n", repo=tmp_path)
    assert (tmp_path / "deal.yaml").read_bytes() == "a: Zoë\r\nb: 1\n".encode()


def test_what_a_killed_writer_left_goes_with_the_next_write_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "deal.yaml"
    stale = tmp_path / ".deal.yaml.ab12cd34.tmp"
    stale.write_text("half", "utf-8")
    other = tmp_path / ".other.yaml.ab12cd34.tmp"  # another file's: not ours to remove here
    other.write_text("half", "utf-8")
    unlike = tmp_path / ".deal.yaml.short.tmp"  # not the exact pattern: a user's file
    unlike.write_text("mine", "utf-8")
    assert leftovers(target) == [stale]
    atomic_write(target, "new\n", repo=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".deal.yaml.short.tmp", ".other.yaml.ab12cd34.tmp",
                                                          "deal.yaml"]  # fmt: skip


def test_a_folder_where_the_file_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "deal.yaml").mkdir()
    with pytest.raises(WriteError, match=r"is not a regular file; nothing was written$"):
        atomic_write(tmp_path / "deal.yaml", "new\n", repo=tmp_path)
