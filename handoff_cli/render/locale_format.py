"""Dates, numbers and money written the way a locale writes them (CLDR data via Babel), as template filters.

`{{ due | date }}` gives `15. Juni 2026` for German and `June 15, 2026` for English; `{{ value | money }}`
gives `240.000 €` or `€240,000`. English packaged templates keep their own `day`/`moment` forms
(`Mon 2026-11-16`), which read the same in every locale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_datetime_format
from babel.numbers import format_decimal, get_currency_precision, parse_pattern

from handoff_cli.core.language_tags import DEFAULT_LANGUAGE, lookup_chain
from handoff_cli.model.common import Money

Width = Literal["full", "long", "medium", "short"]


def locale_for(tag: str) -> Locale:
    """The most specific locale Babel knows for `tag` (de-AT, else de), else the default language's."""
    for candidate in lookup_chain(tag):
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse(DEFAULT_LANGUAGE)


def direction(locale: Locale) -> str:
    """`rtl` for right-to-left scripts (Hebrew, Arabic, Persian), else `ltr`: the HTML dir attribute."""
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def filters(locale: Locale) -> dict[str, Callable[..., str]]:
    def date_(value: date, format: str = "long") -> str:
        return format_date(value.date() if isinstance(value, datetime) else value, format, locale=locale)

    def time_(value: datetime, format: str = "short") -> str:
        return format_time(value, format, tzinfo=value.tzinfo, locale=locale)

    def datetime_(value: datetime, format: Width = "long") -> str:
        """The day in `format`, then the short time and the zone; combined by the locale's own pattern."""
        moment = f"{time_(value)} {format_time(value, 'z', tzinfo=value.tzinfo, locale=locale)}"
        # the same joining Babel's format_datetime does, with our choice of time and zone
        pattern = str(get_datetime_format(format, locale=locale)).replace("'", "")
        return pattern.replace("{0}", moment).replace("{1}", date_(value, format))

    def number(value: Decimal | int | float) -> str:
        return format_decimal(value, locale=locale, decimal_quantization=False)

    def money(value: Money) -> str:
        """Whole amounts without cents (`240.000 €`), others with the currency's own digits (`1.234,50 $`)."""
        pattern = parse_pattern(locale.currency_formats["standard"].pattern)
        digits = 0 if value.amount == value.amount.to_integral_value() else get_currency_precision(value.currency)
        pattern.frac_prec = (digits, digits)
        text: str = pattern.apply(value.amount, locale, currency=value.currency, currency_digits=False)
        return text

    return {"date": date_, "time": time_, "datetime": datetime_, "number": number, "money": money}
