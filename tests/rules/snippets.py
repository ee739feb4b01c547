"""Run a rule on the PASS or FAIL snippet of its own docstring, merged into a minimal valid dossier."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ruamel.yaml import YAML

from handoff_cli.model import Dossier
from handoff_cli.rules.base import Context, Miss, Rule

CTX = Context(as_of=datetime(2026, 11, 23, 12, tzinfo=UTC), tz=UTC)


def base(segment: str = "mid-market") -> dict[str, Any]:
    return {"schema": 1, "deal": {"id": "T-1", "account": "Test Co", "segment": segment}}


def merge(into: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = value
    return into


def snippet(rule: Rule, label: str) -> dict[str, Any]:
    """The YAML after `PASS:` or `FAIL:` in the rule's docstring."""
    line = next(x for x in rule.doc.splitlines() if x.strip().startswith(f"{label}:"))
    loaded = YAML(typ="safe").load(line.split(":", 1)[1])
    assert isinstance(loaded, dict), f"{rule.code} {label} snippet is not a mapping"
    return loaded


def dossier(data: dict[str, Any], segment: str = "mid-market") -> Dossier:
    return Dossier.model_validate(merge(base(segment), data))


def misses(rule: Rule, data: dict[str, Any], segment: str = "mid-market") -> list[Miss]:
    return rule.run(dossier(data, segment), CTX)
