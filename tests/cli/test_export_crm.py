"""`handoff export crm`: a write-back file keyed by the record id `import crm` read, in each CRM's columns; every
record id of an import comes back on its own row; nothing is written over without --force, nor at all when a
dossier is invalid."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.builders import dossier_yaml
from tests.conftest import AS_OF, EXAMPLES, RunCli

HUBSPOT = EXAMPLES / "crm" / "hubspot-deals.csv"
SALESFORCE = EXAMPLES / "crm" / "salesforce-opportunities.csv"
HUBSPOT_HEADER = ["Record ID", "Handoff Score", "Handoff Status", "Customer Success Manager", "First Contact Date",
                  "Kickoff Date", "Breached Handoff Clocks", "Handoff Review Rating"]  # fmt: skip
SALESFORCE_HEADER = ["Id", "Handoff_Score__c", "Handoff_Status__c", "Customer_Success_Manager__c",
                     "First_Contact_Date__c", "Kickoff_Date__c", "Breached_Handoff_Clocks__c",
                     "Handoff_Review_Rating__c"]  # fmt: skip


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def ids_in(export: Path, column: str) -> set[str]:
    with export.open(encoding="utf-8-sig", newline="") as handle:
        return {row[column] for row in csv.DictReader(handle) if row[column]}  # not Salesforce's footer lines


@pytest.mark.parametrize(
    ("export", "fmt", "id_column", "header"),
    [
        (HUBSPOT, "hubspot", "Record ID", HUBSPOT_HEADER),
        (SALESFORCE, "salesforce", "Opportunity ID", SALESFORCE_HEADER),
    ],
)
def test_import_then_export_gives_every_record_id_back_on_its_own_row(
    run_cli: RunCli, deals_repo: Path, export: Path, fmt: str, id_column: str, header: list[str]
) -> None:
    assert run_cli("import", "crm", str(export), "--map", fmt, "--out", "deals").exit_code == 0
    run = run_cli("export", "crm", "deals", "--format", fmt, "--as-of", AS_OF, "--out", "back.csv")
    assert (run.exit_code, run.stderr) == (0, "")
    text = (deals_repo / "back.csv").read_bytes().decode("utf-8")
    rows = table(text)
    assert text.split("\r\n")[0] == ",".join(header) and text.count("\r\n") == len(rows) + 1  # RFC 4180 line ends
    assert run.stdout == f"wrote back.csv: {len(rows)} deals\n"
    assert sorted(r[header[0]] for r in rows) == sorted(ids_in(export, id_column))
    scored = json.loads(run_cli("score", "deals", "--format", "json", "--as-of", AS_OF).stdout)["files"]
    by_id = {f["deal_id"]: f for f in scored}
    assert len(by_id) == len(scored) == len(rows)  # one dossier per record
    for row in rows:  # each row is the dossier that holds its record id, scored as `handoff score` scores it
        assert (float(row[header[1]]), row[header[2]].lower()) == (by_id[row[header[0]]]["score"], "incomplete")


def test_the_examples_in_salesforce_columns(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "repo"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("invalid", "crm"))
    (folder / ".git").mkdir()
    monkeypatch.chdir(folder)
    run = run_cli("export", "crm", ".", "--format", "salesforce", "--as-of", AS_OF, "--out", "back.csv")
    assert (run.exit_code, (folder / "back.csv").read_bytes().decode()) == (0, "\r\n".join([
        ",".join(SALESFORCE_HEADER),
        "0061x00000NWF420,100.0,Accepted,Priya Nair,2026-11-13,2026-11-16,2,5",
        "HS-88412,86.8,Rejected,Kofi Mensah,,,5,2",
        "SUB-20931,100.0,Ready,Relay Scale CS (pooled),2026-11-12,2026-11-19,1,",
        "0061x00000GLX120,95.4,Incomplete,Nikolai Petrov,2026-11-18,,2,",
        "",
    ]))  # fmt: skip


def _handoff(**extra: object) -> dict[str, object]:
    return {"handoff": extra}


def test_dates_on_the_deals_calendar_and_the_latest_review_counts(run_cli: RunCli, deals_repo: Path) -> None:
    reviews = [  # the file lists the later review first: the moment decides, not the order
        {"decision": "accepted", "by": "carl@relay.example", "at": "2026-11-20T09:00:00+09:00", "rating": 4},
        {"decision": "rejected", "by": "carl@relay.example", "at": "2026-11-12T09:00:00+09:00", "rating": 2,
         "reasons": ["unclear-goals"]},
    ]  # fmt: skip
    events = [{"event": "first_contact", "at": "2026-11-10T23:30:00+00:00"},  # already the 11th in Tokyo
              {"event": "kickoff", "at": "2026-11-13T10:00:00"}]  # fmt: skip
    text = dossier_yaml(sections=_handoff(events=events, reviews=reviews), timezone="Asia/Tokyo")
    (deals_repo / "tokyo.yaml").write_text(text)
    run = run_cli("export", "crm", "tokyo.yaml", "--as-of", AS_OF)
    rows = table(run.stdout)
    assert run.exit_code == 0 and len(rows) == 1
    assert {k: rows[0][k] for k in ("deal_id", "status", "csm", "first_contact", "kickoff", "last_review_rating")} == {
        "deal_id": "D-1", "status": "accepted", "csm": "Carl CSM", "first_contact": "2026-11-11",
        "kickoff": "2026-11-13", "last_review_rating": "4"}  # fmt: skip


@pytest.mark.parametrize(
    "deal",
    [
        {"stage": "pre-close", "signed_at": None, "expected_close": "2026-12-15"},
        {"kind": "expansion"},
        {"kind": "renewal"},
    ],
    ids=["pre-close", "expansion", "renewal"],
)
def test_a_deal_with_nothing_late_has_no_breached_clock_and_no_review(
    run_cli: RunCli, deals_repo: Path, deal: dict[str, object]
) -> None:
    (deals_repo / "deal.yaml").write_text(dossier_yaml(**deal))
    run = run_cli("export", "crm", "deal.yaml", "--as-of", "2026-11-09T10:00:00+00:00")  # an hour after signature
    rows = table(run.stdout)
    assert run.exit_code == 0
    assert {k: rows[0][k] for k in ("breached_clocks", "first_contact", "kickoff", "last_review_rating")} == {
        "breached_clocks": "0", "first_contact": "", "kickoff": "", "last_review_rating": ""}  # fmt: skip


def test_a_complete_unreviewed_deal_is_ready_and_a_clock_met_late_counts(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(EXAMPLES / "smb-brightleaf.yaml", tmp_path / "smb.yaml")
    shutil.copy(EXAMPLES / "handoff.toml", tmp_path / "handoff.toml")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    early = table(run_cli("export", "crm", "smb.yaml", "--as-of", "2026-11-19T11:00:00+01:00").stdout)
    late = table(run_cli("export", "crm", "smb.yaml", "--as-of", AS_OF).stdout)
    # the intro email is this team's first contact for SMB (examples/handoff.toml); the kickoff came 2 h 40 m late
    assert [early[0][k] for k in ("status", "first_contact", "kickoff", "breached_clocks")] == [
        "incomplete", "2026-11-12", "", "0"]  # the kickoff is still to come, and logged ahead of time (HS807)
    assert [late[0][k] for k in ("status", "first_contact", "kickoff", "breached_clocks")] == [
        "ready", "2026-11-12", "2026-11-19", "1"]


def test_out_is_replaced_only_with_force(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(dossier_yaml())
    (deals_repo / "back.csv").write_bytes(b"keep me\n")
    refused = run_cli("export", "crm", "deal.yaml", "--as-of", AS_OF, "--out", "back.csv")
    assert (refused.exit_code, refused.stderr) == (2, "handoff: error: back.csv: already exists; pass --force to "
                                                      "overwrite it\n")  # fmt: skip
    assert (deals_repo / "back.csv").read_bytes() == b"keep me\n"
    forced = run_cli("export", "crm", "deal.yaml", "--as-of", AS_OF, "--out", "back.csv", "--force")
    assert (forced.exit_code, forced.stdout) == (0, "wrote back.csv: 1 deals\n")
    assert (deals_repo / "back.csv").read_text().startswith("deal_id,score,status,")


def test_an_invalid_dossier_stops_the_export_with_nothing_written(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "good.yaml").write_text(dossier_yaml())
    (deals_repo / "bad.yaml").write_text(dossier_yaml(id="D-2", segment="mid market"))
    run = run_cli("export", "crm", ".", "--as-of", AS_OF, "--out", "back.csv")
    assert run.exit_code == 1 and not (deals_repo / "back.csv").exists()
    assert run.stderr.splitlines()[-1] == ("handoff: error: bad.yaml: not a valid dossier (1 problem(s)); run "
                                           "`handoff validate bad.yaml`")  # fmt: skip


def test_two_dossiers_of_one_record_are_refused(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "a.yaml").write_text(dossier_yaml())
    (deals_repo / "b.yaml").write_text(dossier_yaml())
    run = run_cli("export", "crm", ".", "--as-of", AS_OF, "--out", "back.csv")
    assert (run.exit_code, run.stderr) == (2, "handoff: error: b.yaml: deal.id D-1 is also the id of a.yaml; one CRM "
                                              "record takes one row; nothing was written\n")  # fmt: skip
    assert not (deals_repo / "back.csv").exists()


def test_a_mapping_of_ones_own_names_the_columns_and_the_statuses(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(dossier_yaml(csm={"name": "=HYPERLINK(\"http://x.example\")"}))
    (deals_repo / "pipedrive.toml").write_text(
        'crm = "Pipedrive"\n[columns]\nid = "Deal ID"\naccount = "Organization"\n'  # the import's part, unread here
        '[export]\ndate_format = "%d.%m.%Y"\n[export.columns]\nid = "Deal ID"\nstatus = "Handoff"\ncsm = "CSM"\n'
        '[export.statuses]\nincomplete = "Unvollständig"\n'
    )
    run = run_cli("export", "crm", "deal.yaml", "--map", "pipedrive.toml", "--as-of", AS_OF)
    # a cell a spreadsheet would run as a formula is written as text
    assert (run.exit_code, run.stdout) == (0, 'Deal ID,Handoff,CSM\nD-1,Unvollständig,"\'=HYPERLINK(""http://x.'
                                              'example"")"\n')  # fmt: skip
    # the same file still maps an import: its [export] table is part of the mapping's shape
    assert run_cli("import", "crm", str(HUBSPOT), "--map", "pipedrive.toml", "--out", "d").stderr.startswith(
        f"handoff: error: {HUBSPOT}:1: the header has no column 'Deal ID'")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('crm = "X"\n', "pipedrive.toml: has no [export] table: name the write-back columns under [export.columns]"),
        ("[export.columns]\nscore = 'S'\n", "pipedrive.toml: export.columns.id: Field required"),
        ("[export.columns]\nid = 'I'\nrating = 'R'\n", "pipedrive.toml: export.columns.rating: Extra inputs are "
                                                      "not permitted"),
        ("[export\n", "pipedrive.toml: not valid TOML: Expected ']' at the end of a table declaration (at line 1, "
                      "column 8)"),
    ],
)
def test_a_bad_mapping_is_one_line_before_anything_is_read(
    run_cli: RunCli, deals_repo: Path, content: str, message: str
) -> None:
    (deals_repo / "pipedrive.toml").write_text(content)
    run = run_cli("export", "crm", "missing.yaml", "--map", "pipedrive.toml", "--out", "back.csv")
    assert (run.exit_code, run.stderr) == (2, f"handoff: error: {message}\n")
    assert not (deals_repo / "back.csv").exists()


def test_the_format_choices_are_the_three(run_cli: RunCli) -> None:
    run = run_cli("export", "crm", "x.yaml", "--format", "pipedrive")
    assert (run.exit_code, run.stderr) == (
        2, "handoff: error: Invalid value for '--format' / '-f': 'pipedrive' is not one of 'hubspot', 'salesforce', "
           "'csv'.\n")  # fmt: skip
