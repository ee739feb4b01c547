"""Verdicts a CS lead can trust: no vacuous credit, placeholders as gaps (never schema errors), exact messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, RunCli

ENTERPRISE = (EXAMPLES / "enterprise-northwind.yaml").read_text()
HEAD = """schema: 1
deal:
  id: D-1
  account: Acme
  segment: {segment}
  signed_at: 2026-11-20T10:00:00+00:00
  sales_rep: {rep}
  csm: {{name: Maya Ross, email: maya@vendor.example}}
"""


def _validate(run_cli: RunCli, text: str) -> tuple[int, dict[str, object]]:
    Path("d.yaml").write_text(text, encoding="utf-8")
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF, "--format", "json")
    [file] = json.loads(run.stdout)["files"]
    return run.exit_code, file


def _categories(file: dict[str, object]) -> dict[str, float]:
    categories = file["categories"]
    assert isinstance(categories, dict)
    return {name: c["score"] for name, c in categories.items()}


def test_unanswered_categories_earn_nothing(run_cli: RunCli, deals_repo: Path) -> None:
    head = HEAD.format(segment="enterprise", rep="{name: Noa Peretz, email: noa@vendor.example}")
    _, file = _validate(run_cli, head)
    assert set(_categories(file).values()) == {0.0}
    assert file["score"] == 0.0


def test_a_missing_list_is_one_finding_with_all_its_points(run_cli: RunCli, deals_repo: Path) -> None:
    head = HEAD.format(segment="enterprise", rep="{name: Noa Peretz, email: noa@vendor.example}")
    Path("d.yaml").write_text(head, encoding="utf-8")
    run = run_cli("score", "d.yaml", "--explain", "--as-of", AS_OF)
    line = (
        "  -25 d.yaml:1:1: error: HS401 commitments-listed: no commitment is listed; so commitment-owner, "
        "commitment-due, "
        "commitments-validated, commitment-provenance and soft-promise-validated earn nothing either"
    )
    assert line in run.stdout.splitlines()


def test_answered_none_keeps_its_meaning(run_cli: RunCli, deals_repo: Path) -> None:
    start = ENTERPRISE.index("risks:\n")
    end = ENTERPRISE.index("\nhandoff:", start)
    text = ENTERPRISE[:start] + "risks:\n  objections: []\n  register: []\n  red_flags: []\n" + ENTERPRISE[end:]
    _, file = _validate(run_cli, text)
    risks = file["categories"]["risks"]  # type: ignore[index]
    # [] answers the register, its mitigations and owners, and the objections; only competition is missing
    assert (risks["earned"], risks["possible"]) == (16.0, 18.0)


@pytest.mark.parametrize("rep", ["{name: TBD}", "{name: }", "{name: see CRM, email: noa@vendor.example}"])
def test_placeholder_person_is_a_gap_not_a_schema_error(rep: str, run_cli: RunCli, deals_repo: Path) -> None:
    code, file = _validate(run_cli, HEAD.format(segment="smb", rep=rep))
    findings = file["findings"]
    assert isinstance(findings, list)
    assert code == 1 and file["valid"] is True
    assert not [f for f in findings if f["code"].startswith("HV")]
    assert "text 'None'" not in json.dumps(findings)
    [rep_named] = [f for f in findings if f["code"] == "HS801"]
    assert rep_named["message"] == "deal.sales_rep is not named"
    [placeholder] = [f for f in findings if f["code"] == "HF001" and f["field"] == "deal.sales_rep.name"]
    assert placeholder["message"].endswith("; without it deal.sales_rep counts as not answered")


def test_placeholder_deal_stays_in_sla_and_report(run_cli: RunCli, deals_repo: Path) -> None:
    Path("d.yaml").write_text(HEAD.format(segment="mid-market", rep="{name: TBD}"), encoding="utf-8")
    sla = run_cli("sla", "d.yaml", "--as-of", AS_OF, "--format", "json")
    report = json.loads(run_cli("report", "d.yaml", "--as-of", AS_OF, "--format", "json").stdout)
    clocks = json.loads(sla.stdout)
    assert sla.stderr == "" and clocks["invalid"] == [] and len(clocks["clocks"]) == 7
    assert report["overall"]["handoffs"] == 1


def test_placeholder_list_item_is_taken_out_and_later_items_keep_their_lines(run_cli: RunCli, deals_repo: Path) -> None:
    text = HEAD.format(segment="smb", rep="{name: Noa, email: noa@vendor.example}") + (
        "stakeholders:\n  - {name: TBD, role: champion}\n  - {name: Ann Lee, role: economic-buyer}\n"
    )
    Path("d.yaml").write_text(text, encoding="utf-8")
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    assert "d.yaml:11:5: warning: HS206 stakeholder-contact: Ann Lee has no email" in run.stdout.splitlines()
    assert "d.yaml:9:1: error: HS201 champion-named: no stakeholder has role champion" in run.stdout.splitlines()


def test_placeholder_deal_id_is_the_one_unreadable_case(run_cli: RunCli, deals_repo: Path) -> None:
    Path("d.yaml").write_text("schema: 1\ndeal: {id: TBD, account: Acme, segment: smb}\n", encoding="utf-8")
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert run.stdout.splitlines()[0] == (
        "d.yaml:2:12: error: HF001 placeholder: deal.id: 'TBD' is a placeholder, counted as not answered; "
        "the dossier cannot be read without it"
    )


def test_missing_severity_lists_the_allowed_values(run_cli: RunCli, deals_repo: Path) -> None:
    text = "schema: 1\ndeal: {id: D, account: A, segment: smb}\nrisks:\n  register:\n    - {risk: Budget cut}\n"
    Path("d.yaml").write_text(text, encoding="utf-8")
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    assert run.stdout.splitlines()[0] == (
        "d.yaml:5:7: error: HV002 missing-key: 'severity' is required in risks.register[0]; one of low, medium, "
        "high, critical"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ("concerns: [Cost]", "Sam Roe (blocker) lacks how_to_engage"),
        ("how_to_engage: Monthly call", "Sam Roe (blocker) lacks concerns"),
        ("title: CIO", "Sam Roe (blocker) lacks concerns and how_to_engage"),
    ],
)
def test_blocker_finding_names_what_is_missing(fields: str, message: str, run_cli: RunCli, deals_repo: Path) -> None:
    text = ENTERPRISE.replace(
        "  - name: Greg Novak\n", f"  - {{name: Sam Roe, role: blocker, {fields}}}\n  - name: Greg Novak\n", 1
    )
    _, file = _validate(run_cli, text)
    found = [f["message"] for f in file["findings"] if f["code"] == "HS209"]  # type: ignore[attr-defined]
    assert found == [message]


DEAL = """schema: 1
deal:
  id: P-1
  account: Initech
  segment: mid-market
  signed_at: 2026-10-01T09:00:00+00:00
