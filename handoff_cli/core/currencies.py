"""Currency codes checked against ISO 4217 as Babel (CLDR) lists it, with the fix for the common look-alikes."""

from __future__ import annotations

import difflib
from functools import cache

# what people write for a currency that is not its ISO code
_NICKNAMES = {
    "RMB": "CNY", "NIS": "ILS", "UKP": "GBP", "STG": "GBP", "YEN": "JPY", "EURO": "EUR", "SFR": "CHF",
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₪": "ILS", "₹": "INR",
}  # fmt: skip


@cache
def _codes() -> frozenset[str]:
    from babel.numbers import list_currencies  # here: Babel is large, and only a dossier with money needs it

    return frozenset(list_currencies())


def currency_code(value: str) -> str:
    """`value` if it is an ISO 4217 code, else a ValueError with what to write."""
    codes = _codes()
    if value in codes:
        return value
    fix = _NICKNAMES.get(value.upper()) or (value.upper() if value.upper() in codes else None)
    if fix is None:  # letters swapped (UDS) before letters changed
        fix = next((c for c in sorted(codes) if sorted(c) == sorted(value.upper())), None)
    if fix is None:
        close = difflib.get_close_matches(value.upper(), sorted(codes), n=1, cutoff=0.6)
        fix = close[0] if close else None
    hint = f"; did you mean {fix}?" if fix else "; write a code such as USD, EUR, ILS"
    raise ValueError(f"not an ISO 4217 currency code{hint}")
