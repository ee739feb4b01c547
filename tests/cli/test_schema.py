"""handoff schema: the JSON Schema of a dossier, every section in it."""

from __future__ import annotations

import json

from tests.conftest import RunCli


def test_schema_is_json_schema_of_every_section(run_cli: RunCli) -> None:
    doc = json.loads(run_cli("schema").stdout)
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(doc["properties"]) == {
        "schema",
        "deal",
        "customer",
        "stakeholders",
        "goals",
        "commitments",
        "technical",
        "implementation",
        "risks",
        "handoff",
    }
    assert doc["required"] == ["schema", "deal"]
    assert doc["additionalProperties"] is False
