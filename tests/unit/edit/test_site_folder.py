"""edit/site_folder.py: a site replaces the one before it whole, and its folder is never missing on the way."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff_cli.edit import site_folder
from handoff_cli.edit.site_folder import MARKER, write_site


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    write_site(folder, [("index.html", "old\n"), ("deals/a.html", "a\n")], repo=tmp_path, force=False)
    return folder


def test_on_linux_the_new_site_takes_the_old_ones_place_in_one_step(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_rename(*args: object) -> None:
        raise AssertionError("the folder was moved aside: for a moment there was no site")

    monkeypatch.setattr(os, "rename", no_rename)
    write_site(site, [("index.html", "new\n")], repo=tmp_path, force=False)
    assert _tree(site) == {"index.html": "new\n", MARKER: _tree(site)[MARKER]}
    assert sorted(os.listdir(tmp_path)) == ["site"]  # the old site is gone, and no staging folder is left


def test_without_the_exchange_the_old_site_is_moved_aside_first(site: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(site_folder, "_renameat2", lambda: None)
    write_site(site, [("index.html", "new\n")], repo=tmp_path, force=False)
    assert _tree(site)["index.html"] == "new\n" and "deals/a.html" not in _tree(site)
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_a_file_system_that_cannot_exchange_falls_back(site: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import ctypes
    import errno

    def refuses(*args: object) -> int:
        ctypes.set_errno(errno.EINVAL)
        return -1

    monkeypatch.setattr(site_folder, "_renameat2", lambda: refuses)
    write_site(site, [("index.html", "new\n")], repo=tmp_path, force=False)
    assert _tree(site)["index.html"] == "new\n"
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_each_page_is_on_disk_before_the_next_is_made(tmp_path: Path) -> None:
    def pages() -> Iterator[tuple[str, str]]:
        for n in range(3):
            staged = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            assert len(staged) == 1 and len(list(staged[0].rglob("*.html"))) == n  # the ones before are written
            yield f"deals/{n}.html", f"{n}\n"

    assert write_site(tmp_path / "site", pages(), repo=tmp_path, force=False) == 3
    assert sorted(_tree(tmp_path / "site")) == [MARKER, "deals/0.html", "deals/1.html", "deals/2.html"]
