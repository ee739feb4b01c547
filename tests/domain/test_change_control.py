"""Change control after signature: commitments changed in commits after `signed_at`, with the commit's author."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from handoff_cli.gate.change_control import Edit, between
from tests.builders import dossier_yaml
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
    found = _hc001(run_cli)
    assert [(f["severity"], f["line"], f["message"]) for f in found] == [
        ("warning", 6, "commitment 'SAP connector' added after signature in "
         f"{git(repo, 'rev-parse', '--short', 'HEAD').strip()} by Rita Rep (2026-11-10)"),
    ]  # fmt: skip
    text = run_cli("validate", "d.yaml").stdout
    assert ("d.yaml:6:5: warning: HC001 changed-after-signature: commitment 'SAP connector' added after "
            "signature") in text


def test_status_updates_and_recorded_renegotiations_are_not_findings(run_cli: RunCli, repo: Path) -> None:
    _cs_work(run_cli, repo)
    assert _hc001(run_cli) == []


def test_a_due_date_moved_by_hand_and_a_removal_are_findings(run_cli: RunCli, repo: Path) -> None:
    (repo / "d.yaml").write_text(DEAL.replace("2026-12-15", "2026-12-01") + SAP, encoding="utf-8")
    commit(repo, "Rita Rep", "03")
    (repo / "d.yaml").write_text(DEAL.replace("2026-12-15", "2026-12-01"), encoding="utf-8")
    commit(repo, "Sam Sales", "04")
    messages = [str(f["message"]).split(" in ")[0] + " by " + str(f["message"]).split(" by ")[1]
                for f in _hc001(run_cli)]
    assert messages == [  # in line order: a commitment no longer there at the `commitments` key
        "commitment 'SAP connector' added after signature by Rita Rep (2026-11-03)",
        "commitment 'SAP connector' removed after signature by Sam Sales (2026-11-04)",
        "commitment 'Seats for the whole team' due 2026-12-15 -> 2026-12-01 after signature by Rita Rep (2026-11-03)",
    ]


def test_switched_off_or_outside_git_nothing_is_read(run_cli: RunCli, repo: Path, tmp_path_factory:
                                                     pytest.TempPathFactory) -> None:  # fmt: skip
    with (repo / "d.yaml").open("a", encoding="utf-8") as f:
        f.write(SAP)
    commit(repo, "Rita Rep", "10")
    assert len(_hc001(run_cli)) == 1
    assert _hc001(run_cli, "--no-change-control") == []
    (repo / "handoff.toml").write_text("change_control = false\n", encoding="utf-8")
    assert _hc001(run_cli) == []
    assert len(_hc001(run_cli, "--change-control")) == 1  # the flag over the setting, for one run
    outside = tmp_path_factory.mktemp("plain")
    (outside / "d.yaml").write_text(DEAL + SAP, encoding="utf-8")
    result = run_cli("validate", str(outside / "d.yaml"))
    assert "HC001" not in result.stdout and result.stderr == ""


def test_the_report_lists_the_changes_per_rep(run_cli: RunCli, repo: Path) -> None:
    _cs_work(run_cli, repo)
    with (repo / "d.yaml").open("a", encoding="utf-8") as f:
        f.write(SAP)
    commit(repo, "Rita Rep", "10")
    sha = git(repo, "rev-parse", "--short", "HEAD").strip()
    doc = json.loads(run_cli("report", "d.yaml", "--format", "json").stdout)
    assert doc["change_control"] == {"by_rep": {"Rita Rep": [
        {"deal_id": "D-1", "commitment": "SAP connector", "change": "added", "commit": sha, "author": "Rita Rep",
         "date": "2026-11-10"}]}}  # fmt: skip
    text = run_cli("report", "d.yaml").stdout
    assert (f"\ncommitments changed after signature (git)\n  rep Rita Rep: 1\n"
            f"    D-1: 'SAP connector' added in {sha} by Rita Rep (2026-11-10)\n") in text  # fmt: skip
    html = run_cli("report", "d.yaml", "--format", "html").stdout
    assert ("<h2>Commitments changed after signature (git)</h2>\n<h3>Rep Rita Rep: 1</h3><ul>\n"
            f"<li>D-1: &#39;SAP connector&#39; added in {sha} by Rita Rep (2026-11-10)</li>\n</ul>\n") in html
    # a commit after --as-of has not happened yet; switched off, nothing is read
    early = json.loads(run_cli("report", "d.yaml", "--as-of", "2026-11-08T00:00Z", "--format", "json").stdout)
    assert early["change_control"] == {"by_rep": {}}
    off = json.loads(run_cli("report", "d.yaml", "--no-change-control", "--format", "json").stdout)
    assert "change_control" not in off


def test_the_report_says_none_when_cs_alone_changed_things(run_cli: RunCli, repo: Path) -> None:
    _cs_work(run_cli, repo)
    text = run_cli("report", "d.yaml").stdout
    assert "\ncommitments changed after signature (git)\n  none\n" in text
    md = run_cli("report", "d.yaml", "--format", "md").stdout
    assert "## Commitments changed after signature (git)\n\nnone\n" in md
    html = run_cli("report", "d.yaml", "--format", "html").stdout
    assert "<h2>Commitments changed after signature (git)</h2>\n<p>none</p>" in html


def test_a_clean_deal_of_every_shape_has_no_finding(run_cli: RunCli, deals_repo: Path) -> None:
    """Sold with its commitments, then only CS's status updates after signature (pre-close: no signature yet)."""
    seats = {"what": "Seats for the whole team", "kind": "scope", "owner": "Carl CSM", "due": "2026-12-15"}
    shapes = {
        "smb.yaml": dossier_yaml(segment="smb"),
        "enterprise.yaml": dossier_yaml(segment="enterprise"),
        "expansion.yaml": dossier_yaml(kind="expansion"),
        "renewal.yaml": dossier_yaml(kind="renewal"),
        "pre-close.yaml": dossier_yaml(stage="pre-close", signed_at=None),
    }
    for name, text in shapes.items():
        (deals_repo / name).write_text(text + "commitments:\n" + "".join(
            f"  - {{{', '.join(f'{k}: {v}' for k, v in seats.items())}}}\n" for _ in [0]), encoding="utf-8")
    commit(deals_repo, "Rita Rep", "01")
    for name in shapes:
        assert run_cli("mark", name, "commitments", "Seats", "done", "--at", "2026-11-12T10:00Z").exit_code == 0
    with (deals_repo / "pre-close.yaml").open("a", encoding="utf-8") as f:
        f.write(SAP)  # before signature, adding promises is what sales does
    commit(deals_repo, "Carl CSM", "12")
    doc = json.loads(run_cli("validate", ".", "--format", "json").stdout)
    assert [f["code"] for file in doc["files"] for f in file["findings"] if f["code"] == "HC001"] == []
    assert json.loads(run_cli("report", ".", "--format", "json").stdout)["change_control"] == {"by_rep": {}}


