"""`handoff import crm` on exports as HubSpot, Salesforce and Excel write them: their own headers, a byte-order
mark, `;` or tabs between cells, cp1252 or UTF-16, amounts as `150.000,00`, cells with line breaks, a report footer.

The dossiers written from the shipped samples are compared byte for byte with reviewed snapshots in
tests/golden/crm/<crm>/. After an intended change, regenerate them with
`HANDOFF_UPDATE_GOLDEN=1 pytest tests/cli/test_import_crm_exports.py`, then read the diff before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, GOLDEN, RunCli

SAMPLES = Path(__file__).resolve().parents[1] / "crm"
HUBSPOT = EXAMPLES / "crm" / "hubspot-deals.csv"
SALESFORCE = EXAMPLES / "crm" / "salesforce-opportunities.csv"


def written(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


@pytest.mark.parametrize(
    ("sample", "crm", "lines"),
    [
        (HUBSPOT, "hubspot", ["acme-outdoor-supply", "brightleaf-plants-b-v", "harbor-dental-group",
                              "kestrel-logistics-plc", "nimbus-bakery"]),
        # four opportunities in seven contact-role rows; the report's footer lines are not deals
        (SALESFORCE, "salesforce", ["northwind-freight-group", "globex-industrial-ag", "contoso-retail",
                                    "fabrikam-kitchens"]),
    ],
)  # fmt: skip
def test_the_samples_import_as_the_reviewed_dossiers_byte_for_byte(
    run_cli: RunCli, deals_repo: Path, sample: Path, crm: str, lines: list[str]
) -> None:
    shutil.copy(sample, deals_repo / sample.name)
    run = run_cli("import", "crm", sample.name, "--map", crm, "--out", "deals")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.splitlines() == [
        *(f"wrote deals/{name}.yaml" for name in lines),
        f"{len(lines)} deals from {sample.name}: {len(lines)} new, 0 existing",
    ]
    got, snapshots = written(deals_repo / "deals"), GOLDEN / "crm" / crm
    if os.environ.get("HANDOFF_UPDATE_GOLDEN"):
        shutil.rmtree(snapshots, ignore_errors=True)
        snapshots.mkdir(parents=True)
        for name, data in got.items():
            (snapshots / name).write_bytes(data)
    assert got == written(snapshots)


def test_a_hubspot_export_of_its_own_properties_needs_only_the_segment(run_cli: RunCli, deals_repo: Path) -> None:
    shutil.copy(SAMPLES / "hubspot-standard.csv", deals_repo)
    run = run_cli("import", "crm", "hubspot-standard.csv", "--map", "hubspot", "--out", "deals")
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", (
        "handoff: error: hubspot-standard.csv:1: no column 'Customer Segment' and no --segment: pass the deals' "
        "segment (enterprise, mid-market, smb or strategic); nothing was written\n"))  # fmt: skip
    assert not (deals_repo / "deals").exists()

    run = run_cli("import", "crm", "hubspot-standard.csv", "--map", "hubspot", "--out", "deals", "--segment", "smb")
    assert (run.exit_code, run.stderr) == (0, "")
    acme = (deals_repo / "deals" / "acme-outdoor-supply.yaml").read_text(encoding="utf-8")
    assert '  account: "Acme Outdoor Supply"\n  segment: smb  #' in acme
    assert "  value: {amount: 150000, currency: USD}  #" in acme  # one currency in the account: no column
    # "Name (email)" is one associated contact; HubSpot's deal export has no buying roles, so both are to complete
    assert '#  - name: "Dana Whitfield"\n#    email: "dana.whitfield@acme-outdoor.example"\n#    role:\n' in acme
    assert '#  - name: "Tom Reyes"\n#    email: "tom.reyes@acme-outdoor.example"\n' in acme


def test_a_semicolon_cp1252_export_with_decimal_commas(run_cli: RunCli, deals_repo: Path) -> None:
    shutil.copy(SAMPLES / "salesforce-de.csv", deals_repo)
    base = ("import", "crm", "salesforce-de.csv", "--map", "salesforce", "--out", "deals", "--segment", "mid-market")
    # the first non-UTF-8 byte is the ü of Müller on line 2; code pages disagree on what it is, so no guess
    run = run_cli(*base)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", (
        "handoff: error: salesforce-de.csv:2: not UTF-8 text, and which encoding it is in cannot be told for "
        "certain; pass its encoding with --encoding, e.g. --encoding cp1252 for an export from Excel or a CRM on "
        "Western European Windows; nothing was written\n"))  # fmt: skip
    run = run_cli(*base, "--encoding", "cp1252")
    assert (run.exit_code, run.stderr) == (2, (
        "handoff: error: salesforce-de.csv:2: column 'Amount': '150.000,00' is not a number as en_US writes them "
        "(1,234.56); pass --locale if the export writes them otherwise; nothing was written\n"))  # fmt: skip
    assert not (deals_repo / "deals").exists()

    run = run_cli(*base, "--encoding", "cp1252", "--locale", "de_DE")
    assert (run.exit_code, run.stdout.splitlines()) == (0, [
        "wrote deals/muller-maschinenbau-gmbh.yaml", "wrote deals/backerei-schafer.yaml",
        "2 deals from salesforce-de.csv: 2 new, 0 existing"])  # fmt: skip
    mueller = (deals_repo / "deals" / "muller-maschinenbau-gmbh.yaml").read_text(encoding="utf-8")
    assert '  account: "Müller Maschinenbau GmbH"\n' in mueller and '  sales_rep: {name: "Jürgen Weiß"}' in mueller
    assert "  value: {amount: 150000.00, currency: EUR}  #" in mueller and "  signed_at: 2026-11-06  #" in mueller
    assert '  holidays: "DE"  #' in mueller  # Billing Country "Deutschland", a country's name in the export's locale
    baker = (deals_repo / "deals" / "backerei-schafer.yaml").read_text(encoding="utf-8")
    assert "  value: {amount: 9600.50, currency: EUR}  #" in baker and '  holidays: "AT"  #' in baker
    # the Next Step cell's line break is inside a quoted cell: the line numbers in messages count it
    assert "the Salesforce export salesforce-de.csv, line 4" in baker


def test_a_mapping_of_ones_own_gives_the_locale_and_the_columns_an_export_may_lack(
    run_cli: RunCli, deals_repo: Path
) -> None:
    (deals_repo / "map.toml").write_text(
        'crm = "Axelor"\nlocale = "fr_FR"\ndefault_currency = "EUR"\ndefault_segment = "smb"\n'
        'optional = ["timezone"]\n[columns]\nid = "Réf"\naccount = ["Société", "Client"]\namount = "Montant"\n'
        'timezone = "Fuseau"\n',
        encoding="utf-8",
    )  # fmt: skip
    # typed spaces group the thousands, where fr_FR writes a narrow no-break space
    (deals_repo / "won.csv").write_text("Réf;Client;Montant\nAX-7;Café Olé;1 250 000,50\n", encoding="utf-8")
    run = run_cli("import", "crm", "won.csv", "--map", "map.toml", "--out", "deals")
    assert (run.exit_code, run.stderr) == (0, "")
    text = (deals_repo / "deals" / "cafe-ole.yaml").read_text(encoding="utf-8")
    assert "  value: {amount: 1250000.50, currency: EUR}  #" in text and "  timezone:" not in text
    run = run_cli("import", "crm", "won.csv", "--map", "map.toml", "--out", "deals", "--locale", "en_US")
    assert (run.exit_code, run.stderr) == (2, (
        "handoff: error: won.csv:2: column 'Montant': '1 250 000,50' is not a number as en_US writes them "
        "(1,234.56); pass --locale if the export writes them otherwise; nothing was written\n"))  # fmt: skip


def test_a_country_that_is_no_country_stops_the_import_at_its_line(run_cli: RunCli, deals_repo: Path) -> None:
    text = SALESFORCE.read_text(encoding="utf-8-sig")
    (deals_repo / "won.csv").write_text(text.replace('"Germany"', '"Atlantis"'), encoding="utf-8")
    run = run_cli("import", "crm", "won.csv", "--map", "salesforce", "--out", "deals")
    # three Northwind rows of two lines each (their Next Step holds a line break): Globex starts on line 8
    assert (run.exit_code, run.stderr) == (2, (
        "handoff: error: won.csv:8: column 'Billing Country': 'Atlantis' is not a country name CLDR knows; write its "
        "code, such as DE or US-NY; nothing was written\n"))  # fmt: skip
    assert not (deals_repo / "deals").exists()


def test_a_tab_separated_utf16_export_without_byte_order_mark(run_cli: RunCli, deals_repo: Path) -> None:
    # Excel's "Unicode Text": UTF-16, tabs between cells; charset-normalizer tells the encoding, csv.Sniffer the tab
    text = SALESFORCE.read_text(encoding="utf-8-sig").replace('","', '"\t"')
    (deals_repo / SALESFORCE.name).write_bytes(text.encode("utf-16-le"))
    run = run_cli("import", "crm", SALESFORCE.name, "--map", "salesforce", "--out", "deals")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.splitlines()[-1] == f"4 deals from {SALESFORCE.name}: 4 new, 0 existing"
    assert written(deals_repo / "deals") == written(GOLDEN / "crm" / "salesforce")  # the same dossiers as from CSV


def test_a_header_that_does_not_fit_names_the_separator_it_was_read_with(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "won.csv").write_text("Deal;Account Name;Amount\n0061A;Acme;100\n", encoding="utf-8")
    run = run_cli("import", "crm", "won.csv", "--map", "salesforce", "--out", "deals")
    assert (run.exit_code, run.stderr) == (2, (
        "handoff: error: won.csv:1: the header has no column 'Opportunity ID', which the Salesforce mapping reads "
        "(the cells read as separated by ';'); nothing was written\n"))  # fmt: skip


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        (b"Record ID\n1\n", ("--encoding", "klingon"),
         "--encoding klingon: not a text encoding Python knows, e.g. utf-8, cp1252, utf-16"),
        (b"Record ID\n1\n", ("--encoding", "rot13"),
         "--encoding rot13: not a text encoding Python knows, e.g. utf-8, cp1252, utf-16"),
        ("Record ID,Associated Company\n1,Société Générale\n".encode("cp1252"), ("--encoding", "utf-8"),
         "won.csv:2: is not utf-8 text (byte 0xe9); pass the encoding the CRM wrote it in with --encoding; "
         "nothing was written"),
        (bytes(range(256)) * 4, (),
         "won.csv:1: not UTF-8 text, and no encoding reads it as text; pass its encoding with --encoding, e.g. "
         "--encoding cp1252 for an export from Excel or a CRM on Western European Windows; nothing was written"),
        (b"Record ID,Associated Company\n1,Acme\n", ("--locale", "xx_YY"),
         "--locale xx_YY: not a locale Babel knows; use e.g. en_US, de_DE, fr_FR"),
        (b"", (), "won.csv: is empty: a CRM export starts with a line of column names; nothing was written"),
        (b"\n\n", (), "won.csv: is empty: a CRM export starts with a line of column names; nothing was written"),
        (b'Record ID,Associated Company,Amount\n1,Acme,"9\n6\x1b[2JK"\n', (),
         "won.csv:2: column 'Amount': '9 6\ufffd[2JK' is not a number as en_US writes them (1,234.56); pass "
         "--locale if the export writes them otherwise; nothing was written"),
    ],
    ids=["unknown-encoding", "no-text-encoding", "wrong-encoding", "not-text", "unknown-locale", "empty",
         "empty-lines", "cell-escapes"],
)  # fmt: skip
def test_what_cannot_be_read_is_one_line(
    run_cli: RunCli, deals_repo: Path, content: bytes, options: tuple[str, ...], message: str
) -> None:
    (deals_repo / "won.csv").write_bytes(content)
    run = run_cli("import", "crm", "won.csv", "--map", "hubspot", "--out", "deals", "--segment", "smb", *options)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"handoff: error: {message}\n")
    assert not (deals_repo / "deals").exists()
