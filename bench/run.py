"""Time `handoff validate` against check-jsonschema, whole processes side by side, and print the ratios.

    python bench/run.py                 # 1 dossier, 1,000 and 10,000; 3 runs each
    python bench/run.py --sizes 1000 --runs 5

Each measurement starts both programs as fresh processes, alternating which goes first, and
reports the median wall time of the runs; the figures that matter are the ratios, since absolute
times depend on the machine. "Cold" runs start from an empty result cache, "warm" ones reuse the
cache a cold run left. Peak memory is the largest resident set of the process and its workers.
Rows run as on a developer's machine (the resident server in use, the default) unless they say
"in CI" (the CI variable set: no server, each run a fresh process).
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
from collections.abc import Callable, Sequence
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
            [str(BIN / "handoff"), "schema"], env=self.env(work, ci=True), capture_output=True, text=True, check=True
        )
        self.schema.write_text(schema.stdout)

    def env(self, cache: Path, *, ci: bool = False) -> dict[str, str]:
        """A private cache and socket folder; as on a developer's machine (the resident server in use), or in CI."""
        base = {k: v for k, v in os.environ.items() if k not in ("HANDOFF_SERVER", "CI")}
        base |= {"HANDOFF_CACHE_DIR": str(cache), "NO_COLOR": "1", "XDG_RUNTIME_DIR": str(self.work / "run")}
        return base | ({"CI": "true"} if ci else {})

    def server(self, action: str) -> None:
        """`handoff server start` (which waits until the server answers) or `stop`."""
        command = [str(BIN / "handoff"), "server", action]
        subprocess.run(command, env=self.env(self.work), check=True, stdout=subprocess.DEVNULL)

    def stop_once_up(self) -> None:
        """Let the server a measured command started finish loading, then stop it: the next run finds none."""
        self.server("start")
        self.server("stop")

    def handoff(self, targets: Sequence[str], *extra: str) -> list[str]:
        return [str(BIN / "handoff"), "validate", *targets, "--as-of", AS_OF, *extra]

    def peer(self, files: Sequence[str]) -> list[str]:
        return [str(BIN / "check-jsonschema"), "--schemafile", str(self.schema), *files]

    def fresh_cache(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="cache-", dir=self.work))

    def pair(
        self, what: str, ours: list[str], peer: list[str], cwd: Path, *, ci: bool = False,
        after: Callable[[], None] | None = None,
    ) -> float:  # fmt: skip
        """Median seconds of ours vs the peer, interleaved; ours starts from an empty result cache each time,
        and `after` runs once ours has finished, off the clock."""
        mine: list[float] = []
        theirs: list[float] = []
        for run in range(self.runs):
            order = [("ours", ours), ("peer", peer)] if run % 2 == 0 else [("peer", peer), ("ours", ours)]
            for who, command in order:
                seconds, _, _ = timed(command, cwd, self.env(self.fresh_cache(), ci=ci))
                (mine if who == "ours" else theirs).append(seconds)
                if who == "ours" and after is not None:
                    after()
        ours_median, peer_median = statistics.median(mine), statistics.median(theirs)
        self.rows.append((what, f"{ours_median:.3f} s", peer_median, f"{ours_median / peer_median:.2f}x"))
        return ours_median

    def alone(
        self, what: str, command: list[str], cwd: Path, cache: Path, against: float, label: str, *, ci: bool = False
    ) -> float:
        env = self.env(cache, ci=ci)
        seconds = statistics.median(timed(command, cwd, env)[0] for _ in range(self.runs))
        self.rows.append((what, f"{seconds:.3f} s", against, f"{seconds / against:.2f}x {label}"))
        return seconds

    def memory(self, cwd: Path) -> int:
        return max(
            timed(self.handoff(["deals"], "--no-cache"), cwd, self.env(self.fresh_cache(), ci=True))[1]
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
        # a commit hook as it runs on a developer's machine: the resident server already up (the default
        # whenever a handoff command ran in the last hour), the result cache still empty
        bench.server("start")
        try:
            bench.pair("1 dossier (pre-commit)", bench.handoff(file), peer_one, one)
            single = bench.rows[-1][2]
            for flag in ("--version", "--help"):
                bench.alone(f"handoff {flag}", [handoff, flag], one, bench.fresh_cache(), single, "of peer")
        finally:
            bench.server("stop")
        # the first command after an idle hour: it runs by itself and starts the server in the background
        bench.pair("1 dossier, no server running yet", bench.handoff(file), peer_one, one, after=bench.stop_once_up)
        # CI: no server, every run a fresh process
        bench.pair("1 dossier, in CI", bench.handoff(file), peer_one, one, ci=True)
        warm_one = bench.fresh_cache()
        timed(bench.handoff(file), one, bench.env(warm_one, ci=True))
        bench.alone("1 dossier, in CI, unchanged", bench.handoff(file), one, warm_one, single, "of peer", ci=True)
        for flag in ("--version", "--help"):
            bench.alone(f"handoff {flag}, in CI", [handoff, flag], one, warm_one, single, "of peer", ci=True)
        peaks: dict[int, int] = {}
        for size in args.sizes:
            repo = corpus(work, size)
            files = sorted(str(p.relative_to(repo)) for p in (repo / "deals").iterdir())
            whole = bench.handoff(["deals"])
            cold = bench.pair(f"{size:,} dossiers (CI), cold", whole, bench.peer(files), repo, ci=True)
            cache = bench.fresh_cache()
            timed(whole, repo, bench.env(cache, ci=True))
            bench.alone(f"{size:,} dossiers, warm", whole, repo, cache, cold, "of cold", ci=True)
            peaks[size] = bench.memory(repo)
    lines = [
        f"handoff validate vs check-jsonschema; median of {args.runs} runs; {os.cpu_count()} cores",
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
