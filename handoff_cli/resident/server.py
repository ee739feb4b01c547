"""The server's side: load everything once, then fork a ready copy of itself for every command.

python -m handoff_cli.resident.server SOCKET
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib
import marshal
import os
import select
import signal
import socket
import struct
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from handoff_cli.resident import IDLE_SECONDS, PING, RUN, STOP, private
from handoff_cli.resident.client import CODE, PID, SIZE, exactly

# what commands import on demand; loaded here once so that no command pays for it
WARM = (
    "handoff_cli.cli",
    "handoff_cli.checks",
    "handoff_cli.runner",
    "handoff_cli.compose",
    "handoff_cli.reporters.text",
    "handoff_cli.reporters.json",
    "handoff_cli.reporters.github",
    "handoff_cli.reporters.sarif",
    "handoff_cli.sla.clocks",
    "handoff_cli.writer",
    "rich.console",
    "typer.rich_utils",
)


class Stop(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise Stop


def warm() -> None:
    for name in WARM:
        try:
            importlib.import_module(name)
        except ImportError:  # a module renamed since: the command imports what it needs anyway
            continue
    from handoff_cli.cli import command

    command()


def _same_user(conn: socket.socket) -> bool:
    if not hasattr(socket, "SO_PEERCRED"):
        return True  # the socket's folder admits only its owner
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    uid: int = struct.unpack("3i", creds)[1]
    return uid == os.getuid()


def _publish(path: Path) -> tuple[socket.socket, int]:
    """Listen on `path`, replacing a stale socket in one step; (the listener, the socket file's inode)."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    staging = path.with_name(f".{path.name}.{os.getpid()}")
    staging.unlink(missing_ok=True)
    listener.bind(str(staging))
    listener.listen(64)
    os.replace(staging, path)
    return listener, path.stat().st_ino


def _still_ours(path: Path, inode: int) -> bool:
    try:
        return path.stat().st_ino == inode
    except OSError:
        return False


def _withdraw(path: Path, inode: int) -> None:
    if _still_ours(path, inode):
        path.unlink(missing_ok=True)


def serve(path: Path) -> None:
    if not private(str(path.parent), create=True):
        return
    lock = open(path.with_suffix(".lock"), "a")  # noqa: SIM115 - held for the server's whole life
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return  # another server for this install is starting or running
    warm()
    listener, inode = _publish(path)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the copies are reaped by the kernel
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    served, last = 0, time.monotonic()
    try:
        while True:
            ready, _, _ = select.select([listener], [], [], 10)
            if not ready:
                if time.monotonic() - last > IDLE_SECONDS or not _still_ours(path, inode):
                    break
                continue
            conn, _ = listener.accept()
            last = time.monotonic()
            try:
                conn.settimeout(2)
                kind = conn.recv(1) if _same_user(conn) else b""
                if kind == PING:
                    conn.sendall(PID.pack(os.getpid()) + PID.pack(served))
                elif kind == STOP:
                    _withdraw(path, inode)  # before the answer, so the caller never sees this server again
                    conn.sendall(PID.pack(os.getpid()))
                    break
                elif kind == RUN:
                    served += 1
                    if os.fork() == 0:
                        listener.close()
                        _copy(conn)
            except OSError:
                pass
            finally:
                conn.close()
    except Stop:
        pass
    finally:
        _withdraw(path, inode)
        listener.close()


def _copy(conn: socket.socket) -> None:
    """In the forked copy: become the caller's process, run the command, send its exit code, exit."""
    try:
        for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _receive(conn)
        conn.sendall(PID.pack(os.getpid()))
        conn.settimeout(None)
        go = conn.recv(1) == b"!"
    except BaseException:  # nothing has run: no pid reaches the caller, which runs the command itself
        os._exit(0)
    if not go:  # the caller gave up waiting and runs the command itself
        os._exit(0)
    code = _run()
    try:
        conn.sendall(CODE.pack(code))
    finally:
        os._exit(0)


def _receive(conn: socket.socket) -> None:
    """Read the request and take over the caller's stdin, stdout and stderr, folder, umask and environment."""
    header, fds, _, _ = socket.recv_fds(conn, SIZE.size, 3)
    if len(header) < SIZE.size or len(fds) != 3:
        raise OSError("an incomplete request")
    request: dict[str, Any] = marshal.loads(exactly(conn, SIZE.unpack(header)[0]))
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.umask(request["umask"])  # files the command writes get the caller's permissions, not the server's
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    sys.argv = ["handoff", *request["argv"]]
    sys.stdin, sys.stdout, sys.stderr = (_stream(fd, spec) for fd, spec in enumerate(request["streams"]))


def _stream(fd: int, spec: list[str] | None) -> Any:
    """A text stream over the caller's descriptor, as Python would have opened it in the caller's process."""
    if spec is None:
        return None
    encoding, errors = spec
    lines = fd == 2 or (fd == 1 and os.isatty(fd))
    mode = "r" if fd == 0 else "w"
    return open(fd, mode, buffering=1 if lines else -1, encoding=encoding, errors=errors, closefd=False)


def _run() -> int:
    from handoff_cli.cli import main

    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt:
        code = 130
    except Exception:  # only with HANDOFF_DEBUG set: main() turns every other error into one line
        traceback.print_exc()
        code = 2
    finally:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.flush()
    return code


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
