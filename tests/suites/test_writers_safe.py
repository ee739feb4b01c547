"""Writers leave nothing behind when killed, never write through a link out of the repo, check every target
of an import before the first, and honour read-only files and folders even as root (CI runs as root)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, ROOT, RunCli

AT = "2026-11-06T10:00:00+00:00"
# dies as a kill would at one moment of a write: the process ends there, nothing is cleaned up
CRASH = """
import os, sys
from handoff_cli.cli import main
point = sys.argv.pop(1)
real = getattr(os, point)
def die(*args, **kwargs):
    if point == "replace" or args and isinstance(args[0], int):
        os._exit(9)
    return real(*args, **kwargs)
setattr(os, point, die)
sys.argv[0] = "handoff"
main()
"""


def _crash_at(point: str, cwd: Path, *args: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", CRASH, point, *args], cwd=cwd, env=env, check=False).returncode


def _dossier(deals_repo: Path) -> Path:
    path = deals_repo / "acme.yaml"
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", path)
    return path


def _beside(path: Path) -> list[str]:
    return sorted(name for name in os.listdir(path.parent) if name != ".git")


def test_a_writer_killed_while_writing_leaves_no_copy(deals_repo: Path) -> None:
    path = _dossier(deals_repo)
    before = path.read_bytes()
    assert _crash_at("fsync", deals_repo, "log", "acme.yaml", "kickoff", "--at", AT, "--force") == 9
    assert path.read_bytes() == before
    assert _beside(path) == ["acme.yaml"]


def test_a_new_file_killed_before_it_is_named_leaves_nothing(deals_repo: Path) -> None:
    _dossier(deals_repo)
    assert _crash_at("fsync", deals_repo, "render", "plan", "acme.yaml", "--out", "plan.md") == 9
    assert _beside(deals_repo / "acme.yaml") == ["acme.yaml"]


def test_what_a_kill_between_link_and_rename_leaves_goes_with_the_next_write(run_cli: RunCli, deals_repo: Path) -> None:
    path = _dossier(deals_repo)
    before = path.read_bytes()
    assert _crash_at("replace", deals_repo, "log", "acme.yaml", "kickoff", "--at", AT, "--force") == 9
    assert path.read_bytes() == before
    left = [name for name in _beside(path) if name != "acme.yaml"]
    assert len(left) == 1 and left[0].startswith(".acme.yaml.") and left[0].endswith(".tmp")
    (deals_repo / ".other.yaml.abcd1234.tmp").write_text("not ours to remove: another file's")
    (deals_repo / ".acme.yaml.notours.tmp").write_text("not the pattern")
    assert run_cli("log", "acme.yaml", "kickoff", "--at", AT, "--force").exit_code == 0
    assert _beside(path) == [".acme.yaml.notours.tmp", ".other.yaml.abcd1234.tmp", "acme.yaml"]


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("outside")


def test_out_through_a_folder_linked_out_of_the_repo_is_refused(
    run_cli: RunCli, deals_repo: Path, outside: Path
) -> None:
    _dossier(deals_repo)
    (deals_repo / "linkdir").symlink_to(outside, target_is_directory=True)
    for args in (["render", "plan", "acme.yaml"], ["report", "acme.yaml", "--as-of", AS_OF, "--format", "md"]):
        run = run_cli(*args, "--out", "linkdir/x.md")
        assert (run.exit_code, run.stderr) == (
            2,
            "handoff: error: linkdir/x.md: linkdir is a symbolic link to outside the repository; "
            "refusing to write through it\n",
        )
    assert list(outside.iterdir()) == []


def test_a_link_that_stays_inside_the_repo_is_written_through(run_cli: RunCli, deals_repo: Path) -> None:
    _dossier(deals_repo)
    (deals_repo / "docs").mkdir()
    (deals_repo / "linkdir").symlink_to("docs", target_is_directory=True)
    assert run_cli("render", "plan", "acme.yaml", "--out", "linkdir/plan.md").exit_code == 0
    assert (deals_repo / "docs" / "plan.md").is_file()


def test_templates_copy_into_a_templates_folder_linked_out_of_the_repo_is_refused(
    run_cli: RunCli, deals_repo: Path, outside: Path
) -> None:
    (deals_repo / "templates").symlink_to(outside, target_is_directory=True)
    run = run_cli("templates", "copy", "intro_email.txt.j2")
    assert run.exit_code == 2
    assert run.stderr == (
        f"handoff: error: {deals_repo}/templates/intro_email.txt.j2: {deals_repo}/templates is a symbolic link to "
        "outside the repository; refusing to write through it\n"
    )
    assert list(outside.iterdir()) == []


def _csv(deals_repo: Path, second_account: str) -> Path:
    """The HubSpot sample's first two deals, the second one's company renamed."""
    with (EXAMPLES / "crm" / "hubspot-deals.csv").open(encoding="utf-8", newline="") as sample:
        header, first, second, *_ = csv.reader(sample)
    second = [second_account if cell == "Brightleaf Plants B.V." else cell for cell in second]
    path = deals_repo / "won.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, first, second])
    return path


def test_import_checks_every_target_before_writing_the_first(run_cli: RunCli, deals_repo: Path) -> None:
    _csv(deals_repo, "Brightleaf " * 30)
    run = run_cli("import", "crm", "won.csv", "--map", "hubspot", "--out", "deals")
    slug = "-".join(["brightleaf"] * 30)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"handoff: error: deals/{slug}.yaml: the file name is 334 bytes, over the 255 the file system allows\n"
    )
    assert not (deals_repo / "deals").exists() or list((deals_repo / "deals").iterdir()) == []


def test_import_into_a_read_only_folder_writes_nothing(run_cli: RunCli, deals_repo: Path) -> None:
    _csv(deals_repo, "Brightleaf Plants B.V.")
    (deals_repo / "deals").mkdir(mode=0o555)
    run = run_cli("import", "crm", "won.csv", "--map", "hubspot", "--out", "deals")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("handoff: error: deals/acme-outdoor-supply.yaml: the folder ")
    assert run.stderr.endswith(" is read-only; nothing was written\n")
    assert list((deals_repo / "deals").iterdir()) == []


def test_a_read_only_dossier_is_refused_whoever_runs(run_cli: RunCli, deals_repo: Path) -> None:
    path = _dossier(deals_repo)
    before = path.read_bytes()
    path.chmod(0o444)
    for args in (
        ["log", "acme.yaml", "kickoff", "--at", AT, "--force"],
        ["accept", "acme.yaml", "--by", "k@x.example"],
    ):
        run = run_cli(*args)
        assert (run.exit_code, run.stderr) == (2, "handoff: error: acme.yaml: is read-only; nothing was written\n")
    assert path.read_bytes() == before


def test_a_read_only_folder_is_refused_whoever_runs(run_cli: RunCli, deals_repo: Path) -> None:
    _dossier(deals_repo)
    (deals_repo / "out").mkdir(mode=0o555)
    run = run_cli("render", "plan", "acme.yaml", "--out", "out/plan.md")
    assert (run.exit_code, run.stderr) == (
        2,
        f"handoff: error: out/plan.md: the folder {deals_repo}/out is read-only; nothing was written\n",
    )
    assert list((deals_repo / "out").iterdir()) == []


def test_a_writable_file_is_still_written(run_cli: RunCli, deals_repo: Path) -> None:
    path = _dossier(deals_repo)
    path.chmod(0o644)
    assert run_cli("log", "acme.yaml", "kickoff", "--at", AT, "--force").exit_code == 0
    assert oct(path.stat().st_mode & 0o777) == "0o644"


@pytest.mark.parametrize("flag", ["--note", "--by"])
@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"], ids=["NEL", "LS", "PS"])
def test_a_line_break_unicode_has_beyond_newline_is_refused(
    run_cli: RunCli, deals_repo: Path, flag: str, char: str
) -> None:
    path = _dossier(deals_repo)
    before = path.read_bytes()
    run = run_cli("log", "acme.yaml", "kickoff", "--at", AT, "--force", flag, f"Megan{char}attended")
    assert run.exit_code == 1
    assert run.stderr == (
        f"handoff: error: acme.yaml: {flag} {f'Megan{char}attended'!r}: a line break (U+{ord(char):04X}) is not "
        "allowed here; this field is one line (it goes into mail headers, calendar entries and table cells); "
        "nothing was written\n"
    ).replace(char, repr(char)[1:-1])
    assert path.read_bytes() == before
