"""Time `handoff validate` against check-jsonschema, whole processes side by side, and print the ratios.

    python bench/run.py                 # 1 dossier, 1,000 and 10,000; 3 runs each
    python bench/run.py --sizes 1000 --runs 5
    python bench/run.py --sizes 1000 --only-repo     # only the rows of a repo of each size (no single-file rows)
    python bench/run.py --sizes 100 1000 --only-repo --no-hook --report-sizes --sla-sizes 100 1000

Each measurement starts both programs as fresh processes, alternating which goes first, and
reports the median wall time of the runs; the figures that matter are the ratios, since absolute
times depend on the machine. "Cold" runs start from an empty result cache, "warm" ones reuse the
cache a cold run left. Peak memory is the largest resident set of the process and its workers.
Every run is a plain process with the CI variable set, as a commit hook or a CI job starts it.
Each generated repo is committed to git, as a deals repo is: a commit hook's one changed dossier is
compared for copied text with every other dossier of it.
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

    def series(
        self, command: list[str], cwd: Path, cache: Callable[[], Path], before: Callable[[], None], runs: int = 0
    ) -> float:
        """Median seconds of `command`, `before()` run (untimed) ahead of each run, in the cache `cache()` gives."""
        times = []
        for _ in range(runs or self.runs):
            before()
            times.append(timed(command, cwd, self.env(cache()))[0])
        return statistics.median(times)

    def row(self, what: str, seconds: float, against: float, label: str) -> None:
        self.rows.append((what, f"{seconds:.3f} s", against, f"{seconds / against:.2f}x {label}"))

    def hook(self, repo: Path, size: int, whole_peer: float) -> None:
        """One changed dossier in a repo, as a commit hook checks it: the first run (an empty cache: a fresh
        clone, a new laptop, an upgrade) and warm (the rest of the repo indexed by an earlier run), beside the
        same file alone outside any repo and check-jsonschema on that file."""
        name = sorted(str(p.relative_to(repo)) for p in (repo / "deals").iterdir())[0]
        edits = iter(range(10**6))

        def change() -> None:  # a new edit each time, staged as pre-commit sees it, so its result is never cached
            with (repo / name).open("a") as file:
                file.write(f"# edit {next(edits)}\n")
            subprocess.run(["git", "add", name], cwd=repo, check=True)

        ours = self.handoff([name])
        caches: list[Path] = []

        def fresh() -> Path:
            caches.append(self.fresh_cache())
            return caches[-1]

        first = self.series(ours, repo, fresh, change)
        self.row(f"{size:,} repo, 1 changed dossier, first run", first, whole_peer, "of peer on repo")
        # the runs of a second or so get at least 5 runs: one alone moves by more than the difference measured
        quick = max(self.runs, 5)
        warm = self.series(ours, repo, lambda: caches[0], change, quick)  # the repo as the first run indexed it
        alone_dir = Path(tempfile.mkdtemp(prefix="alone-", dir=self.work))
        shutil.copy(repo / "handoff.toml", alone_dir)
        shutil.copy(repo / name, alone_dir)
        single = [Path(name).name]
        alone = self.series(self.handoff(single), alone_dir, self.fresh_cache, lambda: None, quick)
        peer = statistics.median(timed(self.peer(single), alone_dir, self.env(self.work))[0] for _ in range(quick))
        self.row(f"{size:,} repo, 1 changed dossier, warm", warm, alone, "of file alone")
        self.row(f"{size:,} repo, 1 changed dossier, warm", warm, peer, "of peer")
        self.row("  the same file alone, outside a repo", alone, peer, "of peer")

    def report(self, repo: Path, size: int, validate_cold: float) -> int:
        """`handoff report` over the repo: cold (empty cache) beside a cold `validate` of the repo, and warm
        (the cache the cold run left) beside the cold run; and the peak memory of a warm run, in KiB."""
        command, warm = self.cold_and_warm("report", repo, size, validate_cold)
        return max(timed(command, repo, self.env(warm))[1] for _ in range(self.runs))

    def sla(self, repo: Path, size: int, validate_cold: float) -> int:
        """`handoff sla` over the repo, as `report`; and its peak memory, in KiB."""
        command, _ = self.cold_and_warm("sla", repo, size, validate_cold)
        return max(timed(command, repo, self.env(self.fresh_cache()))[1] for _ in range(self.runs))

    def cold_and_warm(self, name: str, repo: Path, size: int, validate_cold: float) -> tuple[list[str], Path]:
        """Rows for `handoff NAME deals`: cold beside a cold `validate`, warm (no dossier read as YAML again)
        beside its cold run. The command and the warm cache, for more runs of it."""
        command = [str(BIN / "handoff"), name, "deals", "--as-of", AS_OF, "--format", "json"]
        caches: list[Path] = []

        def fresh() -> Path:
            caches.append(self.fresh_cache())
            return caches[-1]

        cold = self.series(command, repo, fresh, lambda: None)
        if validate_cold:
            self.row(f"{name}, {size:,} dossiers, cold", cold, validate_cold, "of validate")
        else:
            self.rows.append((f"{name}, {size:,} dossiers, cold", f"{cold:.3f} s", cold, ""))
        warm = self.series(command, repo, lambda: caches[0], lambda: None)
        self.row(f"{name}, {size:,} dossiers, warm", warm, cold, "of cold")
        return command, caches[0]

    def memory(self, cwd: Path) -> int:
        return max(
            timed(self.handoff(["deals"], "--no-cache"), cwd, self.env(self.fresh_cache()))[1]
            for _ in range(self.runs)
        )


def corpus(work: Path, count: int) -> Path:
    """`count` generated dossiers, committed to a git repo of their own."""
    folder = work / f"repo-{count}"
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(count), str(folder)], check=True)
    who = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.com"}
    env = os.environ | who | {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.com"}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "deals"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True)
    return folder


def single_rows(bench: Bench) -> None:
    """One dossier alone, and start-up."""
    work = bench.work
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="repo sizes to time")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the median is shown)")
    parser.add_argument("--only-repo", action="store_true", help="skip the single-file and start-up rows")
    parser.add_argument("--peer-sample", type=int, default=0, help="time the peer on this many files of a repo, scaled")
    parser.add_argument("--whole-sizes", type=int, nargs="*", help="sizes with whole-repo validate rows (default all)")
    parser.add_argument("--report-sizes", type=int, nargs="*", help="sizes with report rows (default all)")
    parser.add_argument("--sla-sizes", type=int, nargs="*", help="sizes with sla rows (default all)")
    parser.add_argument("--no-hook", action="store_true", help="skip the one-changed-dossier rows")
    args = parser.parse_args()
    if shutil.which("check-jsonschema", path=str(BIN)) is None:
        sys.exit("bench: check-jsonschema is not installed here; pip install -e '.[bench]'")
    with tempfile.TemporaryDirectory(prefix="handoff-bench-") as tmp:
        work = Path(tmp)
        bench = Bench(work, args.runs)
        if not args.only_repo:
            single_rows(bench)
        peaks: dict[int, int] = {}
        sla_peaks: dict[int, int] = {}
        report_peaks: dict[int, int] = {}
        for size in args.sizes:
            repo = corpus(work, size)
            files = sorted(str(p.relative_to(repo)) for p in (repo / "deals").iterdir())
            whole = bench.handoff(["deals"])
            sample = files[: args.peer_sample] if args.peer_sample else files
            scaled = f" (peer: {len(sample):,} files, scaled)" if len(sample) < len(files) else ""
            if size in (args.whole_sizes or args.sizes):
                cold = bench.pair(f"{size:,} dossiers, cold{scaled}", whole, bench.peer(sample), repo)
                what, ours, peer, _ = bench.rows[-1]
                whole_peer = peer * len(files) / len(sample)  # the peer over the whole repo, from the files timed
                bench.rows[-1] = (what, ours, whole_peer, f"{cold / whole_peer:.2f}x")
                cache = bench.fresh_cache()
                timed(whole, repo, bench.env(cache))
                bench.alone(f"{size:,} dossiers, warm", whole, repo, cache, cold, "of cold")
                peaks[size] = bench.memory(repo)
            else:
                runs = [timed(bench.peer(sample), repo, bench.env(work))[0] for _ in range(args.runs)]
                whole_peer = statistics.median(runs) * len(files) / len(sample)
                bench.rows.append((f"  check-jsonschema on the {size:,} repo{scaled}", "", whole_peer, ""))
                cold = 0.0
            if not args.no_hook:
                bench.hook(repo, size, whole_peer)
            if size in (args.report_sizes or args.sizes):
                report_peaks[size] = bench.report(repo, size, cold)
            if size in (args.sla_sizes or args.sizes):
                sla_peaks[size] = bench.sla(repo, size, cold)
    bytecode = (
        "PYTHONDONTWRITEBYTECODE=1: no compiled modules are kept"
        if os.environ.get("PYTHONDONTWRITEBYTECODE")
        else "PYTHONDONTWRITEBYTECODE unset: compiled modules are kept"
    )
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    lines = [
        f"handoff validate vs check-jsonschema; median of {args.runs} runs; {os.cpu_count()} cores",
        bytecode,
        f"load average at the end (1, 5, 15 min): {load}",
        "",
        f"{'measurement':<44} {'handoff':>10} {'compared with':>14} {'ratio':>20}",
        *(f"{what:<44} {ours:>10} {against:>12.3f} s {ratio:>20}" for what, ours, against, ratio in bench.rows),
    ]
    if len(peaks) > 1:
        small, large = min(peaks), max(peaks)
        lines += [
            "",
            f"peak memory: {peaks[small] / 1024:.0f} MiB at {small:,}, {peaks[large] / 1024:.0f} MiB at {large:,}: "
            f"{peaks[large] / peaks[small]:.2f}x",
        ]
    for name, found in (("sla", sla_peaks), ("report (warm)", report_peaks)):
        if len(found) > 1:
            small, large = min(found), max(found)
            lines.append(f"{name} peak memory: {found[small] / 1024:.0f} MiB at {small:,}, "
                         f"{found[large] / 1024:.0f} MiB at {large:,}: {found[large] / found[small]:.2f}x")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
