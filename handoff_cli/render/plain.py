"""What a template receives: plain data only, by construction.

Every context passes through `plain()` on its way to a template: dataclass views become dicts, enums
their values, and anything else that is not plain data (a model, a class, a module, a function) is a
programming error here, never something a template can reach. A template in a deals repo can then read
the dossier's values and call nothing of ours: the sandbox (render/sandbox.py) allows these types only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum

from markupsafe import Markup

from handoff_cli.render.documents import Criterion, Line


class Withheld(dict[str, object]):
    """Plain data from which some keys were left out on purpose: a template that names one is refused."""

    def __init__(self, data: Mapping[str, object], withheld: set[str] | frozenset[str]) -> None:
        super().__init__(data)
        self.withheld = frozenset(withheld)


# values a template may hold as they are; a datetime is a date
LEAVES: tuple[type, ...] = (str, bool, int, float, Decimal, date, type(None))
# frozen value objects whose fields are plain data and whose only behaviour is `str()`
VALUES: tuple[type, ...] = (Line, Criterion)


def plain(value: object) -> object:
    """`value` as dicts, lists and leaves; TypeError on anything else."""
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, str):
        return value if type(value) in (str, Markup) else str(value)
    if isinstance(value, LEAVES):
        return value
    if isinstance(value, Line):
        return Line(value.kind, value.english, {str(k): plain(v) for k, v in value.facts.items()})
    if isinstance(value, Criterion):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Withheld):
        return value  # built from plain values (render/customer_view.py)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    raise TypeError(f"a template may receive plain data only, not {type(value).__name__}")
