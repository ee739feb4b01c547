"""handoff rules: the rules listed, and one explained with its examples."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunCli


def test_rules_lists_and_explains(run_cli: RunCli, deals_repo: Path) -> None:
    listing = run_cli("rules")
    assert listing.exit_code == 0 and "champion-named" in listing.stdout
    one = run_cli("rules", "HS201")
    assert one.stdout.splitlines()[:2] == [
        "HS201 champion-named (stakeholders; ent must 10, mid must 10, smb must 10, strat must 10)",
        "why: the intro email goes to the champion, who carries the project inside the customer; even a self-serve "
        "SMB customer has the one person the welcome goes to",
    ]
    assert "FAIL:" in one.stdout
    assert "HY003" in run_cli("rules", "--all").stdout
    unknown = run_cli("rules", "champion")
    assert unknown.exit_code == 2 and "did you mean" in unknown.stderr
