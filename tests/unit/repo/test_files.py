"""Which files a folder holds for a run: dossiers in path order, hidden folders never entered."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_cli.core.errors import InputError
from handoff_cli.repo.files import expand, expand_names

LAYOUT = ["a/b.yaml", "a-b.yaml", "a/z/c.yml", "B.yaml", "notes.txt", ".hidden.yaml", ".git/x.yaml", "a/.drafts/y.yaml"]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in LAYOUT:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("schema: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_gives_its_dossiers_in_path_order(repo: Path) -> None:
    assert expand_names([Path(".")]) == ["B.yaml", "a/b.yaml", "a/z/c.yml", "a-b.yaml"]
    assert expand_names([repo]) == [f"{repo}/{n}" for n in ["B.yaml", "a/b.yaml", "a/z/c.yml", "a-b.yaml"]]
    assert expand([Path("a")]) == sorted(p for p in Path("a").rglob("*.y*ml") if ".drafts" not in p.parts)


def test_files_keep_their_order_and_repeats_are_dropped(repo: Path) -> None:
    assert expand_names([Path("a-b.yaml"), Path("a"), Path("a/b.yaml")]) == ["a-b.yaml", "a/b.yaml", "a/z/c.yml"]


def test_a_missing_path_or_an_empty_folder_is_refused(repo: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        expand_names([Path("nope.yaml")])
    (repo / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \*\.yaml or \*\.yml files in this folder"):
        expand_names([Path("empty")])
