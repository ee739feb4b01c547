"""Time zones, language tags, currencies and email addresses checked against their real registries, each refusal
with what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.suites.test_bad_inputs import HEAD, validate


def _deal_line(run_cli: RunCli, folder: Path, line: str) -> list[str]:
    _, lines = validate(run_cli, folder, HEAD + f"  {line}\n")
    return [x for x in lines if ": HV" in x]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("EST", "an abbreviation, not a place (it keeps one offset all year or another place's rules); "
                "write America/New_York or the zone of the place you mean"),
        ("Berlin", "not a known time zone; did you mean 'Europe/Berlin'?"),
        ("US/Eastern", "an old alias of America/New_York; write America/New_York"),
        ("Asia/Calcutta", "an old alias of Asia/Kolkata; write Asia/Kolkata"),
        ("Etc/GMT+5", "a fixed offset without summer time (its sign is reversed); write the place, e.g. Europe/Berlin"),
        ("Moon/Base", "not a known time zone; use an IANA name such as Europe/Berlin"),
    ],
)
def test_only_canonical_zone_names_are_accepted(run_cli: RunCli, deals_repo: Path, typed: str, message: str) -> None:
    assert _deal_line(run_cli, deals_repo, f"timezone: {typed}") == [
        f"deal.yaml:6:13: error: HV011 invalid-value: deal.timezone: '{typed}': {message}"
    ]


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"])
def test_canonical_zone_names_pass(run_cli: RunCli, deals_repo: Path, zone: str) -> None:
    assert _deal_line(run_cli, deals_repo, f"timezone: {zone}") == []


def test_a_legacy_zone_in_settings_is_one_line(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('timezone = "EST"\n')
    (deals_repo / "deal.yaml").write_text(HEAD)
    run = run_cli("validate", "deal.yaml")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.startswith("handoff: error: handoff.toml:1:1: setting 'timezone': 'EST': an abbreviation")


@pytest.mark.parametrize(("typed", "fix"), [("en_US", "en-US"), ("DE", "de"), ("de-at", "de-AT")])
def test_a_language_tag_must_be_written_in_standard_form(
    run_cli: RunCli, deals_repo: Path, typed: str, fix: str
) -> None:
    assert _deal_line(run_cli, deals_repo, f"language: {typed}") == [
        f"deal.yaml:6:13: error: HV011 invalid-value: deal.language: '{typed}': write {fix}"
    ]


def test_a_standard_language_tag_passes(run_cli: RunCli, deals_repo: Path) -> None:
    assert _deal_line(run_cli, deals_repo, "language: en-US") == []


@pytest.mark.parametrize(
    ("typed", "hint"),
    [("RMB", "did you mean CNY?"), ("NIS", "did you mean ILS?"), ("usd", "did you mean USD?"),
     ("UDS", "did you mean USD?"), ("QQQ", "write a code such as USD, EUR, ILS")],
)
def test_a_currency_must_be_an_iso_4217_code(run_cli: RunCli, deals_repo: Path, typed: str, hint: str) -> None:
    assert _deal_line(run_cli, deals_repo, f"value: {{amount: 5, currency: {typed}}}") == [
        f"deal.yaml:6:32: error: HV011 invalid-value: deal.value.currency: '{typed}': not an ISO 4217 currency code; "
        f"{hint}"
    ]


@pytest.mark.parametrize("code", ["CNY", "EUR", "ILS", "JPY"])
def test_iso_4217_codes_pass(run_cli: RunCli, deals_repo: Path, code: str) -> None:
    assert _deal_line(run_cli, deals_repo, f"value: {{amount: 5, currency: {code}}}") == []


def test_a_name_in_an_email_field_is_refused_saying_where_it_goes(run_cli: RunCli, deals_repo: Path) -> None:
    lines = _deal_line(run_cli, deals_repo, "csm:\n    name: Jane\n    email: \"Jane O'Brien <jane@acme.example>\"")
    assert lines == [
        "deal.yaml:8:12: error: HV006 invalid-email: deal.csm.email: \"Jane O'Brien <jane@acme.example>\" holds the "
        "name "
        "\"Jane O'Brien\" as well as the address; write the address alone, jane@acme.example; the name goes in "
        "deal.csm.name"
    ]


def test_an_address_in_angle_brackets_is_refused(run_cli: RunCli, deals_repo: Path) -> None:
    assert _deal_line(run_cli, deals_repo, "csm:\n    name: Jane\n    email: \"<jane@acme.example>\"") == [
        "deal.yaml:8:12: error: HV006 invalid-email: deal.csm.email: '<jane@acme.example>': write the address alone, "
        "jane@acme.example, without angle brackets"
    ]


def test_a_bare_address_passes(run_cli: RunCli, deals_repo: Path) -> None:
    assert _deal_line(run_cli, deals_repo, "csm:\n    name: Jane\n    email: jane@acme.example") == []
