"""`handoff sla` and `handoff report` take their dossiers from the result cache and the worker pool `validate` uses:
a warm run reads no dossier as YAML again, an edited one is read again, and the output is the same either way."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

import handoff_cli.dossier.for_commands as for_commands
from handoff_cli.cli.options import moment
from handoff_cli.clocks.table import sla_table
from handoff_cli.repo.files import expand
from handoff_cli.reporters import SLA
from handoff_cli.settings import discover
from tests.conftest import AS_OF, EXAMPLES, ROOT, RunCli


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each file is read as a dossier (YAML, schema) in this process."""
    seen: Counter[str] = Counter()
    real = for_commands.parse

    def counting(path: Path, display: str, *rest: Any, **kw: Any) -> Any:
        seen[Path(display).name] += 1
        return real(path, display, *rest, **kw)

    monkeypatch.setattr(for_commands, "parse", counting)
    return seen


@pytest.fixture
def deals(deals_repo: Path) -> Path:
    for name in ("midmarket-acme.yaml", "smb-brightleaf.yaml", "enterprise-northwind.yaml"):
        shutil.copy(EXAMPLES / name, deals_repo / name)
    shutil.copy(EXAMPLES / "invalid" / "bad-values.yaml", deals_repo / "bad-values.yaml")
    return deals_repo


def test_a_warm_sla_run_reads_no_cached_dossier_again(run_cli: RunCli, deals: Path, parsed: Counter[str]) -> None:
    cold = run_cli("sla", ".", "--as-of", AS_OF, "--format", "json")
    assert cold.exit_code == 1 and sorted(parsed.items()) == [
        ("bad-values.yaml", 1), ("enterprise-northwind.yaml", 1), ("midmarket-acme.yaml", 1),
        ("smb-brightleaf.yaml", 1)]  # fmt: skip
    parsed.clear()
    warm = run_cli("sla", ".", "--as-of", AS_OF, "--format", "json")
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert parsed == {}  # the invalid one too: its problems are kept with it
    # later, from the same entries: the clocks are computed afresh, only the reading is kept
    later = run_cli("sla", ".", "--as-of", "2026-12-20T12:00:00+00:00", "--format", "json")
    assert parsed == {} and json.loads(later.stdout)["clocks"] != json.loads(cold.stdout)["clocks"]
    # an edited file is read again, alone
    with (deals / "smb-brightleaf.yaml").open("a", encoding="utf-8") as f:
        f.write("# edited\n")
    run_cli("sla", ".", "--as-of", AS_OF)
    assert parsed == {"smb-brightleaf.yaml": 1}


def test_sla_says_what_reading_every_file_in_process_says(run_cli: RunCli, deals: Path) -> None:
    expected = _in_process(deals)
    for _ in ("cold", "warm"):
        assert run_cli("sla", ".", "--as-of", AS_OF, "--format", "json").stdout == expected


def test_report_and_sla_share_the_entries(run_cli: RunCli, deals: Path, parsed: Counter[str]) -> None:
    cold = run_cli("report", ".", "--as-of", AS_OF, "--format", "json")
    assert cold.exit_code == 1 and sum(parsed.values()) == 4
    parsed.clear()
    assert run_cli("report", ".", "--as-of", AS_OF, "--format", "json").stdout == cold.stdout
    run_cli("sla", ".", "--as-of", AS_OF)  # the dossiers the report left
    assert parsed == {}


def test_a_damaged_dossier_entry_is_read_again_and_replaced(run_cli: RunCli, deals: Path, parsed: Counter[str],
                                                            private_cache: Path) -> None:  # fmt: skip
    cold = run_cli("sla", ".", "--as-of", AS_OF, "--format", "json")
    with sqlite3.connect(private_cache / "results.sqlite3") as db:
        db.execute("UPDATE dossiers SET entry = '{\"d\": 1}'")
    parsed.clear()
    assert run_cli("sla", ".", "--as-of", AS_OF, "--format", "json").stdout == cold.stdout
    assert sum(parsed.values()) == 4
    parsed.clear()
    run_cli("sla", ".", "--as-of", AS_OF)
    assert parsed == {}


def test_sla_over_a_pool_says_what_one_process_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """60 generated dossiers: more than are read in-process, so a cold run reads them on the pool."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "60", str(tmp_path), "--seed", "5"],
                   check=True)  # fmt: skip
    env = {"HANDOFF_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "handoff_cli", "sla", "deals", "--as-of", AS_OF, "--format", "json"]
    cold, warm = (subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
                  for _ in range(2))  # fmt: skip
    assert (cold.returncode, cold.stdout) == (warm.returncode, warm.stdout)
    monkeypatch.chdir(tmp_path)
    assert cold.stdout == _in_process(tmp_path, "deals")


def _in_process(folder: Path, target: str = ".") -> str:
    """sla's JSON as reading each file here, one after the other, gives it (run from `folder`)."""
    assert Path.cwd() == folder
    project = discover(folder)
    result = sla_table(list(expand([Path(target)])), project, as_of=moment(AS_OF, project.settings.tz))
    out = io.StringIO()
    SLA["json"](result, Console(file=out, highlight=False, soft_wrap=True, color_system=None))
    return out.getvalue()


@pytest.mark.parametrize("command", ["sla", "report"])
def test_no_cache_reads_every_file_and_keeps_nothing(run_cli: RunCli, deals: Path, parsed: Counter[str],
                                                     command: str) -> None:  # fmt: skip
    fresh = run_cli(command, ".", "--as-of", AS_OF, "--format", "json", "--no-cache")
    assert sum(parsed.values()) == 4
    parsed.clear()
    cold = run_cli(command, ".", "--as-of", AS_OF, "--format", "json")
    assert sum(parsed.values()) == 4  # the --no-cache run left no entry behind
    assert (cold.exit_code, cold.stdout) == (fresh.exit_code, fresh.stdout) == (1, cold.stdout)
    parsed.clear()
    again = run_cli(command, ".", "--as-of", AS_OF, "--format", "json", "--no-cache")
    assert sum(parsed.values()) == 4 and again.stdout == cold.stdout  # nor does it read the entries there are


def test_report_on_one_process_or_a_pool_is_the_same(tmp_path: Path) -> None:
    """60 generated dossiers, read on one process and on two workers, without the cache: the same report."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "60", str(tmp_path), "--seed", "5"],
                   check=True)  # fmt: skip
    env = {"HANDOFF_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "handoff_cli", "report", "deals", "--as-of", AS_OF, "--format", "json",
               "--no-cache"]  # fmt: skip
    one, two = (subprocess.run([*command, "-j", workers], cwd=tmp_path, env=env, capture_output=True, text=True,
                               check=False) for workers in ("1", "2"))  # fmt: skip
    assert (one.returncode, one.stdout, one.stderr) == (two.returncode, two.stdout, two.stderr)
    assert json.loads(one.stdout)["deals"] and not (tmp_path / "cache").exists()
