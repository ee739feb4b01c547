"""What an export writes the way its locale does: amounts (`150,000.00` in en_US, `150.000,00` in de_DE,
`150 000,00` in fr_FR) and country names (`Germany`, `Deutschland`)."""

from __future__ import annotations

from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberFormatError, format_decimal, get_group_symbol, parse_decimal

from handoff_cli.core.errors import ConfigError

DEFAULT_LOCALE = "en_US"
_SPACES = (" ", "\u00a0", "\u202f")  # typed, no-break and narrow no-break: a spreadsheet writes any of them


def number_locale(name: str, *, source: str) -> Locale:
    """de_DE or de-DE; an unknown name is an error, never a silent fallback to English."""
    try:
        return Locale.parse(name, sep="-" if "-" in name else "_")
    except (UnknownLocaleError, ValueError):
        raise ConfigError(f"{source} {name}: not a locale Babel knows; use e.g. en_US, de_DE, fr_FR") from None


def parse_amount(text: str, locale: Locale) -> Decimal:
    """The amount, or ValueError saying how the locale writes one; grouping must sit where the locale puts it."""
    group = get_group_symbol(locale)
    if group in _SPACES:
        for space in _SPACES:
            text = text.replace(space, group)
    try:
        return parse_decimal(text, locale, strict=True)
    except NumberFormatError:
        example = format_decimal(Decimal("1234.56"), locale=locale)
        raise ValueError(f"is not a number as {locale} writes them ({example})") from None


def country_code(name: str, locale: Locale) -> str | None:
    """DE for "Germany" (or, in a de_DE export, "Deutschland"): CLDR's country names, in English and the locale."""
    wanted = " ".join(name.split()).casefold()
    for territories in (locale.territories, Locale.parse("en").territories):
        for code, territory in territories.items():
            if len(code) == 2 and code.isalpha() and str(territory).casefold() == wanted:
                return str(code)
    return None
