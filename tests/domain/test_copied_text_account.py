"""Two dossiers of one account (a first deal and its expansion) honestly repeat the company's story: not a copy.
The same text in another account's dossier still is."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import AS_OF, EXAMPLES, RunCli

FIRST = (EXAMPLES / "smb-brightleaf.yaml").read_text(encoding="utf-8")


def _copied(run_cli: RunCli, *names: str) -> list[str]:
    out = run_cli("validate", *names, "--as-of", AS_OF).stdout
    return [line for line in out.splitlines() if "HF002" in line]


def test_a_second_deal_of_the_same_account_is_not_a_copy(run_cli: RunCli, deals_repo: Path) -> None:
    Path("first.yaml").write_text(FIRST, encoding="utf-8")
    # the account's name as another CRM export spells it: the same account
    Path("expansion.yaml").write_text(
        FIRST.replace("SUB-20931", "SUB-30118").replace(
            "account: Brightleaf Plants B.V.", "account: brightleaf  plants b.v."
        ),
        encoding="utf-8",
    )
    assert _copied(run_cli, "first.yaml", "expansion.yaml") == []


def test_the_same_text_in_another_accounts_dossier_is_a_copy(run_cli: RunCli, deals_repo: Path) -> None:
    Path("first.yaml").write_text(FIRST, encoding="utf-8")
    Path("other.yaml").write_text(
        FIRST.replace("SUB-20931", "SUB-30118").replace("account: Brightleaf Plants B.V.", "account: Greenleaf B.V."),
        encoding="utf-8",
    )
    copied = _copied(run_cli, "first.yaml", "other.yaml")
    assert copied and all("the same text as in" in line for line in copied)
    assert {line.split(":")[0] for line in copied} == {"first.yaml", "other.yaml"}
