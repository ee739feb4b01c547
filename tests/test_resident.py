"""The resident server (the default outside CI): a command run in it answers exactly as a plain run, byte
for byte, exit code included, on a terminal or not; with no usable server the command runs by itself."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff_cli.resident import wanted
from tests.conftest import AS_OF, EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the resident server needs fork and Unix sockets")

PAST = "2026-11-20T10:00:00+00:00"


class Handoff:
    """`python -P -m handoff_cli` (like the installed program, without the current folder on the import path)
    in a folder of copied examples, with its own socket folder and result cache."""

    def __init__(self, home: Path) -> None:
        self.deals = home / "deals"
        shutil.copytree(EXAMPLES, self.deals, ignore=shutil.ignore_patterns("crm"))
        (self.deals / ".git").mkdir()  # settings are not looked for above this folder
        keep = {k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_") and k not in ("NO_COLOR", "CI")}
        self.env = keep | {
            "XDG_RUNTIME_DIR": str(home / "run"),  # short: a Unix socket's path has a small size limit
            "HANDOFF_CACHE_DIR": str(home / "cache"),
            "PYTHONPATH": str(ROOT),
        }

    def environ(self, server: bool | None, **extra: str) -> dict[str, str]:
        """HANDOFF_SERVER=1 or 0, or left unset (None) for the default."""
        chosen = {} if server is None else {"HANDOFF_SERVER": "1" if server else "0"}
        return self.env | chosen | extra

    def run(self, *args: str, server: bool | None, umask: int = -1, **extra: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-P", "-m", "handoff_cli", *args], cwd=self.deals, env=self.environ(server, **extra),
            capture_output=True, timeout=60, stdin=subprocess.DEVNULL, umask=umask,
        )  # fmt: skip

    def socket_folder(self) -> Path:
        return Path(str(self.status()["socket"])).parent

    def status(self) -> dict[str, object]:
        return dict(json.loads(self.run("server", "status", "--format", "json", server=False).stdout))

    def wait_running(self) -> dict[str, object]:
        deadline = time.monotonic() + 30
        found = self.status()
        while not found["running"] and time.monotonic() < deadline:
            time.sleep(0.1)
            found = self.status()
        return found


def _answer(run: subprocess.CompletedProcess[bytes]) -> tuple[int, bytes, bytes]:
    return run.returncode, run.stdout, run.stderr


@pytest.fixture
def handoff() -> Iterator[Handoff]:
    home = Path(tempfile.mkdtemp(prefix="hs-"))
    tool = Handoff(home)
    try:
        yield tool
    finally:
        tool.run("server", "stop", server=False)
        shutil.rmtree(home, ignore_errors=True)


COMMANDS = [
    ("validate", "smb-brightleaf.yaml", "--as-of", AS_OF),
    ("validate", "midmarket-acme.yaml", "--as-of", AS_OF, "--format", "json"),
    ("validate", "invalid/unknown-key.yaml", "--as-of", AS_OF),
    ("score", "enterprise-northwind.yaml", "--as-of", AS_OF),
    ("sla", ".", "--as-of", AS_OF),
    ("report", "smb-brightleaf.yaml", "midmarket-acme.yaml", "--as-of", AS_OF, "--format", "json"),
    ("render", "intro", "smb-brightleaf.yaml"),
    ("validate", "missing.yaml"),
    ("validate", "--format", "xml"),
    ("--help",),
    ("--version",),
]


def test_commands_in_the_server_answer_as_a_plain_run(handoff: Handoff) -> None:
    assert handoff.run("server", "start", server=False).returncode == 0
    before = handoff.status()
    for command in COMMANDS:
        plain = handoff.run(*command, server=False)
        served = handoff.run(*command, server=True)
        assert _answer(served) == _answer(plain), " ".join(command)
    after = handoff.status()
    assert after["pid"] == before["pid"]
    assert after["commands"] == before["commands"] + len(COMMANDS)  # type: ignore[operator]


def test_a_write_in_the_server_leaves_the_same_file(handoff: Handoff) -> None:
    handoff.run("server", "start", server=False)
    original = (handoff.deals / "midmarket-acme.yaml").read_bytes()
    shutil.copyfile(handoff.deals / "midmarket-acme.yaml", handoff.deals / "copy.yaml")
    for name, server in (("midmarket-acme.yaml", False), ("copy.yaml", True)):
        run = handoff.run("log", name, "kickoff", "--at", PAST, "--by", "Kofi Mensah", server=server)
        assert run.returncode == 0, run.stderr
    logged = (handoff.deals / "midmarket-acme.yaml").read_bytes()
    assert logged != original and (handoff.deals / "copy.yaml").read_bytes() == logged
    assert handoff.status()["commands"] == 1


def _on_a_terminal(handoff: Handoff, *args: str, server: bool) -> bytes:
    """What the command writes to stdout when stdout is a terminal 100 columns wide."""
    leader, follower = pty.openpty()
    env = handoff.environ(server, COLUMNS="100", TERM="xterm-256color")
    proc = subprocess.Popen([sys.executable, "-P", "-m", "handoff_cli", *args], cwd=handoff.deals, env=env,
                            stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end closed: the command has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


def test_colours_follow_the_callers_terminal(handoff: Handoff) -> None:
    handoff.run("server", "start", server=False)
    command = ("validate", "midmarket-acme.yaml", "--as-of", AS_OF)
    plain = _on_a_terminal(handoff, *command, server=False)
    served = _on_a_terminal(handoff, *command, server=True)
    assert b"\x1b[" in plain and served == plain
    assert b"\x1b[" not in handoff.run(*command, server=True).stdout
    assert handoff.status()["commands"] == 2


def test_a_dead_servers_socket_is_replaced(handoff: Handoff) -> None:
    handoff.run("server", "start", server=False)
    dead = handoff.status()
    os.kill(int(str(dead["pid"])), signal.SIGKILL)
    time.sleep(0.2)
    assert Path(str(dead["socket"])).exists() and not handoff.status()["running"]
    run = handoff.run("score", "smb-brightleaf.yaml", "--as-of", AS_OF, server=True)
    assert (run.returncode, run.stderr) == (0, b"") and b"100" in run.stdout
    assert handoff.wait_running()["pid"] != dead["pid"]


@pytest.mark.parametrize("variable", ["PYTHONHASHSEED", "GITHUB_ACTIONS", "TERMINAL_WIDTH"])
def test_another_environment_gets_its_own_server(handoff: Handoff, variable: str) -> None:
    other = Handoff.__new__(Handoff)
    other.deals, other.env = handoff.deals, handoff.env | {variable: "7"}
    assert handoff.status()["socket"] != other.status()["socket"]


def test_the_server_does_not_import_from_the_folder_it_was_started_in(handoff: Handoff) -> None:
    (handoff.deals / "jinja2.py").write_text("raise SystemExit('the wrong jinja2')\n", encoding="utf-8")
    plain = handoff.run("render", "intro", "smb-brightleaf.yaml", server=False)
    first = handoff.run("render", "intro", "smb-brightleaf.yaml", server=True)  # starts the server from this folder
    handoff.wait_running()
    served = handoff.run("render", "intro", "smb-brightleaf.yaml", server=True)
    assert plain.returncode == 0 and b"Subject:" in plain.stdout
    assert (first.stdout, served.stdout, served.returncode) == (plain.stdout, plain.stdout, 0)
    assert handoff.status()["commands"] == 1


def test_a_socket_folder_others_can_enter_is_refused(handoff: Handoff) -> None:
    socket_folder = handoff.socket_folder()
    socket_folder.mkdir(parents=True, mode=0o755)
    socket_folder.chmod(0o755)
    run = handoff.run("server", "start", server=False)
    assert (run.returncode, run.stdout) == (2, b"")
    assert run.stderr.decode() == (
        f"handoff: error: {socket_folder}: not a folder only you can enter (yours, mode 700); "
        "the server will not listen there\n"
    )
    served = handoff.run("validate", "smb-brightleaf.yaml", "--as-of", AS_OF, server=True)
    assert served.returncode == 0 and not handoff.status()["running"]
    assert list(socket_folder.iterdir()) == []


@pytest.mark.parametrize(
    ("setting", "ci", "used"),
    [
        (None, None, True),
        (None, "true", False),
        (None, "false", True),
        ("", "1", False),
        ("0", None, False),
        ("Off", None, False),
        ("no", None, False),
        ("1", "true", True),
        ("yes", None, True),
    ],
)
def test_the_server_is_used_outside_ci_unless_turned_off(
    setting: str | None, ci: str | None, used: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in (("HANDOFF_SERVER", setting), ("CI", ci)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert wanted() is used


@pytest.mark.parametrize("server", [None, True], ids=["by default", "HANDOFF_SERVER=1"])
def test_with_no_server_the_command_runs_by_itself_starts_one_and_the_next_runs_in_it(
    handoff: Handoff, server: bool | None
) -> None:
    command = ("validate", "smb-brightleaf.yaml", "--as-of", AS_OF)
    plain = _answer(handoff.run(*command, server=False))
    assert _answer(handoff.run(*command, server=server)) == plain
    assert handoff.wait_running()["commands"] == 0
    assert _answer(handoff.run(*command, server=server)) == plain
    assert handoff.status()["commands"] == 1


@pytest.mark.parametrize("setting", [{"CI": "true"}, {"HANDOFF_SERVER": "0"}])
def test_in_ci_or_turned_off_no_server_is_started(handoff: Handoff, setting: dict[str, str]) -> None:
    run = handoff.run("validate", "smb-brightleaf.yaml", "--as-of", AS_OF, server=None, **setting)
    assert (run.returncode, run.stderr) == (0, b"")
    assert not handoff.socket_folder().exists()  # a command that starts a server makes this folder first


def test_the_server_commands_never_start_a_server(handoff: Handoff) -> None:
    status = handoff.run("server", "status", server=None)
    stop = handoff.run("server", "stop", server=None)
    assert (status.returncode, stop.returncode, stop.stdout) == (1, 0, b"not running\n")
    assert not handoff.socket_folder().exists()


def test_a_file_written_in_the_server_gets_the_callers_umask(handoff: Handoff) -> None:
    assert handoff.run("server", "start", server=False, umask=0o022).returncode == 0
    for name, server in (("plain.md", False), ("served.md", True)):
        run = handoff.run("render", "plan", "smb-brightleaf.yaml", "--out", name, server=server, umask=0o027)
        assert run.returncode == 0, run.stderr
    assert [(handoff.deals / name).stat().st_mode & 0o777 for name in ("plain.md", "served.md")] == [0o640, 0o640]
    assert handoff.status()["commands"] == 1


class Stuck:
    """`handoff history` held up in a `git` that sleeps; `runner` is the process running the command
    (`handoff` itself in a plain run, the server's copy otherwise), read from what the fake git wrote."""

    def __init__(self, handoff: Handoff, *, server: bool) -> None:
        tools, started = handoff.deals.parent / "bin", handoff.deals.parent / "git-parent"
        tools.mkdir(exist_ok=True)
        (tools / "git").write_text(f"#!/bin/sh\necho $PPID > '{started}.tmp'\nmv '{started}.tmp' '{started}'\n"
                                   "exec sleep 60\n", encoding="utf-8")  # fmt: skip
        (tools / "git").chmod(0o755)
        started.unlink(missing_ok=True)
        env = handoff.environ(server, PATH=f"{tools}{os.pathsep}{os.environ['PATH']}")
        self.proc = subprocess.Popen([sys.executable, "-P", "-m", "handoff_cli", "history", "smb-brightleaf.yaml"],
                                     cwd=handoff.deals, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)  # fmt: skip
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.runner = int(started.read_text(encoding="utf-8"))

    def finish(self, signum: int) -> tuple[int, bytes, bytes]:
        self.proc.send_signal(signum)
        out, err = self.proc.communicate(timeout=30)
        return self.proc.returncode, out, err


def _state(pid: int) -> str:
    """The one-letter state the kernel reports: S sleeping, T stopped, ..."""
    return Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]


