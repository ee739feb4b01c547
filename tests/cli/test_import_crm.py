"""`handoff import crm`: the shipped HubSpot and Salesforce samples become well-formed dossiers; nothing existing is
overwritten; --update fills only empty fields, byte for byte elsewhere; a bad CSV names file, row and column."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.conftest import AS_OF, EXAMPLES, RunCli

HUBSPOT = str(EXAMPLES / "crm" / "hubspot-deals.csv")
SALESFORCE = str(EXAMPLES / "crm" / "salesforce-opportunities.csv")


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def test_both_samples_import_as_well_formed_dossiers(run_cli: RunCli, deals_repo: Path) -> None:
    hub = run_cli("import", "crm", HUBSPOT, "--map", "hubspot", "--out", "deals")
    assert (hub.exit_code, hub.stdout.splitlines()) == (
        0,
        [
            "wrote deals/acme-outdoor-supply.yaml",
            "wrote deals/brightleaf-plants-b-v.yaml",
            "wrote deals/harbor-dental-group.yaml",
            "wrote deals/kestrel-logistics-plc.yaml",
            "wrote deals/nimbus-bakery.yaml",
            f"5 deals from {HUBSPOT}: 5 new, 0 existing",
        ],
    )
    sf = run_cli("import", "crm", SALESFORCE, "--map", "Salesforce", "--out", "deals")
    assert sf.exit_code == 0 and sf.stdout.splitlines()[-1] == f"4 deals from {SALESFORCE}: 4 new, 0 existing"
    check = run_cli("validate", "deals", "--as-of", AS_OF)
    lines = check.stdout.splitlines()
    # closed-won skeletons are far from complete (exit 1), but every one loads and matches the schema
    assert check.exit_code == 1 and len(lines) > 9
    # a CRM close date has no time of day: that is the one schema warning (HV014), never an error
    schema = [line for line in lines if ": HY" in line or ": HV" in line]
    assert [line for line in schema if " HV014 date-without-time: " not in line] == []
    assert sum(" HV014 date-without-time: deal.signed_at: " in line for line in lines) == 4  # close dates only
    assert sum(line.endswith(" warnings") and ": incomplete · " in line for line in lines) == 9

    acme = (deals_repo / "deals" / "acme-outdoor-supply.yaml").read_text()
    assert "\n".join(acme.splitlines()[6:15]) == "\n".join(
        [
            "deal:",
            '  id: "18274630112"',
            '  account: "Acme Outdoor Supply"',
            "  segment: mid-market  # enterprise | mid-market | smb | strategic",
            "  kind: new  # new | expansion (an existing customer buys more) | renewal",
            "  stage: closed-won  # pre-close | closed-won | onboarding | live",
            "  value: {amount: 150000, currency: USD}  # annual contract value",
            "  signed_at: 2026-11-04T16:30:00  # from the CRM's close date; add the time of signature if missing, "
            "e.g. T16:30",
            '  sales_rep: {name: "Jess Moreno"}',
        ]
    )
    assert '  - name: "Lena Park"\n    role: end-user\n    email: "lena.park@acme-outdoor.example"\n' in acme
    assert "\ncustomer:\n  company:\n    industry:\n" in acme  # what the CRM does not know stays a prompt

    # Salesforce: three contact-role rows are one deal; a role we do not know stays a commented prompt
    northwind = (deals_repo / "deals" / "northwind-freight-group.yaml").read_text()
    assert northwind.count("\n  - name: ") == 3 and "role: technical-evaluator" in northwind
    assert "  value: {amount: 310000.00, currency: USD}" in northwind and "  signed_at: 2026-11-06  #" in northwind
    globex = (deals_repo / "deals" / "globex-industrial-ag.yaml").read_text()
    jonas = '#  - name: "Jonas Weber"\n#    email: "jonas.weber@globex.example"\n#    role:  # the CRM says "Other"\n'
    assert jonas in globex


def test_existing_dossiers_are_skipped_or_filled_with_update(run_cli: RunCli, deals_repo: Path) -> None:
    init = run_cli("init", "deals/acme.yaml", "--account", "Acme Outdoor Supply", "--segment", "mid-market",
                   "--id", "18274630112")  # fmt: skip
    assert init.exit_code == 0
    acme = deals_repo / "deals" / "acme.yaml"
    before = acme.read_text()
    first = run_cli("import", "crm", HUBSPOT, "--map", "hubspot", "--out", "deals")
    assert first.stdout.splitlines()[0] == (
        "skipped deals/acme.yaml: a dossier for this deal exists; --update fills its empty fields"
    )
    assert acme.read_text() == before and not (deals_repo / "deals" / "acme-outdoor-supply.yaml").exists()
    written = files(deals_repo / "deals")

    again = run_cli("import", "crm", HUBSPOT, "--map", "hubspot", "--out", "deals")
    assert again.stdout.count("skipped ") == 5 and files(deals_repo / "deals") == written

    update = run_cli("import", "crm", HUBSPOT, "--map", "hubspot", "--out", "deals", "--update")
    assert update.exit_code == 0
    assert update.stdout.splitlines()[0] == (
        "updated deals/acme.yaml: filled deal.value, deal.signed_at, deal.sales_rep, stakeholders"
    )
    expected = (
        before.replace("  value:  # annual", "  value: {amount: 150000, currency: USD}  # annual")
        .replace("  signed_at:  # contract", "  signed_at: 2026-11-04T16:30:00  # contract")
        .replace("  sales_rep:  # {name", '  sales_rep: {name: "Jess Moreno"}  # {name')
        .replace(
            "\nstakeholders:\n",
            '\nstakeholders:\n  - name: "Dana Whitfield"\n    role: champion\n'
            '    email: "dana.whitfield@acme-outdoor.example"\n'
            '  - name: "Tom Reyes"\n    role: economic-buyer\n    email: "tom.reyes@acme-outdoor.example"\n'
            '  - name: "Lena Park"\n    role: end-user\n    email: "lena.park@acme-outdoor.example"\n',
        )
    )
    assert acme.read_text() == expected  # every other byte, comments included, as it was
    assert "unchanged deals/brightleaf-plants-b-v.yaml: nothing the CRM knows is empty there" in update.stdout
    assert run_cli("validate", "deals/acme.yaml", "--as-of", AS_OF).exit_code == 0  # still pre-close, still valid
    after = run_cli("import", "crm", HUBSPOT, "--map", "hubspot", "--out", "deals", "--update")
    assert after.stdout.splitlines()[0] == "unchanged deals/acme.yaml: nothing the CRM knows is empty there"


def test_bad_csv_names_file_line_and_column_and_writes_nothing(run_cli: RunCli, deals_repo: Path) -> None:
    with Path(HUBSPOT).open(encoding="utf-8", newline="") as sample:
        header, *rows = list(csv.reader(sample))

    def export(name: str, records: list[list[str]]) -> None:
        with (deals_repo / name).open("w", encoding="utf-8", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows(records)

    export("missing.csv", [["Deal ID" if h == "Record ID" else h for h in header], *rows])
    run = run_cli("import", "crm", "missing.csv", "--map", "hubspot", "--out", "deals")
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "handoff: error: missing.csv:1: the header has no column 'Record ID', which the HubSpot mapping reads "
        "(the cells read as separated by ','); nothing was written\n",
    )
    # the second deal's description holds a line break, so the third deal starts on line 5, not 4
    amount = header.index("Amount")
    export("bad.csv", [header, rows[0], rows[1], [c if i != amount else "9.6K" for i, c in enumerate(rows[2])]])
    run = run_cli("import", "crm", "bad.csv", "--map", "hubspot", "--out", "deals")
    assert (run.exit_code, run.stderr) == (
        2,
        "handoff: error: bad.csv:5: column 'Amount': '9.6K' is not a number as en_US writes them (1,234.56); "
        "pass --locale if the export writes them otherwise; nothing was written\n",
    )
    assert not (deals_repo / "deals").exists()  # lines 2 to 4 were fine, yet nothing was written


def test_a_mapping_file_of_ones_own(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "pipedrive.toml").write_text(
        'crm = "Pipedrive"\ndefault_segment = "smb"\ndefault_currency = "EUR"\ndate_formats = ["%d.%m.%Y"]\n'
        '[columns]\nid = "Deal ID"\naccount = "Organization"\namount = "Value"\nsigned_at = "Won time"\n'
        "[segments]\n"
    )
    (deals_repo / "won.csv").write_text("Deal ID,Organization,Value,Won time\n0042,Café Olé,1200,03.11.2026\n")
    run = run_cli("import", "crm", "won.csv", "--map", "pipedrive.toml", "--out", "deals")
    assert run.stdout.splitlines()[0] == "wrote deals/cafe-ole.yaml"
    text = (deals_repo / "deals" / "cafe-ole.yaml").read_text()
    assert '  id: "0042"\n  account: "Café Olé"\n  segment: smb  #' in text
    assert "  value: {amount: 1200, currency: EUR}" in text and "  signed_at: 2026-11-03  #" in text
    (deals_repo / "typo.toml").write_text('crm = "X"\n[columns]\nid = "a"\naccount = "b"\nammount = "c"\n')
    typo = run_cli("import", "crm", "won.csv", "--map", "typo.toml", "--out", "deals")
    assert (typo.exit_code, typo.stderr) == (2, "handoff: error: typo.toml: columns.ammount: Extra inputs are not "
                                                "permitted\n")  # fmt: skip
    segment = run_cli("import", "crm", HUBSPOT.replace("hubspot-deals", "salesforce-opportunities"), "--map",
                      "hubspot", "--out", "deals")  # fmt: skip
    assert segment.exit_code == 2 and "the header has no column 'Record ID', which the HubSpot" in segment.stderr
