"""Time `handoff validate` against check-jsonschema, whole processes side by side, and print the ratios.

    python bench/run.py                 # 1 dossier, 1,000 and 10,000; 3 runs each
    python bench/run.py --sizes 1000 --runs 5

Each measurement starts both programs as fresh processes, alternating which goes first, and
reports the median wall time of the runs; the figures that matter are the ratios, since absolute
times depend on the machine. "Cold" runs start from an empty result cache, "warm" ones reuse the
cache a cold run left. Peak memory is the largest resident set of the process and its workers.
Every run is a plain process with the CI variable set, as a commit hook or a CI job starts it.
The first line of the table says whether PYTHONDONTWRITEBYTECODE was set: with it, Python keeps no
compiled modules, so every process compiles those of an editable install (handoff's own) afresh.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
AS_OF = "2026-11-23T12:00:00+00:00"


def timed(command: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KiB of the process tree, exit code) of one whole-process run."""
    start = time.perf_counter()
    with subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss, proc.returncode


class Bench:
    def __init__(self, work: Path, runs: int) -> None:
        self.work = work
        self.runs = runs
        self.rows: list[tuple[str, str, float, str]] = []  # what, handoff, peer, ratio
        self.schema = work / "dossier.schema.json"
        schema = subprocess.run(
            [str(BIN / "handoff"), "schema"], env=self.env(work), capture_output=True, text=True, check=True
        )
        self.schema.write_text(schema.stdout)

    def env(self, cache: Path) -> dict[str, str]:
        """A private result cache, no colour, and the CI variable set."""
        return os.environ | {"HANDOFF_CACHE_DIR": str(cache), "NO_COLOR": "1", "CI": "true"}

    def handoff(self, targets: Sequence[str], *extra: str) -> list[str]:
        return [str(BIN / "handoff"), "validate", *targets, "--as-of", AS_OF, *extra]

    def peer(self, files: Sequence[str]) -> list[str]:
        return [str(BIN / "check-jsonschema"), "--schemafile", str(self.schema), *files]

    def fresh_cache(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="cache-", dir=self.work))

    def pair(self, what: str, ours: list[str], peer: list[str], cwd: Path) -> float:
        """Median seconds of ours vs the peer, interleaved; ours starts from an empty result cache each time."""
        mine: list[float] = []
        theirs: list[float] = []
        for run in range(self.runs):
            order = [("ours", ours), ("peer", peer)] if run % 2 == 0 else [("peer", peer), ("ours", ours)]
            for who, command in order:
                seconds, _, _ = timed(command, cwd, self.env(self.fresh_cache()))
                (mine if who == "ours" else theirs).append(seconds)
        ours_median, peer_median = statistics.median(mine), statistics.median(theirs)
        self.rows.append((what, f"{ours_median:.3f} s", peer_median, f"{ours_median / peer_median:.2f}x"))
        return ours_median

    def alone(self, what: str, command: list[str], cwd: Path, cache: Path, against: float, label: str) -> float:
        env = self.env(cache)
        seconds = statistics.median(timed(command, cwd, env)[0] for _ in range(self.runs))
        self.rows.append((what, f"{seconds:.3f} s", against, f"{seconds / against:.2f}x {label}"))
        return seconds

    def memory(self, cwd: Path) -> int:
        return max(
            timed(self.handoff(["deals"], "--no-cache"), cwd, self.env(self.fresh_cache()))[1]
            for _ in range(self.runs)
        )


def corpus(work: Path, count: int) -> Path:
    folder = work / f"repo-{count}"
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(count), str(folder)], check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="repo sizes to time")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is shown)")
    args = parser.parse_args()
    if shutil.which("check-jsonschema", path=str(BIN)) is None:
        sys.exit("bench: check-jsonschema is not installed here; pip install -e '.[bench]'")
    with tempfile.TemporaryDirectory(prefix="handoff-bench-") as tmp:
        work = Path(tmp)
        bench = Bench(work, args.runs)
        one = corpus(work, 1)
        file = [str(next((one / "deals").iterdir()).relative_to(one))]
        peer_one = bench.peer(file)
        handoff = str(BIN / "handoff")
        for command in (bench.handoff(file), peer_one):  # untimed: files in the OS cache, modules compiled
            timed(command, one, bench.env(bench.fresh_cache()))
        # a commit hook on a changed file: a fresh process, nothing in the result cache
        bench.pair("1 dossier (pre-commit), cold", bench.handoff(file), peer_one, one)
        single = bench.rows[-1][2]
        warm_one = bench.fresh_cache()
        timed(bench.handoff(file), one, bench.env(warm_one))
        bench.alone("1 dossier, unchanged", bench.handoff(file), one, warm_one, single, "of peer")
        for flag in ("--version", "--help"):
            bench.alone(f"handoff {flag}", [handoff, flag], one, warm_one, single, "of peer")
        peaks: dict[int, int] = {}
        for size in args.sizes:
            repo = corpus(work, size)
            files = sorted(str(p.relative_to(repo)) for p in (repo / "deals").iterdir())
            whole = bench.handoff(["deals"])
            cold = bench.pair(f"{size:,} dossiers, cold", whole, bench.peer(files), repo)
            cache = bench.fresh_cache()
            timed(whole, repo, bench.env(cache))
            bench.alone(f"{size:,} dossiers, warm", whole, repo, cache, cold, "of cold")
            peaks[size] = bench.memory(repo)
    bytecode = (
        "PYTHONDONTWRITEBYTECODE=1: no compiled modules are kept"
        if os.environ.get("PYTHONDONTWRITEBYTECODE")
        else "PYTHONDONTWRITEBYTECODE unset: compiled modules are kept"
    )
    lines = [
        f"handoff validate vs check-jsonschema; median of {args.runs} runs; {os.cpu_count()} cores",
        bytecode,
        "",
        f"{'measurement':<40} {'handoff':>10} {'compared with':>14} {'ratio':>16}",
        *(f"{what:<40} {ours:>10} {against:>12.3f} s {ratio:>16}" for what, ours, against, ratio in bench.rows),
    ]
    if len(peaks) > 1:
        small, large = min(peaks), max(peaks)
        lines += [
            "",
            f"peak memory: {peaks[small] / 1024:.0f} MiB at {small:,}, {peaks[large] / 1024:.0f} MiB at {large:,}: "
            f"{peaks[large] / peaks[small]:.2f}x",
        ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
