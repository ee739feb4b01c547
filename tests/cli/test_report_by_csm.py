"""`handoff report`'s CSM view: open deals, overdue items, clocks running out within 7 days, what is due next."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli

AS_OF = "2026-11-28T12:00:00+00:00"
DEAL = """schema: 1
deal: {{id: {id}, account: {account}, segment: smb, signed_at: 2026-11-02T09:00:00+00:00,
       sales_rep: {{name: Rita Rep}}, csm: {{name: {csm}}}}}
commitments:
{commitments}
handoff:
  events:
{events}
"""
EVENTS = ["intro_email", "first_contact", "kickoff"]


def _deal(folder: Path, name: str, *, csm: str, commitments: list[str], first_value: bool) -> str:
    events = [*EVENTS, "first_value"] if first_value else EVENTS
    text = DEAL.format(
        id=name.upper(), account=f"Account {name}", csm=csm,
        commitments="\n".join(f"  - {c}" for c in commitments),
        events="\n".join(f"    - {{event: {e}, at: 2026-11-02T10:00:00+00:00}}" for e in events),
    )  # fmt: skip
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return f"{name}.yaml"


@pytest.fixture
def portfolio(deals_repo: Path) -> list[str]:
    done = ", status: done, status_at: 2026-11-10T12:00:00+00:00"
    return [
        _deal(deals_repo, "a", csm="Carl CSM", first_value=False, commitments=[
            "{what: SAP connector, kind: scope, owner: Carl CSM, due: 2026-11-20}",
            "{what: Training, kind: service, owner: Carl CSM, due: 2026-12-15}",
        ]),
        # everything delivered on time: nothing overdue, no clock running, nothing due
        _deal(deals_repo, "b", csm="Dana CSM", first_value=True, commitments=[
            f"{{what: Seats, kind: scope, due: 2026-11-12{done}}}",
        ]),
    ]  # fmt: skip


def test_each_csm_gets_their_open_deals_overdue_items_clocks_and_due_next(run_cli: RunCli,
                                                                          portfolio: list[str]) -> None:  # fmt: skip
    run = run_cli("report", *portfolio, "--as-of", AS_OF, "--by", "csm", "--format", "json")
    assert (run.exit_code, run.stderr) == (0, "")
    carl, dana = json.loads(run.stdout)["by_csm"].values()
    assert carl["open_deals"] == [{"deal_id": "A", "account": "Account a", "path": "a.yaml"}]
    assert carl["overdue"] == [{"deal_id": "A", "list": "commitments", "item": "SAP connector", "due": "2026-11-20",
                                "days_overdue": 8, "owner": "Carl CSM"}]  # fmt: skip
    # first value is due 30 days after signature: within the 7 days after --as-of
    assert [(c["clock"], c["due"][:10], c["owner_name"]) for c in carl["clocks_at_risk"]] == [
        ("first_value", "2026-12-02", "Carl CSM")]
    assert [(x["due"][:10], x["what"], x["kind"]) for x in carl["due_next"]] == [
        ("2026-12-02", "first_value", "clock"), ("2026-12-15", "Training", "commitments")]
    assert dana == {"open_deals": [{"deal_id": "B", "account": "Account b", "path": "b.yaml"}], "overdue": [],
                    "clocks_at_risk": [], "due_next": []}  # fmt: skip


def test_the_csm_view_is_in_every_format_of_the_full_report(run_cli: RunCli, portfolio: list[str]) -> None:
    text = run_cli("report", *portfolio, "--as-of", AS_OF).stdout
    assert "\nby CSM\n  Carl CSM\n    open deals         1: A Account a\n" in text
    assert ("    overdue items      1: SAP connector (commitments, A) 8 d late, owner Carl CSM\n"
            "    clocks due in 7 d  1: first_value (A) due 2026-12-02T09:00:00+00:00, csm Carl CSM\n") in text
    assert "  Dana CSM\n    open deals         1: B Account b\n    overdue items      none\n" in text
    md = run_cli("report", *portfolio, "--as-of", AS_OF, "--format", "md").stdout
    assert "## By CSM\n\n### CSM Carl CSM\n" in md and "| overdue items | none |" in md
    html = run_cli("report", *portfolio, "--as-of", AS_OF, "--format", "html").stdout
    assert "<h2>By CSM</h2>" in html and "<h3>CSM Dana CSM</h3>" in html
    doc = json.loads(run_cli("report", *portfolio, "--as-of", AS_OF, "--format", "json").stdout)
    assert list(doc["by_csm"]) == ["Carl CSM", "Dana CSM"]


def test_by_csm_alone_in_text(run_cli: RunCli, portfolio: list[str]) -> None:
    run = run_cli("report", *portfolio, "--as-of", AS_OF, "--by", "csm")
    lines = run.stdout.splitlines()
    assert lines[:4] == [f"handoff report by CSM as of {AS_OF} (UTC)", "", "by CSM", "  Carl CSM"]
    assert "worst deals first" not in run.stdout
    assert run_cli("report", *portfolio, "--by", "rep").exit_code == 2


def test_by_csm_alone_as_one_html_page_and_markdown(run_cli: RunCli, portfolio: list[str]) -> None:
    html = run_cli("report", *portfolio, "--as-of", AS_OF, "--by", "csm", "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>\n") and html.endswith("</body></html>\n")
    assert f"<h1>Handoff report by CSM</h1><p>As of {AS_OF} (UTC).</p>\n<h3>CSM Carl CSM</h3>\n<table>" in html
    assert "<h2>By CSM</h2>" not in html and "Worst deals first" not in html and "<h3>CSM Dana CSM</h3>" in html
    md = run_cli("report", *portfolio, "--as-of", AS_OF, "--by", "csm", "--format", "md").stdout
    assert md.startswith(f"# Handoff report by CSM, as of {AS_OF} (UTC)\n\n### CSM Carl CSM\n")


def test_by_csm_takes_every_format_of_the_report() -> None:
    from handoff_cli.cli.options import ReportFormat
    from handoff_cli.reporters import REPORT_BY_CSM

    assert sorted(REPORT_BY_CSM) == sorted(f.value for f in ReportFormat)
    assert all(callable(REPORT_BY_CSM[f]) for f in REPORT_BY_CSM)
