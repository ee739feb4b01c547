"""Every rule's documented PASS example passes and its FAIL example fails: the docs cannot drift."""

from __future__ import annotations

import pytest

from handoff_cli.rules import RULES
from handoff_cli.rules.base import Rule
from tests.rules.snippets import misses, snippet


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_pass_example_passes(rule: Rule) -> None:
    assert misses(rule, snippet(rule, "PASS")) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_fail_example_fails(rule: Rule) -> None:
    found = misses(rule, snippet(rule, "FAIL"))
    assert found, f"{rule.code} found nothing in its FAIL example"
    assert all(m.message for m in found)
