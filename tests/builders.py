"""Dossiers for tests, built from data: one signed mid-market deal by default, each section overridable.

`dossier_data` is the plain mapping, `dossier` the validated model (for unit tests of clocks, rules and
documents), `dossier_yaml` the file's text (for CLI tests), written by ruamel.yaml in block style.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

from ruamel.yaml import YAML

from handoff_cli.model import Dossier

SIGNED = "2026-11-09T09:00:00+00:00"  # a Monday


def dossier_data(events: list[dict[str, str]] | None = None, sections: dict[str, Any] | None = None,
                 **deal: Any) -> dict[str, Any]:
    """`deal` fields over the defaults (None removes one); `events` under handoff.events; other top-level
    sections as given."""
    fields = {"id": "D-1", "account": "Initech", "segment": "mid-market", "signed_at": SIGNED,
              "sales_rep": {"name": "Rita Rep"}, "csm": {"name": "Carl CSM"}, **deal}
    data: dict[str, Any] = {"schema": "1", "deal": {k: v for k, v in fields.items() if v is not None}}
    data.update(sections or {})
    if events is not None:
        data["handoff"] = {"events": events}
    return data


def dossier(events: list[dict[str, str]] | None = None, sections: dict[str, Any] | None = None,
            **deal: Any) -> Dossier:
    return Dossier.model_validate(dossier_data(events, sections, **deal))


def dossier_yaml(events: list[dict[str, str]] | None = None, sections: dict[str, Any] | None = None,
                 **deal: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    out = StringIO()
    yaml.dump(dossier_data(events, sections, **deal), out)
    return out.getvalue()
