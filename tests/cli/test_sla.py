"""`handoff sla`: the examples' clock table as a reviewed snapshot, filters, exit codes and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, GOLDEN, RunCli, snapshot

DEALS = sorted(p.name for p in EXAMPLES.glob("*.yaml"))
SNAPSHOTS = GOLDEN / "sla"




@pytest.mark.parametrize(
    ("golden", "options"),
    [
        # --clocks-only is the view from before overdue items were listed: the same bytes
        ("examples.txt", ("--clocks-only",)),
        ("examples.json", ("--format", "json", "--clocks-only")),
        ("examples-breached.txt", ("--only", "breached", "--clocks-only")),
        ("examples-overdue.txt", ()),
        ("examples-overdue.json", ("--format", "json")),
    ],
)
def test_examples_snapshot(run_cli: RunCli, in_examples: Path, golden: str, options: tuple[str, ...]) -> None:
    result = run_cli("sla", *DEALS, "--as-of", AS_OF, *options)
    assert (result.exit_code, result.stdout, result.stderr) == (1, snapshot(SNAPSHOTS / golden, result.stdout), "")


def test_json_matches_text_counts(run_cli: RunCli, in_examples: Path) -> None:
    doc = json.loads(run_cli("sla", *DEALS, "--as-of", AS_OF, "--format", "json").stdout)
    assert doc["summary"] == {
        "clocks": 25, "breached": 5, "at-risk": 0, "open": 4, "waiting": 2, "met-late": 5, "met": 9,
    }  # fmt: skip
    assert len(doc["clocks"]) == 25
    first = doc["clocks"][0]
    assert (first["deal_id"], first["clock"], first["status"], first["late_minutes"]) == (
        "HS-88412", "first_contact", "breached", 16 * 24 * 60 + 14 * 60 + 55,
    )  # fmt: skip


def test_nothing_breached_exits_0(run_cli: RunCli, in_examples: Path) -> None:
    # two days after Northwind's signature: first CS contact is due tonight, nothing has run out yet
    result = run_cli("sla", "enterprise-northwind.yaml", "--as-of", "2026-11-11T12:00:00+00:00", "--only", "at-risk")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "status   clock          due (the deal's time)   detail         owner           deal"
        "                                      file",
        "at-risk  first_contact  2026-11-11 21:30+00:00  9 h 30 m left  csm Priya Nair  0061x00000NWF420"
        " Northwind Freight Group  enterprise-northwind.yaml",
        "7 clocks on 1 deal (showing 1): 0 breached, 1 at risk, 3 open, 1 waiting, 0 met late, 2 met",
    ]


def test_invalid_files_are_listed_and_fail(run_cli: RunCli, in_examples: Path) -> None:
    result = run_cli("sla", "smb-brightleaf.yaml", "invalid/unknown-key.yaml", "--as-of", "2026-11-12T10:25:00Z")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-2:] == [
        "invalid/unknown-key.yaml: not a valid dossier (3 problem(s)); run `handoff validate invalid/unknown-key.yaml`",
        "4 clocks on 1 deal: 0 breached, 0 at risk, 4 open, 0 waiting, 0 met late, 0 met",
    ]


def test_unsigned_deal_is_noted(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "lead.yaml").write_text(
        "schema: 1\ndeal: {id: L-1, account: Hooli, segment: smb, stage: pre-close}\n", encoding="utf-8"
    )
    result = run_cli("sla", "lead.yaml", "--as-of", AS_OF)
    assert (result.exit_code, result.stdout.splitlines()) == (
        0,
        [
            "lead.yaml: L-1 is not signed yet; its clocks have not started",
            "0 clocks on 0 deals: 0 breached, 0 at risk, 0 open, 0 waiting, 0 met late, 0 met",
        ],
    )


def test_configured_targets_apply(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('[sla.segments.smb.first_contact]\nwithin = "8 days"\n', encoding="utf-8")
    (deals_repo / "b.yaml").write_bytes((EXAMPLES / "smb-brightleaf.yaml").read_bytes())
    doc = json.loads(run_cli("sla", "b.yaml", "--as-of", AS_OF, "-f", "json").stdout)
    first_contact = next(c for c in doc["clocks"] if c["clock"] == "first_contact")
    assert (first_contact["target"], first_contact["status"]) == ("8 days", "met")


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (("nowhere.yaml",), "handoff: error: nowhere.yaml: no such file or folder\n"),
        (("--as-of", "yesterday"), "'yesterday' is not an ISO 8601 date or date-time"),
        (("--only", "late"), "Invalid value for '--only'"),
    ],
)
def test_usage_errors_exit_2(run_cli: RunCli, deals_repo: Path, args: tuple[str, ...], stderr: str) -> None:
    result = run_cli("sla", *args)
    assert result.exit_code == 2
    assert stderr in result.stderr


TRACKED = """schema: 1
deal: {id: D-9, account: Initech, segment: smb, signed_at: 2026-11-02T09:00:00+00:00,
       csm: {name: Carl CSM}, cs_manager: {name: Mia Lead}}
commitments:
  - {what: SAP connector, kind: scope, owner: Carl CSM, due: 2026-11-02@connector@}
implementation:
  milestones:
    - {name: Sandbox ready, due: 2026-11-02@sandbox@}
handoff:
  events:  # every clock met, so only the items decide the exit code
    - {event: intro_email, at: 2026-11-02T09:10:00+00:00}
    - {event: first_contact, at: 2026-11-02T09:10:00+00:00}
    - {event: kickoff, at: 2026-11-02T09:10:00+00:00}
    - {event: first_value, at: 2026-11-02T09:10:00+00:00}
  checklist:
    - {item: CRM owner changed, due: 2026-11-02, done: true}
    - {item: Later, due: 2026-12-01}
