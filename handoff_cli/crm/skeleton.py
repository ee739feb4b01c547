"""A CRM deal as a dossier: the `handoff init` skeleton with what the CRM knew filled in, checked before writing."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from handoff_cli.core.errors import HandoffError, InputError
from handoff_cli.crm.rows import Contact, CrmDeal
from handoff_cli.dossier.reader import load_text
from handoff_cli.dossier.schema_check import validate

SKELETON = "dossier.yaml.j2"


def slug(text: str) -> str:
    """'Acme Outdoor Supply, Inc.' -> 'acme-outdoor-supply-inc': a file name that survives every shell and OS."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "deal"


def _one_line(text: str | None) -> str | None:
    # a CSV cell may hold line breaks (a CRM's address-style company field, a pasted name); the fields
    # they fill are one line in a dossier (docs/dossier.md), so the breaks become spaces
    return " ".join(text.split()) if text else text


def _person(contact: Contact) -> dict[str, Any]:
    return {
        "name": _one_line(contact.name),
        "role": contact.role.value if contact.role else None,
        "title": _one_line(contact.title),
        "email": contact.email,
        "crm_role": _one_line(contact.crm_role),
    }


def values(deal: CrmDeal) -> dict[str, Any]:
    """The template variables the CRM can answer; the ones it cannot are left out, so their prompts stay."""
    found: dict[str, Any] = {"stage": deal.stage.value}
    if deal.amount is not None and deal.currency:
        found |= {"amount": format(deal.amount, "f"), "currency": deal.currency}
    if deal.signed_at is not None:
        found["signed_at"] = deal.signed_at.isoformat()
    found |= {k: v for k, v in (("timezone", deal.timezone), ("holidays", deal.holidays)) if v}
    people = [_person(c) for c in deal.contacts]
    found["stakeholders"] = [p for p in people if p["role"]]
    found["unassigned"] = [p for p in people if not p["role"]]
    return found


def render(env: SandboxedEnvironment, deal: CrmDeal, *, filename: str, source: str, where: str) -> str:
    try:
        text = env.get_template(SKELETON).render(
            account=_one_line(deal.account),
            segment=deal.segment.value,
            deal_id=_one_line(deal.id),
            filename=filename,
            rep_name=_one_line(deal.rep_name),
            rep_email=deal.rep_email,
            source=_one_line(source),
            **values(deal),
        )
    except TemplateError as exc:
        raise HandoffError(f"template {SKELETON}: {exc}") from None
    check(text, filename, where=where)
    return text


def check(text: str, filename: str, *, where: str) -> None:
    """The dossier must load and match the schema (completeness aside) before it is written."""
    loaded, problems = load_text(text, filename, max_depth=64)
    if loaded is not None:
        _, problems = validate(loaded, filename)
    if problems:
        first = problems[0]
        raise InputError(f"{where}: the dossier would not be valid: {first.message}; nothing was written")
