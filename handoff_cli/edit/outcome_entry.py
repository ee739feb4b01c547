"""`handoff log DEAL customer_survey|health|renewed|churned|expanded`: the flags checked, the refusals, the entry.

The flags are checked before the dossier is read, so a mistyped rating never touches the file.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any

from handoff_cli.core.errors import InputError
from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.core.moments import aware, shown
from handoff_cli.edit.acceptance import rating_value
from handoff_cli.model import Dossier
from handoff_cli.model.outcomes import DETAIL_OF, REQUIRED, Health, Outcome, OutcomeKind, survey_point

OUTCOMES = frozenset(k.value for k in OutcomeKind)
HEALTH = tuple(h.value for h in Health)
ONCE = (OutcomeKind.CHURNED,)  # a second one is a mistake unless --force says not
MAX_AMOUNT_DIGITS = 15  # as the dossier's money: at most 15 digits before the point


def details(
    kind: OutcomeKind, *, rating: str | None, value: str | None, amount: str | None, display: str
) -> dict[str, Any]:
    """--rating, --value and --amount as the entry's keys; each goes with one kind of outcome only."""
    given = {"rating": rating, "value": value, "amount": amount}
    for name, text in given.items():
        owner = DETAIL_OF[name]
        if text is not None and kind is not owner:
            raise InputError(f"--{name} goes with {owner.value}, not {kind.value}", path=display)
        if text is None and kind is owner and name in REQUIRED:
            needs = "--rating 1-5" if name == "rating" else "--value green, yellow or red"
            raise InputError(f"{kind.value} needs {needs}", path=display)
    out: dict[str, Any] = {}
    if rating is not None:
        out["rating"] = rating_value(rating, display=display)
    if value is not None:
        if value not in HEALTH:
            hint = did_you_mean(value, HEALTH) or f"; use one of {', '.join(HEALTH)}"
            raise InputError(f"unknown health '{value}'{hint}", path=display)
        out["value"] = value
    if amount is not None:
        out["amount"] = _amount(amount, display=display)
    return out


def _amount(text: str, *, display: str) -> int | float:
    try:
        number = Decimal(text.strip().replace("_", ""))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number < 0 or number.adjusted() >= MAX_AMOUNT_DIGITS:
        raise InputError(
            f"--amount must be a plain number of at most 15 digits, e.g. 20000, not '{text}'", path=display
        )
    # written as a YAML number; a float prints the shortest digits that read back as the same value
    return int(number) if number == number.to_integral_value() else float(number)


def check_outcome(
    dossier: Dossier, kind: OutcomeKind, at: datetime, *, zone: tzinfo, force: bool, display: str
) -> None:
    """The refusals besides the time's (edit/logged_time.py): an unsigned deal always; a repeat unless --force."""
    if dossier.deal.signed_at is None:
        raise InputError("deal.signed_at is not set; outcomes are logged for signed deals", path=display)
    if force:
        return
    # earliest first, whatever the order in the file; naive times are in the deal's zone
    logged = sorted((dossier.handoff.outcomes or []) if dossier.handoff else [], key=lambda o: aware(o.at, zone))
    signed = aware(dossier.deal.signed_at, zone)

    def point(o: Outcome) -> int:
        return survey_point(signed, aware(o.at, zone))

    if kind is OutcomeKind.CUSTOMER_SURVEY:
        # one survey at day 30 and one at day 90; a second answer to the same one is a mistake
        day = survey_point(signed, at)
        if same := [o for o in logged if o.outcome is kind and point(o) == day]:
            raise InputError(
                f"the day-{day} customer_survey is already logged at {shown(same[0].at, zone)}; "
                "pass --force to log it again",
                path=display,
            )
    if kind in ONCE and (same := [o for o in logged if o.outcome is kind]):
        raise InputError(
            f"{kind.value} is already logged at {shown(same[0].at, zone)}; pass --force to log it again", path=display
        )
    if churned := [o for o in logged if o.outcome is OutcomeKind.CHURNED]:
        raise InputError(
            f"the customer churned at {shown(churned[0].at, zone)}; pass --force to log {kind.value} after that",
            path=display,
        )


def outcome_entry(
    kind: OutcomeKind, at: datetime, detail: dict[str, Any], *, by: str | None, note: str | None
) -> dict[str, Any]:
    """The new `handoff.outcomes` item, keys in the order docs/dossier.md lists them."""
    item: dict[str, Any] = {"outcome": kind.value, "at": at, **detail}
    if by is not None:
        item["by"] = by
    if note is not None:
        item["note"] = note
    return item
