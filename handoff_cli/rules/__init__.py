"""The registry of rules: every rule by code, in category order, found by code or name."""

from __future__ import annotations

from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.rules import (
    commitments,
    consistency,
    customer,
    goals,
    implementation,
    realism,
    review,
    risks,
    stakeholders,
    technical,
)
from handoff_cli.rules.base import Category, Rule

RULES: tuple[Rule, ...] = (
    *customer.RULES,
    *stakeholders.RULES,
    *goals.RULES,
    *commitments.RULES,
    *technical.RULES,
    *implementation.RULES,
    *risks.RULES,
    *consistency.RULES,
    *review.RULES,
    *realism.RULES,
)
BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


def lookup(ref: str) -> Rule:
    """A rule by code (HS201) or name (champion-named); KeyError carries a did-you-mean message."""
    found = BY_CODE.get(ref.upper()) or BY_NAME.get(ref)
    if found is None:
        hint = did_you_mean(ref, [*BY_CODE, *BY_NAME])
        raise KeyError(f"unknown rule '{ref}'{hint}")
    return found


__all__ = ["BY_CODE", "RULES", "Category", "Rule", "lookup"]
