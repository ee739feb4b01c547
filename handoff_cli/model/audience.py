"""Who may read each field of a dossier: the customer, or only the vendor's own team.

Every field declares its audience beside its type, with the reason: `Annotated[Text | None, internal_only("...")]`.
A document that goes to the customer is rendered from a view in which every internal field is absent
(render/customer_view.py); `audience:` on one item of a list decides for that whole item instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel


class Audience(StrEnum):
    CUSTOMER = "customer"
    INTERNAL = "internal"


@dataclass(frozen=True)
class Reader:
    """Field metadata: who may read the field, and why."""

    audience: Audience
    why: str


def customer_safe(why: str) -> Reader:
    return Reader(Audience.CUSTOMER, why)


def internal_only(why: str) -> Reader:
    return Reader(Audience.INTERNAL, why)


def reader(model: type[BaseModel], name: str) -> Reader:
    """The declared audience of `model.name`; LookupError when it has none (a test keeps that from shipping)."""
    found = [m for m in model.model_fields[name].metadata if isinstance(m, Reader)]
    if len(found) != 1:
        raise LookupError(f"{model.__name__}.{name} declares {len(found)} audiences, not one")
    return found[0]
