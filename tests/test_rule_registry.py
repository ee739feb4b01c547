"""Meta: every rule has a unique code in its category's range, a name, a reason, examples, and a row in the docs."""

from __future__ import annotations

import re

from handoff_cli.rules import BY_CODE, BY_NAME, RULES, customer, lookup
from handoff_cli.rules.base import SCORED, Category
from tests.conftest import ROOT

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
    from handoff_cli.dossier.placeholders import FILLER_CODES
    from handoff_cli.dossier.schema_check import SCHEMA_CODES
    from handoff_cli.dossier.yaml_codes import LOAD_CODES
    from handoff_cli.gate.change_control import CHANGE_CODES
    from handoff_cli.gate.no_regress import RATCHET_CODES
    from handoff_cli.gate.scoring import GATE_CODES
    from handoff_cli.gate.waivers import WAIVER_CODES

    readme = (ROOT / "docs" / "errors.md").read_text()
    codes = {**LOAD_CODES, **SCHEMA_CODES, **FILLER_CODES, **WAIVER_CODES, **GATE_CODES, **RATCHET_CODES,
             **CHANGE_CODES}
    assert [code for code, (name, _) in codes.items() if f"| `{code}` | {name} |" not in readme] == []


def test_lookup_by_code_or_name_with_suggestion() -> None:
    assert lookup("hs201") is lookup("champion-named")
    assert customer.RULES[0] is lookup("industry-known")
    try:
        lookup("champion-name")
    except KeyError as exc:
        assert exc.args[0] == "unknown rule 'champion-name'; did you mean 'champion-named'?"
    else:
        raise AssertionError("lookup accepted an unknown rule")
