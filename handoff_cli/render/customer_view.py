"""The customer's view of a dossier: what a document that goes to the customer is built from.

Each field's audience is declared on the model (model/audience.py). The view keeps a field only when it
and every section around it are for the customer; `audience:` on an item of a list decides for the whole
item, wherever it sits (a risk the customer raised themselves, say). A commitment without `audience:` is
for the customer once CS has validated it, unless it is commercial (prices, discounts, terms): an
unvalidated promise never reaches the customer as a commitment.

`customer_dossier` gives the same model with every internal field emptied, for the document builders;
`customer_data` gives plain data for the template, with the internal fields absent and remembered, so a
template that names one is refused (render/sandbox.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from handoff_cli.model import Dossier
from handoff_cli.model.audience import Audience, reader
from handoff_cli.model.commitments import Commitment, CommitmentKind
from handoff_cli.model.deal import Deal
from handoff_cli.model.progress import Event, EventName
from handoff_cli.model.stakeholders import Role, Stakeholder
from handoff_cli.render.plain import Withheld, plain

# roles a person agreed to take on the project; the others are our assessment of them
AGREED_ROLES = frozenset({Role.CHAMPION, Role.EXECUTIVE_SPONSOR, Role.TECHNICAL_EVALUATOR, Role.END_USER})
# fields a document builder needs to compute a customer document (the segment's cadence, the champion), never
# to print in one: kept in customer_dossier, absent from customer_data
# steps of our own process the customer takes no part in
_OWN_EVENTS = frozenset({EventName.INTERNAL_MEETING, EventName.REP_CHECK_IN, EventName.QBR_SCHEDULED})
_STRUCTURAL = {(Deal, "id"), (Deal, "segment"), (Stakeholder, "role")}


def item_audience(item: BaseModel) -> Audience | None:
    """The item's own decision: its `audience:`, else (for a commitment) whether CS validated it."""
    chosen = getattr(item, "audience", None)
    if isinstance(chosen, Audience):
        return chosen
    if isinstance(item, Event) and item.event in _OWN_EVENTS:
        return Audience.INTERNAL
    if isinstance(item, Commitment):
        agreed = item.cs_validated and item.kind is not CommitmentKind.COMMERCIAL
        return Audience.CUSTOMER if agreed else Audience.INTERNAL
    return None


def _shown(model: type[BaseModel], name: str, around: bool) -> bool:
    return around and reader(model, name).audience is Audience.CUSTOMER


def _redact(item: BaseModel, around: bool, keep: bool) -> tuple[BaseModel | None, dict[str, Any]]:
    """The item with its internal fields emptied, and its plain data; (None, {}) when nothing of it is shown.

    `around`: the enclosing sections are all for the customer. `keep`: structural fields stay in the model."""
    decided = item_audience(item)
    if decided is not None:
        around = decided is Audience.CUSTOMER
    # `audience: customer` shows the whole item; a validated commitment shows its customer fields
    whole = getattr(item, "audience", None) is Audience.CUSTOMER
    kind = type(item)
    fields: dict[str, Any] = {}
    data: dict[str, Any] = {}
    withheld: set[str] = set()
    for name in kind.model_fields:
        value = getattr(item, name)
        shown = name != "audience" and (whole or _shown(kind, name, around))
        if isinstance(value, BaseModel):
            inner, inner_data = _redact(value, shown, keep)
            fields[name], shown = inner, inner is not None
            value = inner_data
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            pairs = [_redact(v, shown, keep) for v in value]
            kept = [(m, d) for m, d in pairs if m is not None]
            fields[name], shown = [m for m, _ in kept] or None, bool(kept)
            value = [d for _, d in kept]
        elif shown:
            fields[name] = value
        elif keep and (kind, name) in _STRUCTURAL:
            fields[name] = value if not (kind is Stakeholder and value not in AGREED_ROLES) else None
        else:
            fields[name] = None
        if shown:
            data[name] = plain(value)
        elif name != "audience":
            withheld.add(name)
    if decided is Audience.INTERNAL or not (data or around):
        return None, {}
    return kind.model_construct(**fields), Withheld(data, withheld)


def customer_dossier(dossier: Dossier) -> Dossier:
    """The dossier with every internal field emptied; what customer documents are built from."""
    model, _ = _redact(dossier, True, True)
    assert isinstance(model, Dossier)
    return model


def customer_data(dossier: Dossier) -> Withheld:
    """The customer's view as plain data for a template: internal fields absent, their names remembered."""
    _, data = _redact(dossier, True, False)
    assert isinstance(data, Withheld)
    return data