def _git_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every git process the command starts in this process, by its arguments."""
    calls: list[list[str]] = []
    real = subprocess.Popen

    class Watched(real):  # type: ignore[misc,valid-type]
        def __init__(self, args: Any, *rest: Any, **kw: Any) -> None:
            if isinstance(args, list | tuple) and args and args[0] == "git":
                calls.append([str(a) for a in args])
            super().__init__(args, *rest, **kw)

    monkeypatch.setattr(subprocess, "Popen", Watched)
    return calls


def _subcommand(call: list[str]) -> str:
    rest = call[1:]
    while rest and rest[0] == "-c":
        rest = rest[2:]
    return rest[0]


def _deals(repo: Path, count: int) -> None:
    for n in range(count):
        (repo / f"d{n}.yaml").write_text(DEAL.replace("D-1", f"D-{n}"), encoding="utf-8")
    commit(repo, "Rita Rep", "01")
    for n in range(count):
        with (repo / f"d{n}.yaml").open("a", encoding="utf-8") as f:
            f.write(SAP)
    commit(repo, "Rita Rep", "10")


def _folder_run(run_cli: RunCli, repo: Path, count: int, calls: list[list[str]]) -> int:
    """Validate a folder of `count` dossiers a rep changed after signature; the git processes it started."""
    repo.mkdir()
    git(repo, "init", "-q")
    _deals(repo, count)
    calls.clear()
    doc = json.loads(run_cli("validate", str(repo), "--format", "json").stdout)
    assert [(Path(file["path"]).name, f["message"].split(" in ")[0]) for file in doc["files"] for f in file["findings"]
            if f["code"] == "HC001"] == [
        (f"d{n}.yaml", "commitment 'SAP connector' added after signature") for n in range(count)]  # fmt: skip
    # the walk, the contents, the commits' short names: one of each
    assert [_subcommand(c) for c in calls if _subcommand(c) in ("log", "cat-file")] == ["log", "cat-file", "log"]
    assert "--follow" not in calls[[_subcommand(c) for c in calls].index("log")]
    started = len(calls)
    # a warm run takes each dossier's signature from the cache, and says the same
    calls.clear()
    assert json.loads(run_cli("validate", str(repo), "--format", "json").stdout) == doc
    assert len(calls) == started
    return started


def test_a_folder_run_reads_git_once_whatever_the_number_of_dossiers(
    run_cli: RunCli, deals_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _git_calls(monkeypatch)
    assert _folder_run(run_cli, deals_repo / "two", 2, calls) == _folder_run(run_cli, deals_repo / "six", 6, calls)


def test_a_one_file_run_reads_that_files_history_alone(
    run_cli: RunCli, deals_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deals(deals_repo, 3)
    calls = _git_calls(monkeypatch)
    assert "d1.yaml:6:5: warning: HC001 changed-after-signature: commitment 'SAP connector' added" in run_cli(
        "validate", "d1.yaml").stdout
    walks = [c for c in calls if _subcommand(c) == "log" and "--no-walk=unsorted" not in c]
    assert len(walks) == 1 and walks[0][-3:] == ["--follow", "--", "d1.yaml"]


def test_a_rename_after_signature_keeps_the_deals_past(run_cli: RunCli, repo: Path) -> None:
    (repo / "other.yaml").write_text(DEAL.replace("D-1", "D-2"), encoding="utf-8")
    commit(repo, "Rita Rep", "01")
    git(repo, "mv", "d.yaml", "initech.yaml")
    with (repo / "initech.yaml").open("a", encoding="utf-8") as f:
        f.write(SAP)
    commit(repo, "Rita Rep", "10")
    for args in (("initech.yaml",), (".",)):  # the one-file history and the folder's walk alike
        doc = json.loads(run_cli("validate", *args, "--format", "json").stdout)
        assert [(file["path"], f["message"].split(" in ")[0]) for file in doc["files"] for f in file["findings"]
                if f["code"] == "HC001"] == [("initech.yaml", "commitment 'SAP connector' added after signature")]


def test_two_texts_of_a_dossier_say_what_changed() -> None:
    assert between(DEAL, DEAL + SAP) == [Edit("SAP connector", "added")]
    assert between(DEAL + SAP, DEAL.replace("2026-12-15", "2027-01-05")) == [
        Edit("SAP connector", "removed"), Edit("Seats for the whole team", "due 2026-12-15 -> 2027-01-05")]
    assert between(None, DEAL) == [Edit("Seats for the whole team", "added")]
    assert between(DEAL, DEAL.replace("{what: Seats", "{status: done, what: Seats")) == []
    assert between("deal: [", DEAL) is None
