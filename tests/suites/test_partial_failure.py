"""One dossier that cannot be read does not hide the others: validate, score, sla and report cover the rest,
name it on one line of stderr and exit 2 (unreadable input); and a run's results are read back one at a time
rather than held, so what a run keeps in memory does not grow with its results."""

from __future__ import annotations

import gc
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from handoff_cli.core.findings import FileResult
from handoff_cli.engine.runner import Plan, check_all
from handoff_cli.settings import discover
from tests.conftest import AS_OF, EXAMPLES, RunCli

# a regular file whose read fails with EIO, for root too (chmod 000 does not stop root reading)
UNREADABLE = Path("/proc/self/mem")
SKIPPED = "handoff: error: broken.yaml: cannot read: Input/output error; skipped\n"


@pytest.fixture
def folder(deals_repo: Path) -> Path:
    for name in ("midmarket-acme.yaml", "smb-brightleaf.yaml", "enterprise-northwind.yaml"):
        shutil.copy(EXAMPLES / name, deals_repo / name)
    (deals_repo / "broken.yaml").symlink_to(UNREADABLE)
    return deals_repo


@pytest.mark.parametrize("command", ["validate", "score"])
def test_validate_and_score_check_the_others(run_cli: RunCli, folder: Path, command: str) -> None:
    run = run_cli(command, ".", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (2, SKIPPED)
    assert run.stdout.splitlines()[-1] == "checked 3 dossiers: 2 ok, 1 need work"
    assert "broken.yaml" not in run.stdout


def test_validate_with_workers_checks_the_others(run_cli: RunCli, folder: Path) -> None:
    for i in range(60):  # enough for the worker pool
        shutil.copy(EXAMPLES / "smb-brightleaf.yaml", folder / f"deal-{i:02}.yaml")
    run = run_cli("validate", ".", "--as-of", AS_OF, "-j", "2", "--format", "json")
    assert (run.exit_code, run.stderr) == (2, SKIPPED)
    assert '"files": 63' in run.stdout


def test_sla_reports_the_other_deals(run_cli: RunCli, folder: Path) -> None:
    run = run_cli("sla", ".", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (2, SKIPPED)
    assert "HS-88412 Acme Outdoor Supply" in run.stdout and "broken.yaml" not in run.stdout


def test_report_covers_the_other_deals(run_cli: RunCli, folder: Path) -> None:
    run = run_cli("report", ".", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (2, SKIPPED)
    assert "| handoffs | 3" in run_cli("report", ".", "--as-of", AS_OF, "--format", "md").stdout


def test_a_clean_folder_exits_as_before(run_cli: RunCli, folder: Path) -> None:
    (folder / "broken.yaml").unlink()
    (folder / "midmarket-acme.yaml").unlink()
    for command in ("validate", "sla", "report"):
        run = run_cli(command, ".", "--as-of", AS_OF)
        assert (run.exit_code, run.stderr) == (0 if command != "sla" else 1, ""), command


def test_a_run_holds_no_result_until_it_is_read(deals_repo: Path) -> None:
    names = []
    for i in range(30):
        shutil.copy(EXAMPLES / "midmarket-acme.yaml", deals_repo / f"deal-{i:02}.yaml")
        names.append(f"deal-{i:02}.yaml")
    plan = Plan(discover(deals_repo), datetime.fromisoformat(AS_OF), None, 1, cache=False)
    result = check_all(names, plan)
    gc.collect()
    assert sum(isinstance(o, FileResult) for o in gc.get_objects()) == 0
    assert (len(result.files), result.ok, result.exit_code) == (30, 0, 1)
    assert [f.path for f in result.files] == names  # read back in order, as often as asked
    assert [len(f.findings) for f in result.files] == [len(result.files[i].findings) for i in range(30)]
    assert result.files[-1].findings[0].code == "HG001"
