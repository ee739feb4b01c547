"""Writers of one dossier at the same time, as real processes: every run that reports success is in the file.

Each writer takes the file's lock, reads under it and replaces the file; a second writer waits, and one
that waits too long stops with exit 2 and writes nothing. No lock file is ever left beside the dossier.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import EXAMPLES, RunCli

WRITERS = 6
PAST = "2026-11-20T10:00:00+00:00"


def _start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.Popen(
        [sys.executable, "-m", "handoff_cli", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _all_at_once(commands: list[list[str]], cwd: Path) -> list[tuple[int, str, str]]:
    running = [_start(c, cwd) for c in commands]
    return [(p.wait(timeout=120), *p.communicate()) for p in running]


def _handoff(path: Path) -> dict[str, list[dict[str, object]]]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data.get("handoff") or {}


def test_parallel_logs_all_land(deals_repo: Path) -> None:
    deal = deals_repo / "acme.yaml"
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deal)
    before = len(_handoff(deal).get("events") or [])
    runs = _all_at_once(
        [["log", "acme.yaml", "kickoff", "--force", "--at", PAST, "--note", f"run {i}"] for i in range(WRITERS)],
        deals_repo,
    )
    assert [(code, err) for code, _, err in runs] == [(0, "")] * WRITERS
    events = _handoff(deal)["events"]
    assert len(events) == before + WRITERS
    assert sorted(str(e.get("note")) for e in events[before:]) == [f"run {i}" for i in range(WRITERS)]
    assert sorted(p.name for p in deals_repo.iterdir() if p.name != ".git") == ["acme.yaml"]


def test_parallel_outcomes_all_land(deals_repo: Path) -> None:
    deal = deals_repo / "acme.yaml"
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deal)
    before = len(_handoff(deal).get("outcomes") or [])
    runs = _all_at_once(
        [["log", "acme.yaml", "health", "--value", "green", "--at", f"2026-11-2{i}T10:00:00+00:00"]
         for i in range(WRITERS)],
        deals_repo,
    )  # fmt: skip
    assert [(code, err) for code, _, err in runs] == [(0, "")] * WRITERS
    outcomes = _handoff(deal)["outcomes"][before:]
    assert sorted(str(o["at"]) for o in outcomes) == [f"2026-11-2{i} 10:00:00+00:00" for i in range(WRITERS)]


def test_parallel_marks_and_logs_all_land(deals_repo: Path) -> None:
    deal = deals_repo / "acme.yaml"
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deal)
    marks = [("commitments", "Shopify", "done"), ("milestones", "Gorgias", "dropped"), ("risks", "Nobody", "closed")]
    runs = _all_at_once(
        [["mark", "acme.yaml", *m, "--at", PAST] for m in marks]
        + [["log", "acme.yaml", "health", "--value", "green", "--at", f"2026-11-2{i}T10:00+00:00"] for i in range(3)],
        deals_repo,
    )
    assert [(code, err) for code, _, err in runs] == [(0, "")] * 6
    data = YAML(typ="safe").load(deal.read_text(encoding="utf-8"))
    assert data["commitments"][1]["status"] == "done"
    assert data["implementation"]["milestones"][1]["status"] == "dropped"
    assert data["risks"]["register"][1]["status"] == "closed"
    before = _handoff(EXAMPLES / "midmarket-acme.yaml").get("outcomes") or []
    assert len(data["handoff"]["outcomes"]) == len(before) + 3


def test_parallel_reviews_all_land(deals_repo: Path) -> None:
    deal = deals_repo / "acme.yaml"
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deal)
    before = len(_handoff(deal).get("reviews") or [])
    runs = _all_at_once(
        [["accept", "acme.yaml", "--by", f"csm{i}@relay.example", "--as-of", PAST] for i in range(WRITERS)],
        deals_repo,
    )
    assert [code for code, _, _ in runs] == [0] * WRITERS
    reviewers = sorted(str(r["by"]) for r in _handoff(deal)["reviews"][before:])
    assert reviewers == sorted(f"csm{i}@relay.example" for i in range(WRITERS))


def test_a_held_lock_makes_the_writer_stop_with_exit_2(run_cli: RunCli, deals_repo: Path) -> None:
    deal = deals_repo / "acme.yaml"
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deal)
    (deals_repo / "handoff.toml").write_text("lock_wait = 0\n", encoding="utf-8")
    before = deal.read_bytes()
    with deal.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        run = run_cli("log", "acme.yaml", "kickoff", "--force", "--at", PAST)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "handoff: error: acme.yaml: another handoff command has been writing this file for 0 s; nothing was "
        "written, try again when it is done (lock_wait in handoff.toml sets the wait)\n"
    )
    assert deal.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["init", "new.yaml", "--account", "Initech", "--segment", "smb", "--force"],
        ["render", "plan", "acme.yaml", "--out", "new.yaml", "--force"],
    ],
)
def test_out_files_wait_for_the_lock_too(run_cli: RunCli, deals_repo: Path, args: list[str]) -> None:
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", deals_repo / "acme.yaml")
    (deals_repo / "handoff.toml").write_text("lock_wait = 0\n", encoding="utf-8")
    target = deals_repo / "new.yaml"
    target.write_text("mine\n", encoding="utf-8")
    with target.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        run = run_cli(*args)
    assert run.exit_code == 2
    assert "another handoff command has been writing this file" in run.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_import_update_waits_for_the_dossier_lock(run_cli: RunCli, deals_repo: Path) -> None:
    init = run_cli("init", "deals/acme.yaml", "--account", "Acme Outdoor Supply", "--segment", "mid-market",
                   "--id", "18274630112")  # fmt: skip
    assert init.exit_code == 0
    (deals_repo / "handoff.toml").write_text("lock_wait = 0\n", encoding="utf-8")
    acme = deals_repo / "deals" / "acme.yaml"
    before = acme.read_bytes()
    csv = str(EXAMPLES / "crm" / "hubspot-deals.csv")
    with acme.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        run = run_cli("import", "crm", csv, "--map", "hubspot", "--out", "deals", "--update")
    assert run.exit_code == 2
    assert run.stderr.startswith("handoff: error: deals/acme.yaml: another handoff command has been writing")
    assert acme.read_bytes() == before
    # once the lock is free the same import fills the dossier
    again = run_cli("import", "crm", csv, "--map", "hubspot", "--out", "deals", "--update")
    assert again.exit_code == 0 and "updated deals/acme.yaml: filled " in again.stdout
