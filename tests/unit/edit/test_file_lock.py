"""One writer at a time per file: the lock is the file's own (no lock file), a second writer is told in one
line, and a file that is not there yet is locked through its folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_cli.core.errors import WriteError
from handoff_cli.edit.file_lock import locked


def test_a_second_writer_of_a_locked_file_is_refused_with_the_wait_it_gave(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text("a: 1\n", "utf-8")
    with locked(deal), pytest.raises(WriteError) as raised, locked(deal, wait=0):
        pass
    assert str(raised.value) == (
        f"{deal}: another handoff command has been writing this file for 0 s; nothing was written, "
        "try again when it is done (lock_wait in handoff.toml sets the wait)"
    )


def test_the_lock_is_released_when_the_block_ends_and_leaves_no_file(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text("a: 1\n", "utf-8")
    with locked(deal):
        pass
    with locked(deal, wait=0):  # free again at once
        pass
    with pytest.raises(RuntimeError), locked(deal):
        raise RuntimeError("the writer failed")
    with locked(deal, wait=0):  # released however the block ended
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.yaml"]


def test_a_file_not_there_yet_is_locked_through_its_folder(tmp_path: Path) -> None:
    new = tmp_path / "deals" / "new.yaml"  # neither exists: the nearest folder that does is locked
    with locked(new), pytest.raises(WriteError), locked(tmp_path / "other.yaml", wait=0):
        pass
    assert not (tmp_path / "deals").exists()  # locking creates nothing


def test_a_symbolic_link_is_never_locked_or_written_through(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("a: 1\n", "utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    with pytest.raises(WriteError) as raised, locked(tmp_path / "link.yaml"):
        pass
    assert raised.value.message == "is a symbolic link; refusing to write through it"