commitments:
  - {what: Standard SSO from the price list, kind: scope, source: contract, certainty: signed}
  - what: "A custom export to their data warehouse, nightly, with the three fields finance asked for"
    kind: scope
    custom: true
  - {what: Weekly calls until go-live, kind: service, source: call, certainty: discussed, cs_validated: true}
handoff:
  events:
    - {event: internal_meeting, at: 2026-10-01T15:00:00+00:00}
    - {event: intro_email, at: 2026-10-02T09:00:00+00:00}
    - {event: joint_meeting, at: 2026-10-05T09:00:00+00:00}
"""


def _patterns(run_cli: RunCli, text: str, as_of: str) -> dict[str, list[str]]:
    Path("p.yaml").write_text(text, encoding="utf-8")
    doc = json.loads(run_cli("report", "p.yaml", "--as-of", as_of, "--format", "json").stdout)
    return {p["pattern"]: p["evidence"] for p in doc["patterns"]["deals"]}


def test_promise_vs_reality_names_each_unvalidated_soft_promise_in_full(run_cli: RunCli, deals_repo: Path) -> None:
    found = _patterns(run_cli, DEAL, "2026-10-20T09:00:00+00:00")
    assert found["promise-vs-reality"] == [
        "soft promise not validated by CS: "
        "A custom export to their data warehouse, nightly, with the three fields finance asked for"
    ]


def test_standard_contracted_features_are_no_promise_gap(run_cli: RunCli, deals_repo: Path) -> None:
    text = DEAL.replace("    custom: true\n", "    custom: true\n    cs_validated: true\n")
    assert text != DEAL
    assert "promise-vs-reality" not in _patterns(run_cli, text, "2026-10-20T09:00:00+00:00")


@pytest.mark.parametrize(
    ("as_of", "ghost"), [("2026-11-14T09:00:00+00:00", False), ("2026-11-16T09:00:00+00:00", True)]
)
def test_ghost_rep_only_once_the_check_in_is_overdue(
    as_of: str, ghost: bool, run_cli: RunCli, deals_repo: Path
) -> None:
    found = _patterns(run_cli, DEAL, as_of)
    assert ("ghost-rep" in found) is ghost
    if ghost:
        assert found["ghost-rep"][-1] == "no rep_check_in 45 days after signature (hand-back note due at 30-45 days)"


def test_a_check_in_logged_in_time_clears_the_ghost(run_cli: RunCli, deals_repo: Path) -> None:
    text = DEAL + "    - {event: rep_check_in, at: 2026-11-05T09:00:00+00:00}\n"
    assert "ghost-rep" not in _patterns(run_cli, text, "2026-11-20T09:00:00+00:00")
