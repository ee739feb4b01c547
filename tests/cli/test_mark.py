"""`handoff mark`: one item's status keys change, every other byte stays; refusals are one line and write nothing."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.settings import Project, Settings
from tests.conftest import EXAMPLES, RunCli

AT = "2026-11-20T10:00:00+00:00"
BLOCK = """schema: 1
deal:
  id: D-7
  account: Initech
  segment: smb
  signed_at: 2026-11-02T09:00:00+00:00  # signed on the call
commitments:
  # the connector is the whole deal
  - what: SAP connector
    kind: scope
    due: 2026-12-15   # agreed with procurement
    notes: |
      Read-only first.
  - what: SAP training
    kind: service
    due:
"""


@pytest.fixture
def acme(deals_repo: Path) -> Path:
    path = deals_repo / "acme.yaml"
    shutil.copy(EXAMPLES / "midmarket-acme.yaml", path)
    return path


def changed(before: str, after: str) -> list[str]:
    """The diff's changed lines, old ones with '- ', new ones with '+ '."""
    diff = difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True))
    return [d for d in diff if d.startswith(("- ", "+ "))]


def test_done_adds_the_status_keys_to_a_flow_item_and_nothing_else(run_cli: RunCli, acme: Path) -> None:
    before = acme.read_text(encoding="utf-8")
    run = run_cli("mark", "acme.yaml", "commitments", "shopify", "done", "--at", AT, "--by", "Kofi Mensah")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == f"marked commitment 'Shopify Plus and Loop Returns integrations' done at {AT} in acme.yaml\n"
    old = ("  - {what: Shopify Plus and Loop Returns integrations, kind: scope, owner: Kofi Mensah, due: 2027-01-15, "
           "cs_validated: true, source: contract, certainty: signed")  # fmt: skip
    assert changed(before, acme.read_text(encoding="utf-8")) == [
        f"- {old}}}\n",
        f"+ {old}, status: done, status_at: {AT}, status_by: Kofi Mensah}}\n",
    ]


def test_block_item_keeps_its_comments_and_gets_lines_of_its_own(run_cli: RunCli, deals_repo: Path) -> None:
    deal = deals_repo / "d.yaml"
    deal.write_text(BLOCK, encoding="utf-8")
    run = run_cli("mark", "d.yaml", "commitments", "SAP connector", "renegotiated", "--due", "2027-01-31",
                  "--at", AT, "--by", "cs@relay.example")  # fmt: skip
    assert run.exit_code == 0, run.stderr
    assert run.stdout == f"marked commitment 'SAP connector' renegotiated (due 2027-01-31) at {AT} in d.yaml\n"
    assert deal.read_text(encoding="utf-8") == BLOCK.replace(
        "    due: 2026-12-15   # agreed with procurement\n    notes: |\n      Read-only first.\n",
        "    due: 2027-01-31   # agreed with procurement\n    notes: |\n      Read-only first.\n"
        f"    status: renegotiated\n    status_at: {AT}\n    status_by: cs@relay.example\n"
        "    previous_due: 2026-12-15\n",
    )


def test_an_empty_due_is_filled_where_it_stands(run_cli: RunCli, deals_repo: Path) -> None:
    deal = deals_repo / "d.yaml"
    deal.write_text(BLOCK, encoding="utf-8")
    run = run_cli("mark", "d.yaml", "commitments", "SAP training", "renegotiated", "--due", "2027-02-01", "--at", AT)
    assert run.exit_code == 0, run.stderr
    assert deal.read_text(encoding="utf-8").endswith(
        "  - what: SAP training\n    kind: service\n    due: 2027-02-01\n"
        f"    status: renegotiated\n    status_at: {AT}\n"
    )


