"""`handoff accept`: the CSM's acceptance or rejection checked flag by flag and turned into one review entry.

Every refusal here is a usage error (exit 2) raised before the dossier is read, so a mistyped flag never
touches the file; the review's time is checked by edit/logged_time.py once the deal's zone is known.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError

from handoff_cli.core.errors import InputError
from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.core.visible import quoted
from handoff_cli.core.vocabulary import Decision, RejectReason
from handoff_cli.model.common import Email

REASONS = tuple(r.value for r in RejectReason)
# the type of handoff.reviews[].by itself, so --by is refused for what the field would refuse
_EMAIL: TypeAdapter[str] = TypeAdapter(Email)


def rating_value(value: str | None, *, display: str) -> int | None:
    """--rating as a whole number 1-5 (docs/method.md, metrics: the CSM's rating of the rep's handoff, 1-5)."""
    if value is None:
        return None
    if not (value.strip().isdigit() and 1 <= int(value) <= 5):
        raise InputError(f"--rating must be a whole number from 1 to 5, not '{value}'", path=display)
    return int(value)


def email_value(value: str, *, display: str) -> str:
    try:
        _EMAIL.validate_python(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "display_name" and (name := str(error.get("ctx", {}).get("name", ""))):
            # said as the email fields say it (dossier/schema_check.py); a review keeps the address alone
            message = (f"--by {quoted(value)} holds the name {quoted(name)} as well as the address; "
                       f"{error['msg']}; the name goes in deal.csm.name")
            raise InputError(message, path=display) from None
        if error["type"] == "display_name":
            raise InputError(f"--by {quoted(value)}: {error['msg']}, without angle brackets", path=display) from None
        why = str(error["msg"]).removeprefix("value is not a valid email address: ")
        raise InputError(f"--by {quoted(value)} is not an email address: {why}", path=display) from None
    return value


def reason_values(values: Sequence[str], *, reject: bool, display: str) -> list[RejectReason]:
    """The reason codes; they go with --reject, which needs at least one."""
    if values and not reject:
        raise InputError("--reason goes with --reject; an accepted handoff has no rejection reasons", path=display)
    if reject and not values:
        raise InputError(f"--reject needs at least one --reason: {', '.join(REASONS)}", path=display)
    reasons: list[RejectReason] = []
    for value in values:
        if value not in REASONS:
            hint = did_you_mean(value, REASONS) or f"; known reasons: {', '.join(REASONS)}"
            raise InputError(f"unknown reason '{value}'{hint}", path=display)
        reasons.append(RejectReason(value))
    return list(dict.fromkeys(reasons))  # a reason given twice is still one reason


def review_entry(
    *, by: str, at: datetime, reasons: list[RejectReason], rating: int | None, note: str | None
) -> dict[str, Any]:
    """The new `handoff.reviews` item, keys in the order the README's reference lists them."""
    item: dict[str, Any] = {"decision": (Decision.REJECTED if reasons else Decision.ACCEPTED).value, "by": by, "at": at}
    if rating is not None:
        item["rating"] = rating
    if reasons:
        item["reasons"] = [r.value for r in reasons]
    if note is not None:
        item["note"] = note
    return item
