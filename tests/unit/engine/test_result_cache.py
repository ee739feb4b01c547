"""The result cache holds verdicts taken on trust: it is read only when nobody but the user could have
written it, a damaged entry is a miss that heals, and the key changes with the code that gave the verdict."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from handoff_cli.engine import code_stamp
from tests.conftest import AS_OF, EXAMPLES, RunCli

INVALID = "bad-values.yaml"
PASSING = "smb-brightleaf.yaml"


def _forge(cache: Path, run_cli: RunCli, deals_repo: Path) -> None:
    """Make the invalid dossier's entry say what the passing one's says (as a hostile co-user could)."""
    shutil.copy(EXAMPLES / "invalid" / INVALID, deals_repo / INVALID)
    shutil.copy(EXAMPLES / PASSING, deals_repo / PASSING)
    assert run_cli("validate", INVALID, PASSING, "--as-of", AS_OF).exit_code == 1
    with sqlite3.connect(cache / "results.sqlite3") as db:
        rows = dict(db.execute("SELECT key, entry FROM results"))
        assert len(rows) == 2
        good = next(entry for entry in rows.values() if '"f":[]' in entry)
        db.execute("UPDATE results SET entry = ?", (good,))


def test_a_forged_entry_in_a_private_cache_is_served(private_cache: Path, run_cli: RunCli, deals_repo: Path) -> None:
    """The forgery works when it sits where only the user can write: what the checks below refuse is real."""
    _forge(private_cache, run_cli, deals_repo)
    assert run_cli("validate", INVALID, "--as-of", AS_OF).exit_code == 0


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_cache_others_can_write_is_not_used(
    private_cache: Path, run_cli: RunCli, deals_repo: Path, what: str
) -> None:
    _forge(private_cache, run_cli, deals_repo)
    target = private_cache if what == "folder" else private_cache / "results.sqlite3"
    os.chmod(target, 0o1777 if what == "folder" else 0o666)
    run = run_cli("validate", INVALID, "--as-of", AS_OF)
    assert run.exit_code == 1 and "HV005 invalid-number" in run.stdout
    mode = "1777" if what == "folder" else "666"
    assert run.stderr == (
        f"handoff: warning: the result cache {what} {target} is writable by others (mode {mode}; chmod go-w it); "
        "checking without the result cache\n"
    )


def test_a_cache_of_another_user_is_not_used(private_cache: Path, run_cli: RunCli, deals_repo: Path) -> None:
    _forge(private_cache, run_cli, deals_repo)
    os.chown(private_cache / "results.sqlite3", os.geteuid() + 1, -1)  # the tests run as root in CI
    run = run_cli("validate", INVALID, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert run.stderr.startswith(f"handoff: warning: the result cache file {private_cache}/results.sqlite3 belongs ")


def test_a_symlinked_cache_file_is_not_followed(private_cache: Path, run_cli: RunCli, deals_repo: Path) -> None:
    _forge(private_cache, run_cli, deals_repo)
    (private_cache / "results.sqlite3").rename(private_cache.parent / "elsewhere.sqlite3")
    (private_cache / "results.sqlite3").symlink_to(private_cache.parent / "elsewhere.sqlite3")
    run = run_cli("validate", INVALID, "--as-of", AS_OF)
    assert run.exit_code == 1 and "is not a regular file" in run.stderr


def test_a_new_cache_is_private(
    private_cache: Path, run_cli: RunCli, deals_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = private_cache / "new"
    monkeypatch.setenv("HANDOFF_CACHE_DIR", str(folder))
    shutil.copy(EXAMPLES / PASSING, deals_repo / PASSING)
    old = os.umask(0)
    try:
        assert run_cli("validate", PASSING, "--as-of", AS_OF).exit_code == 0
    finally:
        os.umask(old)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct((folder / "results.sqlite3").stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    "damage",
    [
        "{",
        "[]",
        '{"f": 1}',
        "null",
        b"\x00\x01",
        42,
        '{"f":[["HV005"]],"s":null,"m":0,"i":[null,null,null],"w":[],"p":[],"t":[null,null]}',
        '{"f":[],"s":[["customer","x",1]],"m":95,"i":["a","smb","signed"],"w":[],"p":[],"t":[null,null]}',
    ],
    ids=["bad-json", "list", "wrong-field", "null", "blob", "integer", "short-finding", "text-score"],
)
def test_a_damaged_entry_is_a_miss_and_is_written_again(
    private_cache: Path, run_cli: RunCli, deals_repo: Path, damage: object
) -> None:
    shutil.copy(EXAMPLES / "invalid" / INVALID, deals_repo / INVALID)
    fresh = run_cli("validate", INVALID, "--as-of", AS_OF, "--no-cache")
    assert run_cli("validate", INVALID, "--as-of", AS_OF).stdout == fresh.stdout
    with sqlite3.connect(private_cache / "results.sqlite3") as db:
        ((key, entry),) = db.execute("SELECT key, entry FROM results")
        db.execute("UPDATE results SET entry = ?", (damage,))
    again = run_cli("validate", INVALID, "--as-of", AS_OF)
    assert (again.exit_code, again.stdout, again.stderr) == (fresh.exit_code, fresh.stdout, "")
    with sqlite3.connect(private_cache / "results.sqlite3") as db:
        assert list(db.execute("SELECT key, entry FROM results")) == [(key, entry)]


def test_an_edit_that_keeps_size_and_time_changes_the_stamp(tmp_path: Path) -> None:
    module = tmp_path / "rules.py"
    module.write_text("LIMIT = 95\n")
    before = code_stamp.source_hash(str(tmp_path))
    info = module.stat()
    module.write_text("LIMIT = 15\n")
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert module.stat().st_size == info.st_size and module.stat().st_mtime_ns == info.st_mtime_ns
    assert code_stamp.source_hash(str(tmp_path)) != before


@pytest.mark.parametrize("package", code_stamp.SHAPING)
def test_an_upgrade_of_a_package_that_shapes_verdicts_changes_the_stamp(
    package: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = code_stamp.code_stamp()
    found = code_stamp._dist_infos()
    key = code_stamp._normal(package)
    assert key in found, package  # installed: the stamp reads its real version
    upgraded = {**found, key: (found[key][0], found[key][1] + ".1")}
    monkeypatch.setattr(code_stamp, "_dist_infos", lambda: upgraded)
    code_stamp.code_stamp.cache_clear()  # memoised for one command's life; this is another install
    try:
        assert code_stamp.code_stamp() != before
    finally:
        code_stamp.code_stamp.cache_clear()


def test_an_installed_wheel_is_stamped_from_its_record(tmp_path: Path) -> None:
    package = tmp_path / "handoff_cli"
    package.mkdir()
    (package / "__init__.py").write_text("")
    record = tmp_path / "handoff_dossier-9.dist-info"
    record.mkdir()
    (record / "RECORD").write_text("handoff_cli/__init__.py,sha256=AAAA,0\nhandoff_cli/x.j2,sha256=BBBB,1\n")
    dist = (str(record), "9")
    assert code_stamp._recorded(str(package), dist) == b"handoff_cli/__init__.py:sha256=AAAA"
    (record / "RECORD").write_text("handoff_cli/__init__.py,sha256=CCCC,0\n")
    assert code_stamp._recorded(str(package), dist) == b"handoff_cli/__init__.py:sha256=CCCC"
    assert code_stamp._recorded(str(package), (str(tmp_path / "elsewhere" / "h-9.dist-info"), "9")) is None