def test_each_list_and_the_checklist_flag(run_cli: RunCli, acme: Path) -> None:
    findings = run_cli("validate", "acme.yaml").stdout
    for args in (("milestones", "Gorgias", "dropped"), ("risks", "Nobody on our side", "occurred"),
                 ("checklist", "Joint transition", "done")):  # fmt: skip
        assert run_cli("mark", "acme.yaml", *args, "--at", AT).exit_code == 0
    text = acme.read_text(encoding="utf-8")
    assert f"- {{name: Gorgias tickets migrated, due: 2027-01-29, status: dropped, status_at: {AT}}}" in text
    assert f"severity: medium, status: occurred, status_at: {AT}}}" in text
    # a checklist item's older `done:` flag is set to agree with its new status
    assert (f"- {{item: Joint transition meeting with Megan, done: true, due: 2026-11-11, owner: Kofi Mensah, "
            f"status: done, status_at: {AT}}}") in text  # fmt: skip
    assert run_cli("validate", "acme.yaml").stdout == findings  # the status keys are part of the schema


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("commitments", "S", "done"),
         "'S' starts 3 commitments: 'Shopify Plus and Loop Returns integrations', 'Standard onboarding: 6 weeks, "
         "bi-weekly check-ins', 'Seasonal-agent training course recorded for their LMS'; give more of the title"),
        (("commitments", "Shopify Plus and Lop Returns integrations", "done"),
         "no commitment starts with 'Shopify Plus and Lop Returns integrations'; "
         "did you mean 'Shopify Plus and Loop Returns integrations'?"),
        (("commitmnts", "Shopify", "done"), "unknown list 'commitmnts'; did you mean 'commitments'?"),
        (("commitments", "Shopify", "droped"), "unknown status 'droped' for a commitment; did you mean 'dropped'?"),
        (("risks", "Nobody", "renegotiated"),
         "unknown status 'renegotiated' for a risk; a risk is open, mitigated, occurred, closed"),
        (("milestones", "Gorgias", "renegotiated"), "renegotiated needs --due, the newly agreed date"),
        (("milestones", "Gorgias", "done", "--due", "2027-02-01"), "--due goes with renegotiated, not done"),
        (("milestones", "Gorgias", "renegotiated", "--due", "2027-01-29"),
         "'Gorgias tickets migrated' is already due 2027-01-29; --due is the new date"),
        (("milestones", "Gorgias", "renegotiated", "--due", "soon"), "--due 'soon' is not a date, e.g. 2027-01-15"),
        (("checklist", "CRM owner", "done"),
         "'CRM owner changed to CS' is already done; pass --force to record it again"),
        (("commitments", "Shopify", "done", "--at", "2099-01-01T00:00+00:00"),
         "--at 2099-01-01T00:00:00+00:00 is in the future; log a status change once it has happened"),
        (("commitments", "Shopify", "done", "--at", "2026-10-01T00:00+00:00"),
         "--at 2026-10-01T00:00:00+00:00 is before the signature (2026-11-04T21:05:00+00:00); "
         "pass --force if it really happened before close"),
    ],
)  # fmt: skip
def test_refusals_are_one_line_and_write_nothing(run_cli: RunCli, acme: Path, args: tuple[str, ...],
                                                 message: str) -> None:  # fmt: skip
    before = acme.read_bytes()
    run = run_cli("mark", "acme.yaml", *args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"handoff: error: acme.yaml: {message}\n")
    assert acme.read_bytes() == before


def test_a_dossier_without_statuses_reads_as_all_open(run_cli: RunCli, acme: Path) -> None:
    from handoff_cli.dossier.for_commands import load_dossier
    from handoff_cli.model.trackable import SECTIONS
    from handoff_cli.settings import discover

    dossier, _ = load_dossier(acme, discover(acme.parent, None))
    states = {name: {i.state.value for i in s.items(dossier)} for name, s in SECTIONS.items()}
    assert states == {"commitments": {"open"}, "milestones": {"open"}, "risks": {"open"},
                      "checklist": {"open", "done"}}  # fmt: skip


def test_by_is_a_name_and_is_recorded_whole(run_cli: RunCli, acme: Path) -> None:
    """--by of mark and log says who, in any form: a name with an address is kept as typed, not cut to either."""
    who = "Jane O'Brien <jane@x.com>"
    before = acme.read_text(encoding="utf-8")
    run = run_cli("mark", "acme.yaml", "commitments", "shopify", "done", "--at", AT, "--by", who)
    assert (run.exit_code, run.stderr) == (0, "")
    (added,) = [line for line in changed(before, acme.read_text(encoding="utf-8")) if line.startswith("+ ")]
    assert added.endswith(f", status_by: {who}}}\n")
    before = acme.read_text(encoding="utf-8")
    run = run_cli("log", "acme.yaml", "qbr", "--at", AT, "--by", who)
    assert (run.exit_code, run.stderr) == (0, "")
    assert f"by: {who}" in "".join(changed(before, acme.read_text(encoding="utf-8")))
    dossier, _ = load_dossier(acme, Project(Settings(), acme.parent))
    assert dossier.handoff is not None and dossier.handoff.events[-1].by == who
