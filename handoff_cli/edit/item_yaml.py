"""One new item of a `handoff:` list as YAML text, written by ruamel's emitter so quoting is always right."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from ruamel.yaml import YAML

Item = dict[str, Any]


class _OneLine(list[Any]):
    """A list inside an item (a review's reasons), written `[a, b]` on its key's line."""


def emit(item: Item, *, flow: bool) -> str:
    """One item as YAML text: `{event: …, at: …}` or a block mapping, keys in the order given."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    yaml.width = 1_000_000  # one item, one line: never folded
    yaml.allow_unicode = True
    rep = yaml.representer
    rep.sort_base_mapping_type_on_output = False
    # ISO 8601 with a T, written plain, as dossiers write their timestamps
    rep.add_representer(datetime, lambda r, v: r.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat()))
    rep.add_representer(_OneLine, lambda r, v: r.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
    data = {k: _OneLine(v) if isinstance(v, list) else v for k, v in item.items()}
    out = io.StringIO()
    yaml.dump(data if flow else [data], out)
    return out.getvalue()
