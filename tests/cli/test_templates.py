"""handoff templates: the packaged templates listed, and one copied into the repo once."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, RunCli


def test_templates_copy_puts_the_default_in_the_repo_once(run_cli: RunCli, deals_repo: Path) -> None:
    result = run_cli("templates", "copy", "plan_30_60_90.md.j2")
    assert (result.exit_code, result.stdout) == (0, "copied plan_30_60_90.md.j2 to templates/plan_30_60_90.md.j2\n")
    copied = deals_repo / "templates" / "plan_30_60_90.md.j2"
    assert copied.read_bytes() == (ROOT / "templates" / "plan_30_60_90.md.j2").read_bytes()
    again = run_cli("templates", "copy", "plan_30_60_90.md.j2")
    assert (again.exit_code, again.stderr) == (
        2,
        f"handoff: error: {copied}: already exists; remove it first to copy it again\n",
    )
    unknown = run_cli("templates", "copy", "plan.md.j2")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "handoff: error: no packaged template named 'plan.md.j2'; did you mean 'plan_30_60_90.md.j2'?\n",
    )