"""
ON_TIME = ", status: done, status_at: 2026-11-02T17:00:00+00:00"
OVERDUE = (
    "overdue  list         item           due         owner     escalation  deal         file\n"
    "2 d      commitments  SAP connector  2026-11-02  Carl CSM  Mia Lead    D-9 Initech  d.yaml\n"
    "2 d      milestones   Sandbox ready  2026-11-02  (none)    Mia Lead    D-9 Initech  d.yaml\n"
    "2 items overdue on 1 deal\n"
)


def test_items_past_due_and_owed_are_listed_and_exit_1(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(_tracked(connector="", sandbox=""), encoding="utf-8")
    result = run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00")
    assert (result.exit_code, result.stderr) == (1, "")
    assert "4 clocks on 1 deal: 0 breached, 0 at risk, 0 open, 0 waiting, 0 met late, 4 met\n" in result.stdout
    assert result.stdout.endswith("\n" + OVERDUE)
    clocks_only = run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--clocks-only")
    assert clocks_only.exit_code == 0 and "overdue" not in clocks_only.stdout
    doc = json.loads(run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--format", "json").stdout)
    assert [(o["list"], o["item"], o["days_overdue"], o["owner"], o["escalation"]) for o in doc["overdue"]] == [
        ("commitments", "SAP connector", 2, "Carl CSM", "Mia Lead"),
        ("milestones", "Sandbox ready", 2, None, "Mia Lead"),
    ]  # fmt: skip


def test_everything_delivered_on_time_has_no_overdue_item(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(_tracked(connector=ON_TIME, sandbox=ON_TIME), encoding="utf-8")
    result = run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--clocks-only").stdout
    doc = json.loads(run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--format", "json").stdout)
    assert doc["overdue"] == []


def test_a_renegotiated_item_is_overdue_only_after_its_new_date(run_cli: RunCli, deals_repo: Path) -> None:
    text = _tracked(connector="", sandbox=ON_TIME).replace(
        "due: 2026-11-02}", "due: 2026-11-20, status: renegotiated, previous_due: 2026-11-02}", 1
    )
    (deals_repo / "d.yaml").write_text(text, encoding="utf-8")
    assert run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00").exit_code == 0
    late = run_cli("sla", "d.yaml", "--as-of", "2026-11-23T08:00:00+00:00", "--format", "json")
    assert [(o["item"], o["days_overdue"]) for o in json.loads(late.stdout)["overdue"]] == [("SAP connector", 3)]


def _tracked(*, connector: str, sandbox: str) -> str:
    return TRACKED.replace("@connector@", connector).replace("@sandbox@", sandbox)


def test_github_annotates_each_overdue_item_at_its_line(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(_tracked(connector="", sandbox=""), encoding="utf-8")
    result = run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--format", "github")
    assert (result.exit_code, result.stdout, result.stderr) == (1, (
        "::error file=d.yaml,line=5,col=5,title=SLA overdue commitment::D-9 Initech: commitment 'SAP connector' was "
        "due 2026-11-02, 2 days overdue; owner Carl CSM, escalation Mia Lead\n"
        "::error file=d.yaml,line=8,col=7,title=SLA overdue milestone::D-9 Initech: milestone 'Sandbox ready' was due "
        "2026-11-02, 2 days overdue; owner (none), escalation Mia Lead\n"
        "4 clocks on 1 deal: 0 breached, 0 at risk, 0 open, 0 waiting, 0 met late, 4 met\n"
        "2 items overdue on 1 deal\n"), "")  # fmt: skip
    clocks_only = run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--format", "github",
                          "--clocks-only")  # fmt: skip
    assert (clocks_only.exit_code, clocks_only.stdout) == (
        0, "4 clocks on 1 deal: 0 breached, 0 at risk, 0 open, 0 waiting, 0 met late, 4 met\n")


def test_sarif_has_an_error_per_overdue_item_at_its_line(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(_tracked(connector="", sandbox=""), encoding="utf-8")
    result = run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--format", "sarif")
    run = json.loads(result.stdout)["runs"][0]
    assert result.exit_code == 1
    assert [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["message"]["text"]) for r in run["results"]] == [
        ("sla/overdue-commitment", "error", 5, "D-9 Initech: commitment 'SAP connector' was due 2026-11-02, 2 days "
         "overdue; owner Carl CSM, escalation Mia Lead"),
        ("sla/overdue-milestone", "error", 8, "D-9 Initech: milestone 'Sandbox ready' was due 2026-11-02, 2 days "
         "overdue; owner (none), escalation Mia Lead"),
    ]  # fmt: skip
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["sla/overdue-commitment", "sla/overdue-milestone"]


def test_ci_formats_show_no_overdue_item_when_all_was_delivered(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(_tracked(connector=ON_TIME, sandbox=ON_TIME), encoding="utf-8")
    github = run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--format", "github")
    assert (github.exit_code, github.stdout) == (
        0, "4 clocks on 1 deal: 0 breached, 0 at risk, 0 open, 0 waiting, 0 met late, 4 met\n")
    sarif = run_cli("sla", "d.yaml", "--as-of", "2026-11-04T08:00:00+00:00", "--format", "sarif")
    assert (sarif.exit_code, json.loads(sarif.stdout)["runs"][0]["results"]) == (0, [])
