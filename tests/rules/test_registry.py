"""Meta: every rule has a unique code in its category's range, a name, a reason, examples, and a row in the docs."""

from __future__ import annotations

import json
import re

from handoff_cli.rules import BY_CODE, BY_NAME, RULES, customer, lookup
from handoff_cli.rules.base import SCORED, Category
from handoff_cli.rules.catalog import all_codes
from tests.conftest import ROOT, RunCli

RANGE = {c: str(i) for i, c in enumerate(SCORED, start=1)} | {Category.CONSISTENCY: "8"}


def test_codes_and_names_are_unique() -> None:
    assert len(BY_CODE) == len(RULES)
    assert len(BY_NAME) == len(RULES)


def test_code_matches_category_and_name_is_kebab() -> None:
    for rule in RULES:
        assert re.fullmatch(rf"HS{RANGE[rule.category]}\d\d", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name


def test_every_rule_is_documented_with_examples() -> None:
    for rule in RULES:
        assert rule.why and rule.summary, rule.code
        assert "PASS:" in rule.doc and "FAIL:" in rule.doc, rule.code


def test_scored_rules_carry_points_and_consistency_rules_none() -> None:
    for rule in RULES:
        assert (rule.weight > 0) == (rule.category is not Category.CONSISTENCY), rule.code


def test_the_rules_page_lists_every_rule() -> None:
    readme = (ROOT / "docs" / "rules.md").read_text()
    assert [r.code for r in RULES if f"`{r.code}`" not in readme] == []


def test_the_errors_page_lists_every_error_code() -> None:
    readme = (ROOT / "docs" / "errors.md").read_text()
    others = [e for e in all_codes().values() if not e.is_rule]
    assert [e.code for e in others if f"| `{e.code}` | {e.name} | {e.severity} |" not in readme] == []


def test_the_catalog_holds_every_rule_and_every_family_of_other_codes() -> None:
    codes = all_codes()
    assert [r.code for r in RULES if r.code not in codes] == []
    assert {code[:2] for code, e in codes.items() if not e.is_rule} == {"HY", "HV", "HF", "HW", "HG", "HR", "HC"}


def test_rules_all_lists_every_code_of_the_catalog(run_cli: RunCli) -> None:
    listed = json.loads(run_cli("rules", "--all", "--format", "json").stdout)
    shown = [r["code"] for r in listed["rules"]] + [e["code"] for e in listed["errors"]]
    assert shown == list(all_codes())
    assert {"HF001", "HF002", "HW001", "HW002"} <= {e["code"] for e in listed["errors"]}
    assert {e["code"]: e["severity"] for e in listed["errors"]}["HW001"] == "warning"
    text = run_cli("rules", "--all").stdout
    assert [code for code in all_codes() if f"│ {code} │" not in text] == []


def test_rules_explains_a_code_that_is_not_a_rule(run_cli: RunCli) -> None:
    run = run_cli("rules", "HW001")
    assert (run.exit_code, run.stdout) == (
        0, "HW001 waiver-expired (warning)\nwhy: an expired waiver is a gap nobody re-decided; the rule counts again\n")


def test_sarif_describes_a_code_from_the_catalog() -> None:
    from handoff_cli.reporters.sarif import rule_metadata

    assert rule_metadata("HW002")["name"] == "waiver-unknown-rule"
    assert rule_metadata("HS201")["name"] == "champion-named"


def test_lookup_by_code_or_name_with_suggestion() -> None:
    assert lookup("hs201") is lookup("champion-named")
    assert customer.RULES[0] is lookup("industry-known")
    try:
        lookup("champion-name")
    except KeyError as exc:
        assert exc.args[0] == "unknown rule 'champion-name'; did you mean 'champion-named'?"
    else:
        raise AssertionError("lookup accepted an unknown rule")
