"""Change control after signature: commitments changed in commits after `signed_at`, with the commit's author."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.gitrepo import git

DEAL = """schema: 1
deal: {id: D-1, account: Initech, segment: smb, signed_at: 2026-11-02T09:00:00+00:00,
       sales_rep: {name: Rita Rep}, csm: {name: Carl CSM}}
commitments:
  - {what: Seats for the whole team, kind: scope, owner: Carl CSM, due: 2026-12-15}
"""
SAP = "  - {what: SAP connector, kind: scope, owner: Rita Rep, due: 2026-12-20}\n"


def commit(repo: Path, author: str, day: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "edit", author=author, date=f"2026-11-{day}T09:00:00+00:00")


@pytest.fixture
def repo(deals_repo: Path) -> Path:
    (deals_repo / "d.yaml").write_text(DEAL, encoding="utf-8")
    commit(deals_repo, "Rita Rep", "01")  # before signature: the deal as sold
    return deals_repo


def _hc001(run_cli: RunCli, *args: str) -> list[dict[str, object]]:
    doc = json.loads(run_cli("validate", "d.yaml", "--format", "json", *args).stdout)
    return [f for file in doc["files"] for f in file["findings"] if f["code"] == "HC001"]


def _cs_work(run_cli: RunCli, repo: Path) -> None:
    """What CS does after signature: a status update and a recorded renegotiation, each committed."""
    assert run_cli("mark", "d.yaml", "commitments", "Seats", "renegotiated", "--due", "2027-01-10",
                   "--at", "2026-11-05T10:00Z", "--by", "Carl CSM").exit_code == 0  # fmt: skip
    commit(repo, "Carl CSM", "05")
    assert run_cli("mark", "d.yaml", "commitments", "Seats", "done", "--at", "2026-11-06T10:00Z").exit_code == 0
    commit(repo, "Carl CSM", "06")


def test_a_commitment_a_rep_adds_after_signature_is_one_finding_naming_them(run_cli: RunCli, repo: Path) -> None:
    _cs_work(run_cli, repo)
    with (repo / "d.yaml").open("a", encoding="utf-8") as f:
        f.write(SAP)
    commit(repo, "Rita Rep", "10")
    found = _hc001(run_cli, "--change-control")
    assert [(f["severity"], f["line"], f["message"]) for f in found] == [
        ("warning", 6, "commitment 'SAP connector' added after signature in "
         f"{git(repo, 'rev-parse', '--short', 'HEAD').strip()} by Rita Rep (2026-11-10)"),
    ]  # fmt: skip
    text = run_cli("validate", "d.yaml", "--change-control").stdout
    assert "d.yaml:6:5: HC001 changed-after-signature: commitment 'SAP connector' added after signature" in text


def test_status_updates_and_recorded_renegotiations_are_not_findings(run_cli: RunCli, repo: Path) -> None:
    _cs_work(run_cli, repo)
    assert _hc001(run_cli, "--change-control") == []


def test_a_due_date_moved_by_hand_and_a_removal_are_findings(run_cli: RunCli, repo: Path) -> None:
    (repo / "d.yaml").write_text(DEAL.replace("2026-12-15", "2026-12-01") + SAP, encoding="utf-8")
    commit(repo, "Rita Rep", "03")
    (repo / "d.yaml").write_text(DEAL.replace("2026-12-15", "2026-12-01"), encoding="utf-8")
    commit(repo, "Sam Sales", "04")
    messages = [str(f["message"]).split(" in ")[0] + " by " + str(f["message"]).split(" by ")[1]
                for f in _hc001(run_cli, "--change-control")]
    assert messages == [  # in line order: a commitment no longer there at the `commitments` key
        "commitment 'SAP connector' added after signature by Rita Rep (2026-11-03)",
        "commitment 'SAP connector' removed after signature by Sam Sales (2026-11-04)",
        "commitment 'Seats for the whole team' due 2026-12-15 -> 2026-12-01 after signature by Rita Rep (2026-11-03)",
    ]


def test_without_the_flag_or_outside_git_nothing_is_read(run_cli: RunCli, repo: Path, tmp_path_factory:
                                                         pytest.TempPathFactory) -> None:  # fmt: skip
    with (repo / "d.yaml").open("a", encoding="utf-8") as f:
        f.write(SAP)
    commit(repo, "Rita Rep", "10")
    assert _hc001(run_cli) == []
    outside = tmp_path_factory.mktemp("plain")
    (outside / "d.yaml").write_text(DEAL + SAP, encoding="utf-8")
    result = run_cli("validate", str(outside / "d.yaml"), "--change-control")
    assert "HC001" not in result.stdout and result.stderr == ""


def test_the_report_lists_the_changes_per_rep(run_cli: RunCli, repo: Path) -> None:
    _cs_work(run_cli, repo)
    with (repo / "d.yaml").open("a", encoding="utf-8") as f:
        f.write(SAP)
    commit(repo, "Rita Rep", "10")
    sha = git(repo, "rev-parse", "--short", "HEAD").strip()
    doc = json.loads(run_cli("report", "d.yaml", "--change-control", "--format", "json").stdout)
    assert doc["change_control"] == {"by_rep": {"Rita Rep": [
        {"deal_id": "D-1", "commitment": "SAP connector", "change": "added", "commit": sha, "author": "Rita Rep",
         "date": "2026-11-10"}]}}  # fmt: skip
    text = run_cli("report", "d.yaml", "--change-control").stdout
    assert (f"\ncommitments changed after signature (git)\n  rep Rita Rep: 1\n"
            f"    D-1: 'SAP connector' added in {sha} by Rita Rep (2026-11-10)\n") in text  # fmt: skip
    html = run_cli("report", "d.yaml", "--change-control", "--format", "html").stdout
    assert ("<h2>Commitments changed after signature (git)</h2>\n<h3>Rep Rita Rep: 1</h3><ul>\n"
            f"<li>D-1: &#39;SAP connector&#39; added in {sha} by Rita Rep (2026-11-10)</li>\n</ul>\n") in html
    # a commit after --as-of has not happened yet; without the flag nothing is read
    early = json.loads(run_cli("report", "d.yaml", "--change-control", "--as-of", "2026-11-08T00:00Z",
                               "--format", "json").stdout)  # fmt: skip
    assert early["change_control"] == {"by_rep": {}}
    assert "change_control" not in json.loads(run_cli("report", "d.yaml", "--format", "json").stdout)


def test_the_report_says_none_when_cs_alone_changed_things(run_cli: RunCli, repo: Path) -> None:
    _cs_work(run_cli, repo)
    text = run_cli("report", "d.yaml", "--change-control").stdout
    assert "\ncommitments changed after signature (git)\n  none\n" in text
    md = run_cli("report", "d.yaml", "--change-control", "--format", "md").stdout
    assert "## Commitments changed after signature (git)\n\nnone\n" in md
    html = run_cli("report", "d.yaml", "--change-control", "--format", "html").stdout
    assert "<h2>Commitments changed after signature (git)</h2>\n<p>none</p>" in html
