"""Deal kinds: an expansion or a renewal is judged by its own clocks, set in the same [sla] settings; a waiver may
name a clock; `init` and the CRM import write the kind."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, RunCli
from tests.suites.test_calibration import CALIBRATION

EXPANSION = (CALIBRATION / "midmarket-expansion.yaml").read_text(encoding="utf-8")
AS_OF = "2026-12-04T17:00:00-06:00"
HUBSPOT = str(EXAMPLES / "crm" / "hubspot-deals.csv")


def _sla(run_cli: RunCli, text: str, settings: str = "") -> tuple[int, dict[str, str], dict[str, list[str]]]:
    Path("deal.yaml").write_text(text, encoding="utf-8")
    Path("handoff.toml").write_text(settings, encoding="utf-8")
    run = run_cli("sla", "deal.yaml", "--as-of", AS_OF, "--format", "json")
    doc = json.loads(run.stdout)
    return run.exit_code, {r["clock"]: r["status"] for r in doc["clocks"]}, {"waived": doc["waived"]}


def test_the_same_deal_as_a_new_logo_owes_the_onboarding_steps(run_cli: RunCli, deals_repo: Path) -> None:
    code, clocks, _ = _sla(run_cli, EXPANSION.replace("  kind: expansion\n", ""))
    assert code == 1
    assert {k: clocks[k] for k in ("intro_email", "joint_meeting")} == {"intro_email": "breached",
                                                                          "joint_meeting": "open"}  # fmt: skip


def test_an_expansion_owes_no_intro_or_transition_meeting(run_cli: RunCli, deals_repo: Path) -> None:
    code, clocks, _ = _sla(run_cli, EXPANSION)
    assert (code, clocks) == (0, {"first_value": "open", "internal_meeting": "met", "kickoff": "met"})


def test_a_kind_has_its_own_settings_over_its_playbook(run_cli: RunCli, deals_repo: Path) -> None:
    settings = (
        '[sla.kinds.expansion.first_contact]\nwithin = "24 hours"\n[sla.kinds.expansion.kickoff]\nwithin = "off"\n'
    )
    code, clocks, _ = _sla(run_cli, EXPANSION, settings)
    # the scope kickoff was the CSM's first contact, three days in: late against the 24 hours set here
    assert (code, clocks) == (0, {"first_contact": "met-late", "first_value": "open", "internal_meeting": "met"})


def test_a_renewal_runs_only_its_success_plan_review(run_cli: RunCli, deals_repo: Path) -> None:
    renewal = EXPANSION.replace("kind: expansion", "kind: renewal")
    assert _sla(run_cli, renewal)[:2] == (0, {"kickoff": "met"})


def test_a_waiver_may_name_a_clock(run_cli: RunCli, deals_repo: Path) -> None:
    new_logo = EXPANSION.replace("  kind: expansion\n", "")
    waiver = ("  waivers:\n    - {rule: intro_email, reason: The customer asked for no email before the holidays, "
              "approved_by: Dana Lee, expires: 2026-12-31}\n")
    text = new_logo.replace("  reviews:\n", waiver + "  reviews:\n")
    Path("deal.yaml").write_text(text, encoding="utf-8")
    checked = run_cli("validate", "deal.yaml", "--as-of", AS_OF)
    assert (checked.exit_code, "HW00" in checked.stdout) == (0, False)
    code, clocks, waived = _sla(run_cli, text)
    assert code == 1 and "intro_email" not in clocks  # the QBR invite is still late: only the intro is waived
    assert waived == {"waived": ["deal.yaml: HS-90412's intro_email clock is waived until 2026-12-31 by Dana Lee: "
                                 "The customer asked for no email before the holidays"]}  # fmt: skip
    assert "deal.yaml: HS-90412's intro_email clock is waived until 2026-12-31" in run_cli(
        "sla", "deal.yaml", "--as-of", AS_OF).stdout  # fmt: skip


def test_an_expired_clock_waiver_warns_and_the_clock_counts_again(run_cli: RunCli, deals_repo: Path) -> None:
    new_logo = EXPANSION.replace("  kind: expansion\n", "")
    waiver = "  waivers:\n    - {rule: intro_email, reason: Holidays, approved_by: Dana Lee, expires: 2026-12-01}\n"
    text = new_logo.replace("  reviews:\n", waiver + "  reviews:\n")
    Path("deal.yaml").write_text(text, encoding="utf-8")
    lines = run_cli("validate", "deal.yaml", "--as-of", AS_OF).stdout.splitlines()
    assert [line for line in lines if "HW001" in line] == [
        "deal.yaml:64:77: warning: HW001 waiver-expired: waiver of the intro_email clock expired on 2026-12-01; the "
        "clock "
        "counts again"
    ]
    assert _sla(run_cli, text)[1]["intro_email"] == "breached"


def test_a_waiver_naming_neither_a_rule_nor_a_clock_is_refused(run_cli: RunCli, deals_repo: Path) -> None:
    waiver = "  waivers:\n    - {rule: intro_mail, reason: Holidays, approved_by: Dana Lee, expires: 2026-12-31}\n"
    Path("deal.yaml").write_text(EXPANSION.replace("  reviews:\n", waiver + "  reviews:\n"), encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1 and " HW002 waiver-unknown-rule: unknown rule 'intro_mail'" in run.stdout


def test_init_writes_the_kind(run_cli: RunCli, deals_repo: Path) -> None:
    assert run_cli("init", "a.yaml", "--account", "Acme", "--segment", "smb", "--kind", "expansion").exit_code == 0
    assert "\n  kind: expansion  # new | expansion" in Path("a.yaml").read_text(encoding="utf-8")
    assert run_cli("init", "b.yaml", "--account", "Acme", "--segment", "smb").exit_code == 0
    assert "\n  kind: new  # new | expansion" in Path("b.yaml").read_text(encoding="utf-8")
    wrong = run_cli("init", "c.yaml", "--account", "Acme", "--segment", "smb", "--kind", "upsell")
    assert wrong.exit_code == 2 and not Path("c.yaml").exists()


def test_the_crm_import_maps_the_deal_type_to_a_kind(run_cli: RunCli, deals_repo: Path) -> None:
    assert run_cli("import", "crm", HUBSPOT, "--map", "hubspot", "--out", "deals").exit_code == 0
    kinds = {p.name: next(line for line in p.read_text().splitlines() if line.startswith("  kind: "))
             for p in sorted(Path("deals").glob("*.yaml"))}  # fmt: skip
    assert {name: line.split()[1] for name, line in kinds.items()} == {
        "acme-outdoor-supply.yaml": "new", "brightleaf-plants-b-v.yaml": "new", "harbor-dental-group.yaml": "expansion",
        "kestrel-logistics-plc.yaml": "new", "nimbus-bakery.yaml": "new",
    }  # fmt: skip


def test_an_unmapped_deal_type_names_row_and_column(run_cli: RunCli, deals_repo: Path) -> None:
    Path("deals.csv").write_text(Path(HUBSPOT).read_text().replace("Existing Business", "Upsell"), encoding="utf-8")
    run = run_cli("import", "crm", "deals.csv", "--map", "hubspot", "--out", "deals")
    assert run.exit_code == 2
    assert run.stderr == (
        "handoff: error: deals.csv:5: column 'Deal Type': 'Upsell' is not a known deal kind; map it under "
        "[kinds] to new, expansion or renewal; nothing was written\n"
    )
    assert not Path("deals").exists()


def test_the_salesforce_mapping_reads_the_opportunity_type(run_cli: RunCli, deals_repo: Path) -> None:
    sample = str(EXAMPLES / "crm" / "salesforce-opportunities.csv")
    assert run_cli("import", "crm", sample, "--map", "salesforce", "--out", "deals").exit_code == 0
    kinds = {p.name: next(line for line in p.read_text().splitlines() if line.startswith("  kind: ")).split()[1]
             for p in sorted(Path("deals").glob("*.yaml"))}  # fmt: skip
    assert kinds == {"contoso-retail.yaml": "expansion", "fabrikam-kitchens.yaml": "new",
                     "globex-industrial-ag.yaml": "new", "northwind-freight-group.yaml": "new"}  # fmt: skip
