"""handoff is one process per command: when a command ends, however it ends, nothing of it is left running.

Each command runs as the leader of a session of its own; afterwards no process of that session may
still run handoff (not the command, not a pool worker). Ctrl-C is sent as a terminal sends it, to the
whole process group; SIGTERM and SIGKILL to the command alone, as `kill` or a CI runner's timeout do.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, ROOT

HANDOFF = [sys.executable, "-m", "handoff_cli"]
SCRIPT = str(Path(sys.executable).parent / "handoff")
PATIENCE = 120.0  # seconds a shared CI machine may take; the checks below never depend on how fast it is


def _ours(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:  # it ended while we looked
        return False
    return b"handoff_cli" in cmdline or b"bin/handoff" in cmdline


def _session(sid: int) -> list[int]:
    """Pids of the processes of session `sid` that run handoff."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the fields after "(command name)": state, ppid, pgrp, session, ...
        if int(stat[stat.rindex(")") + 2 :].split()[3]) == sid and _ours(int(entry.name)):
            found.append(int(entry.name))
    return found


def _left_after(process: subprocess.Popen[bytes]) -> list[int]:
    """What of the session is still there once the command has ended and its workers had time to follow."""
    process.wait(timeout=PATIENCE)
    deadline = time.monotonic() + PATIENCE
    while (left := _session(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _start(args: list[str], cwd: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    # output to files, not pipes: a process left holding a pipe would hang the test rather than fail it
    return subprocess.Popen(
        args,
        cwd=cwd,
        start_new_session=True,
        stdout=(tmp_path / "stdout").open("wb"),
        stderr=(tmp_path / "stderr").open("wb"),
        env={"HANDOFF_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "CI": "true"},
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough dossiers for a run on a worker pool that lasts while signals are sent."""
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "400", str(folder), "--seed", "5"], check=True)
    return folder


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads sessions from /proc (Linux)")

COMMANDS = {
    "--version": ([SCRIPT, "--version"], 0),
    "--help": ([*HANDOFF, "--help"], 0),
    "a valid dossier": ([SCRIPT, "validate", "smb-brightleaf.yaml", "--as-of", AS_OF], 0),
    "findings": ([*HANDOFF, "validate", ".", "--as-of", AS_OF], 1),
    "a usage error": ([*HANDOFF, "validate", "--format", "xml"], 2),
    "a missing file": ([*HANDOFF, "render", "intro", "nope.yaml"], 2),
    "a document": ([*HANDOFF, "render", "intro", "smb-brightleaf.yaml"], 0),
    "the clocks": ([*HANDOFF, "sla", ".", "--as-of", AS_OF], 1),
    "a report": ([*HANDOFF, "report", ".", "--as-of", AS_OF], 1),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_leaves_nothing_running(name: str, tmp_path: Path) -> None:
    args, code = COMMANDS[name]
    process = _start(args, EXAMPLES, tmp_path)
    assert _left_after(process) == []
    assert process.returncode == code, (tmp_path / "stderr").read_text()


def test_a_run_on_a_worker_pool_leaves_nothing_running(corpus: Path, tmp_path: Path) -> None:
    process = _start([*HANDOFF, "validate", "deals", "-j", "2", "--no-cache", "--as-of", AS_OF], corpus, tmp_path)
    assert _left_after(process) == []
    assert process.returncode == 1  # the corpus holds incomplete and invalid dossiers
    assert (tmp_path / "stdout").read_text().endswith("need work\n")


@pytest.mark.parametrize(
    ("sent", "to_group", "code"),
    [(signal.SIGINT, True, 130), (signal.SIGTERM, False, -signal.SIGTERM), (signal.SIGKILL, False, -signal.SIGKILL)],
    ids=["ctrl-c", "sigterm", "sigkill"],
)
def test_a_run_stopped_midway_leaves_nothing_running(
    corpus: Path, tmp_path: Path, sent: signal.Signals, to_group: bool, code: int
) -> None:
    process = _start([*HANDOFF, "validate", "deals", "-j", "2", "--no-cache", "--as-of", AS_OF], corpus, tmp_path)
    deadline = time.monotonic() + PATIENCE
    while len(_session(process.pid)) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # until both workers run
    assert process.poll() is None, "the run ended before it could be stopped"
    if to_group:
        os.killpg(process.pid, sent)
    else:
        os.kill(process.pid, sent)
    assert _left_after(process) == []
    assert process.returncode == code
    assert "Traceback" not in (tmp_path / "stderr").read_text()


def test_the_check_sees_a_process_left_behind(tmp_path: Path) -> None:
    """The negative case: a command that leaves a child running is caught (and the child is then ended)."""
    child = "import time; time.sleep(600)"
    linger = f"import subprocess, sys; subprocess.Popen([sys.executable, '-c', {child!r}, 'handoff_cli'])"
    process = _start([sys.executable, "-c", linger], tmp_path, tmp_path)
    process.wait(timeout=PATIENCE)
    left = _session(process.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert len(left) == 1 and left[0] != process.pid