def _until(pid: int, state: str) -> str:
    deadline = time.monotonic() + 10
    while _state(pid) != state and time.monotonic() < deadline:
        time.sleep(0.02)
    return _state(pid)


def test_ctrl_c_stops_the_command_in_the_server_as_it_stops_a_plain_run(handoff: Handoff) -> None:
    """SIGINT to `handoff` while the command waits on git: the same exit, the same last words."""
    handoff.run("server", "start", server=False)
    answers = [Stuck(handoff, server=server).finish(signal.SIGINT) for server in (False, True)]
    assert answers[0] == answers[1] == (130, b"", b"")
    assert handoff.status()["commands"] == 1


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_ctrl_z_stops_the_command_in_the_server_too_and_fg_resumes_it(handoff: Handoff) -> None:
    handoff.run("server", "start", server=False)
    stuck = Stuck(handoff, server=True)
    try:
        assert stuck.runner != stuck.proc.pid  # the command runs in the server's copy
        stuck.proc.send_signal(signal.SIGTSTP)
        assert (_until(stuck.proc.pid, "T"), _until(stuck.runner, "T")) == ("T", "T")
        stuck.proc.send_signal(signal.SIGCONT)
        assert (_until(stuck.proc.pid, "S"), _until(stuck.runner, "S")) == ("S", "S")
        assert stuck.finish(signal.SIGINT) == (130, b"", b"")
    finally:  # a failed check must not leave a stopped command behind
        stuck.proc.kill()
        with contextlib.suppress(ProcessLookupError):
            os.kill(stuck.runner, signal.SIGKILL)
