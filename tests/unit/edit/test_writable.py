"""What every writer checks before a byte: a link out of the repo, a read-only file or folder (even for root),
a name too long, something that is not a file; each a one-line refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_cli.core.errors import WriteError
from handoff_cli.edit.writable import refuse_unwritable


def refusal(path: Path, repo: Path) -> str:
    with pytest.raises(WriteError) as raised:
        refuse_unwritable(path, repo)
    return raised.value.message


def test_a_plain_file_or_a_new_one_in_a_new_folder_may_be_written(tmp_path: Path) -> None:
    (tmp_path / "deal.yaml").write_text("a: 1\n", "utf-8")
    refuse_unwritable(tmp_path / "deal.yaml", tmp_path)
    refuse_unwritable(tmp_path / "out" / "deeper" / "plan.md", tmp_path)


def test_a_read_only_file_is_refused_whoever_runs_handoff(tmp_path: Path) -> None:
    frozen = tmp_path / "deal.yaml"
    frozen.write_text("a: 1\n", "utf-8")
    frozen.chmod(0o444)
    assert refusal(frozen, tmp_path) == "is read-only; nothing was written"


def test_a_new_file_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert refusal(folder / "plan.md", tmp_path) == f"the folder {folder} is read-only; nothing was written"
    finally:
        folder.chmod(0o755)


def test_a_folder_linked_out_of_the_repo_is_refused(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (repo / "out").symlink_to(outside)
    assert refusal(repo / "out" / "plan.md", repo) == (
        f"{repo / 'out'} is a symbolic link to outside the repository; refusing to write through it"
    )


def test_a_folder_outside_the_repo_is_where_the_user_asked_to_write(tmp_path: Path) -> None:
    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    repo.mkdir()
    (tmp_path / "real").mkdir()
    elsewhere.symlink_to(tmp_path / "real")
    refuse_unwritable(elsewhere / "plan.md", repo)


def test_a_link_inside_the_repo_to_inside_it_is_followed(tmp_path: Path) -> None:
    (tmp_path / "deals").mkdir()
    (tmp_path / "current").symlink_to(tmp_path / "deals")
    refuse_unwritable(tmp_path / "current" / "deal.yaml", tmp_path)


def test_a_symbolic_link_as_the_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("a: 1\n", "utf-8")
    (tmp_path / "deal.yaml").symlink_to(tmp_path / "real.yaml")
    assert refusal(tmp_path / "deal.yaml", tmp_path) == "is a symbolic link; refusing to write through it"


def test_a_name_longer_than_the_file_system_allows_is_refused_first(tmp_path: Path) -> None:
    name = "é" * 200 + ".yaml"  # 405 bytes in UTF-8
    assert refusal(tmp_path / name, tmp_path) == "the file name is 405 bytes, over the 255 the file system allows"
