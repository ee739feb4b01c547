"""`handoff report`'s per-deal table and "due next 7 days": each deal's status, score, next clock due and who acts,
linked to its dossier (relative to the page, or from `[report] link`), and files the report skipped said on
the page and on stderr."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.builders import dossier_yaml
from tests.conftest import AS_OF, EXAMPLES, RunCli

DONE = [{"event": e, "at": at} for e, at in (
    ("internal_meeting", "2026-11-09T15:00:00+00:00"), ("intro_email", "2026-11-09T16:00:00+00:00"),
    ("first_contact", "2026-11-10T09:00:00+00:00"), ("joint_meeting", "2026-11-11T09:00:00+00:00"),
    ("kickoff", "2026-11-12T09:00:00+00:00"), ("qbr_scheduled", "2026-11-12T12:00:00+00:00"))]  # fmt: skip
SOON = [
    {"what": "SSO via Okta", "kind": "scope", "owner": "Ana Ops", "due": "2026-12-06", "cs_validated": True},
    {"what": "Data import", "kind": "service", "due": "2026-12-12", "cs_validated": True},  # 8 days out
    {"what": "Sandbox", "kind": "service", "owner": "Ana Ops", "due": "2026-12-01", "cs_validated": True},  # overdue
    {"what": "Training", "kind": "service", "owner": "Ana Ops", "due": "2026-12-05", "cs_validated": True,
     "status": "done", "status_at": "2026-11-20T10:00:00+00:00"},
]  # fmt: skip
WEEK_AHEAD = "2026-12-04T09:00:00+00:00"


@pytest.fixture
def examples(deals_repo: Path) -> Path:
    (deals_repo / "deals").mkdir()
    for source in EXAMPLES.glob("*.yaml"):
        shutil.copy(source, deals_repo / "deals" / source.name)
    return deals_repo


def test_each_deal_has_its_status_next_clock_owner_and_link(run_cli: RunCli, examples: Path) -> None:
    doc = json.loads(run_cli("report", "deals", "--as-of", AS_OF, "--format", "json").stdout)
    found = {d["deal_id"]: (d["status"], d["score"], d["next_due"], d["owner"], d["csm"], d["link"])
             for d in doc["deals"]}  # fmt: skip
    assert found == {
        "0061x00000NWF420": ("accepted", 100.0, {"clock": "qbr_scheduled", "due": "2026-11-17T15:00:00+00:00",
                             "status": "breached", "owner": "csm", "owner_name": "Priya Nair"}, "Priya Nair",
                             "Priya Nair", "deals/enterprise-northwind.yaml"),
        "HS-88412": ("rejected", 86.8, {"clock": "first_contact", "due": "2026-11-06T21:05:00+00:00",
                     "status": "breached", "owner": "csm", "owner_name": "Kofi Mensah"}, "Kofi Mensah",
                     "Kofi Mensah", "deals/midmarket-acme.yaml"),
        "SUB-20931": ("ready", 100.0, {"clock": "first_value", "due": "2026-12-12T10:20:00+00:00", "status": "open",
                      "owner": "csm", "owner_name": "Relay Scale CS (pooled)"}, "Relay Scale CS (pooled)",
                      "Relay Scale CS (pooled)", "deals/smb-brightleaf.yaml"),
        "0061x00000GLX120": ("incomplete", 95.4, {"clock": "kickoff", "due": "2026-11-18T17:45:00+00:00",
                             "status": "breached", "owner": "csm", "owner_name": "Nikolai Petrov"},
                             "Nikolai Petrov", "Nikolai Petrov", "deals/strategic-globex.yaml"),
    }  # fmt: skip


def test_the_text_report_lists_deals_by_the_next_clock_due(run_cli: RunCli, examples: Path) -> None:
    lines = run_cli("report", "deals", "--as-of", AS_OF).stdout.splitlines()
    start = lines.index("deals (next clock due first)")
    assert lines[start + 1 : start + 9] == [
        "  HS-88412 Acme Outdoor Supply; rejected; 86.8%; first_contact breached, due 2026-11-06 21:05; Kofi Mensah; "
        "Kofi Mensah; Jess Moreno; deals/midmarket-acme.yaml",
        "  0061x00000NWF420 Northwind Freight Group; accepted; 100%; qbr_scheduled breached, due 2026-11-17 15:00; "
        "Priya Nair; Priya Nair; Marcus Bell; deals/enterprise-northwind.yaml",
        "  0061x00000GLX120 Globex Industrial AG; incomplete; 95.4%; kickoff breached, due 2026-11-18 17:45; "
        "Nikolai Petrov; Nikolai Petrov; Sophie Laurent; deals/strategic-globex.yaml",
        "  SUB-20931 Brightleaf Plants B.V.; ready; 100%; first_value open, due 2026-12-12 10:20; Relay Scale CS "
        "(pooled); Relay Scale CS (pooled); Lotte Visser; deals/smb-brightleaf.yaml",
        "",
        "due next 7 days",
        "  2026-11-27 Review every verbal commitment with Product and Lukas (checklist, 0061x00000GLX120 Globex "
        "Industrial AG), owner Rachel Adeyemi",
        "  2026-11-30 First QBR scheduled for February 2027 (checklist, 0061x00000NWF420 Northwind Freight Group), "
        "owner Priya Nair",
    ]


def test_an_open_deal_is_pipeline_owned_by_its_rep(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "lead.yaml").write_text(dossier_yaml(stage="pre-close", signed_at=None, csm=None), encoding="utf-8")
    doc = json.loads(run_cli("report", "lead.yaml", "--as-of", AS_OF, "--format", "json").stdout)
    deal = doc["deals"][0]
    assert (deal["status"], deal["next_due"], deal["owner"], deal["csm"]) == ("pipeline", None, "Rita Rep", None)


def test_due_next_7_days_holds_what_comes_due_within_the_week(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "soon.yaml").write_text(dossier_yaml(DONE, {"commitments": SOON}), encoding="utf-8")
    doc = json.loads(run_cli("report", "soon.yaml", "--as-of", WEEK_AHEAD, "--format", "json").stdout)
    # not the item 8 days out, the overdue one (the CSM view and `handoff sla` list it) or the one done
    assert doc["due_soon"] == [
        {"deal_id": "D-1", "account": "Initech", "path": "soon.yaml", "link": "soon.yaml", "what": "SSO via Okta",
         "kind": "commitments", "due": "2026-12-06", "owner": "Ana Ops"},
        {"deal_id": "D-1", "account": "Initech", "path": "soon.yaml", "link": "soon.yaml", "what": "first_value",
         "kind": "clock", "due": "2026-12-09T09:00:00+00:00", "owner": "Carl CSM"},
    ]  # fmt: skip
    md = run_cli("report", "soon.yaml", "--as-of", WEEK_AHEAD, "--format", "md").stdout.splitlines()
    start = md.index("## Due next 7 days")
    assert md[start + 2 : start + 4] == [
        "- 2026-12-06 SSO via Okta (commitments, D-1 Initech), owner Ana Ops",
        "- 2026-12-09 09:00 first_value (clock, D-1 Initech), owner Carl CSM",
    ]


def test_nothing_due_within_the_week_says_none(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "clean.yaml").write_text(dossier_yaml(DONE), encoding="utf-8")
    result = run_cli("report", "clean.yaml", "--as-of", "2026-11-20T09:00:00+00:00")
    lines = result.stdout.splitlines()
    assert lines[lines.index("due next 7 days") + 1] == "  none"


NAME = "a b#1.yaml"  # a space and a '#' that would end the path in an address


def test_links_are_relative_to_the_page_and_percent_encoded(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deals").mkdir()
    (deals_repo / "deals" / NAME).write_text(dossier_yaml(DONE), encoding="utf-8")
    md = run_cli("report", "deals", "--as-of", AS_OF, "--format", "md").stdout
    assert "[deals/a b#1.yaml](deals/a%20b%231.yaml)" in md
    (deals_repo / "reports").mkdir()
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--out", "reports/r.html")
    assert result.exit_code == 0
    page = (deals_repo / "reports" / "r.html").read_text(encoding="utf-8")
    assert '<a href="../deals/a%20b%231.yaml">D-1 Initech</a>' in page


def test_a_link_pattern_builds_the_repos_web_view(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('[report]\nlink = "https://git.example.com/acme/deals/-/blob/main/{path}'
                                             '?plain=1&x=\\"y"\n', encoding="utf-8")  # fmt: skip
    (deals_repo / "deals").mkdir()
    (deals_repo / "deals" / NAME).write_text(dossier_yaml(DONE), encoding="utf-8")
    page = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html").stdout
    # the path percent-encoded in the address, the address escaped in the attribute
    assert ('<a href="https://git.example.com/acme/deals/-/blob/main/deals/a%20b%231.yaml?plain=1&amp;x=&#34;y">'
            "D-1 Initech</a>") in page


@pytest.mark.parametrize(("link", "why"), [
    ("javascript:alert(1)//{path}", "the link must be an http or https address, not javascript:"),
    ("https://git.example.com/deals", "the link needs {path} where the dossier's path goes"),
])  # fmt: skip
def test_a_link_that_is_not_a_web_address_is_refused(run_cli: RunCli, deals_repo: Path, link: str, why: str) -> None:
    (deals_repo / "handoff.toml").write_text(f'[report]\nlink = "{link}"\n', encoding="utf-8")
    (deals_repo / "d.yaml").write_text(dossier_yaml(DONE), encoding="utf-8")
    result = run_cli("report", "d.yaml", "--as-of", AS_OF, "--format", "html")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"handoff: error: handoff.toml:2:1: setting 'report.link': {why}\n"


UNREADABLE = Path("/proc/self/mem")  # a regular file whose read fails with EIO, for root too


def test_skipped_files_are_on_the_page_and_on_stderr(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "good.yaml").write_text(dossier_yaml(DONE), encoding="utf-8")
    (deals_repo / "bad.yaml").write_text(dossier_yaml(DONE, segment="galactic"), encoding="utf-8")
    (deals_repo / "broken.yaml").symlink_to(UNREADABLE)
    result = run_cli("report", ".", "--as-of", AS_OF, "--format", "html")
    assert result.exit_code == 2  # unreadable input, after the others were reported
    assert result.stderr.splitlines()[-2:] == [
        "handoff: error: bad.yaml: not a valid dossier (1 problem(s)); run `handoff validate bad.yaml`",
        "handoff: error: broken.yaml: cannot read: Input/output error; skipped",
    ]
    assert ("<h2>Skipped</h2><ul>\n<li>bad.yaml: not a valid dossier (1 problem(s)); run `handoff validate "
            "bad.yaml`</li>\n<li>broken.yaml: cannot read: Input/output error; could not be read</li>") in result.stdout
    doc = json.loads(run_cli("report", ".", "--as-of", AS_OF, "--format", "json").stdout)
    assert doc["unreadable"] == ["broken.yaml: cannot read: Input/output error"]


def test_a_deal_just_signed_with_no_contact_yet_is_reported(run_cli: RunCli, deals_repo: Path) -> None:
    """First contact still inside its window: no quiet spell to report yet (this once ended the report)."""
    (deals_repo / "new.yaml").write_text(dossier_yaml(None, segment="enterprise"), encoding="utf-8")
    result = run_cli("report", "new.yaml", "--as-of", "2026-11-09T12:00:00+00:00", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "momentum-death" not in json.loads(result.stdout)["deals"][0]["patterns"]
