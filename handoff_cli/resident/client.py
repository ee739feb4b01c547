"""The caller's side: hand a command to the resident server, or say it must run here."""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import socket
import struct
import sys
from types import FrameType

from handoff_cli.resident import PING, RUN, STOP, address, private, supported

PID = struct.Struct("!q")
CODE = struct.Struct("!i")
SIZE = struct.Struct("!I")
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def connect(path: str, timeout: float = 2.0) -> socket.socket | None:
    if not private(os.path.dirname(path), create=False):
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
    except OSError:
        sock.close()
        return None
    return sock


def exactly(sock: socket.socket, size: int) -> bytes:
    """`size` bytes, or fewer if the other side closed first."""
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            break
        data += chunk
    return data


def start(path: str) -> None:
    """A server in the background, detached from this terminal and session; it exits if one already runs."""
    if private(os.path.dirname(path), create=True):
        import subprocess

        # -P: the caller's folder is not put on the server's import path, as it is not on the program's;
        # cwd "/": the server keeps no folder of the caller's busy
        subprocess.Popen(
            [sys.executable, "-P", "-m", "handoff_cli.resident.server", path],
            cwd="/",
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


def forward(argv: list[str]) -> int | None:
    """The command's exit code once the server ran it; None when it did not start there and must run here."""
    if not supported():
        return None
    path = address()
    sock = connect(path)
    if sock is None:
        start(path)
        return None
    with sock:
        pid = _hand_over(sock, argv)
        if pid is None:
            return None
        return _wait(sock, pid)


def _hand_over(sock: socket.socket, argv: list[str]) -> int | None:
    """Send the request and the three standard descriptors; the running copy's pid once it may start."""
    streams = [(s.encoding, s.errors) if s is not None else None for s in (sys.stdin, sys.stdout, sys.stderr)]
    # marshal: built in, so free to import, and both sides run the same interpreter (the socket's name says so)
    umask = os.umask(0o077)  # reading the umask means setting it; it is put back on the next line
    os.umask(umask)
    request = marshal.dumps(
        {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ), "umask": umask, "streams": streams}
    )
    try:
        sock.sendall(RUN)
        socket.send_fds(sock, [SIZE.pack(len(request))], [0, 1, 2])
        sock.sendall(request)
        answer = exactly(sock, PID.size)
        if len(answer) < PID.size:
            return None
        # the copy waits for this byte: until it is sent nothing has run, and the command can run here instead
        sock.sendall(b"!")
    except OSError:
        return None
    return int(PID.unpack(answer)[0])


def _wait(sock: socket.socket, pid: int) -> int:
    def relay(signum: int, frame: FrameType | None) -> None:
        with contextlib.suppress(OSError):
            os.kill(pid, signum)

    def pause(signum: int, frame: FrameType | None) -> None:
        # Ctrl-Z: the copy stops with this process, as a plain run would, and both go on at `fg`
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGSTOP)
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)  # returns once this process is continued
        signal.signal(signal.SIGTSTP, pause)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGCONT)

    for signum in FORWARDED:
        signal.signal(signum, relay)
    signal.signal(signal.SIGTSTP, pause)
    sock.settimeout(None)
    try:
        answer = exactly(sock, CODE.size)
    except OSError:
        answer = b""
    if len(answer) < CODE.size:
        sys.stderr.write("handoff: internal error: the resident server stopped before the command finished\n")
        return 2
    return int(CODE.unpack(answer)[0])


def ping(path: str) -> tuple[int, int] | None:
    """(the server's pid, the commands it has run), or None when no server answers."""
    answer = _ask(path, PING, 2)
    return None if answer is None else (answer[0], answer[1])


def stop(path: str) -> int | None:
    """Ask the server to exit; its pid, or None when none was running."""
    answer = _ask(path, STOP, 1)
    return None if answer is None else answer[0]


def _ask(path: str, kind: bytes, count: int) -> tuple[int, ...] | None:
    """Send a one-byte request; the `count` numbers the server answers with, or None when none answers."""
    sock = connect(path)
    if sock is None:
        return None
    with sock:
        try:
            sock.sendall(kind)
            answer = exactly(sock, PID.size * count)
        except OSError:
            return None
    if len(answer) < PID.size * count:
        return None
    return tuple(int(n) for (n,) in PID.iter_unpack(answer))
