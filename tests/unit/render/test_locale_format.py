"""Language tags and the locale filters templates format dates, numbers and money with."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from handoff_cli.core.language_tags import language_tag, lookup_chain
from handoff_cli.model.common import Money
from handoff_cli.render.locale_format import direction, filters, locale_for
from handoff_cli.render.template_language import choose, localized, split


@pytest.mark.parametrize(("written", "standard"), [("de", "de"), ("DE-at", "de-AT"), ("zh-hant-tw", "zh-Hant-TW"),
                                                   ("iw", "he")])
def test_tags_are_standardised(written: str, standard: str) -> None:
    assert language_tag(written) == standard


@pytest.mark.parametrize("bad", ["deutsch", "de-", "1de", "x", "xx", ""])
def test_malformed_or_unregistered_tags_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a BCP 47 language tag"):
        language_tag(bad)


def test_lookup_goes_from_the_most_specific_tag_and_skips_extensions() -> None:
    assert lookup_chain("de-AT") == ["de-AT", "de"]
    assert lookup_chain("zh-Hant-TW") == ["zh-Hant-TW", "zh-Hant", "zh"]
    assert lookup_chain("de-DE-u-co-phonebk") == ["de-DE", "de"]


@pytest.mark.parametrize("tag", ["zh-TW", "zh-HK", "zh-MO"])
def test_a_region_written_in_traditional_characters_looks_up_zh_hant(tag: str) -> None:
    assert lookup_chain(tag) == [tag, "zh-Hant", "zh"]
    # the mainland and Singapore write Simplified: no Traditional template for them
    assert [lookup_chain(t) for t in ("zh-CN", "zh-SG", "zh")] == [["zh-CN", "zh"], ["zh-SG", "zh"], ["zh"]]


def test_template_names_carry_the_language_before_the_extension() -> None:
    assert localized("agenda_joint.md.j2", "de-AT") == "agenda_joint.de-AT.md.j2"
    assert split("agenda_joint.de-AT.md.j2") == ("agenda_joint.md.j2", "de-AT")
    assert split("agenda_joint.md.j2") == ("agenda_joint.md.j2", None)
    names = {"intro_email.txt.j2", "intro_email.de.txt.j2"}
    assert (choose("intro_email.txt.j2", "de-CH", names).name, choose("intro_email.txt.j2", "fr", names).fell_back,
            choose("intro_email.txt.j2", "en-AU", names).fell_back) == ("intro_email.de.txt.j2", True, False)


@pytest.mark.parametrize(("tag", "whole", "cents"), [
    ("de", "240.000\xa0€", "1.234,50\xa0$"),  # CLDR keeps amount and sign together with a no-break space
    ("en", "€240,000", "$1,234.50"),
    ("fr", "240\u202f000\xa0€", "1\u202f234,50\xa0$US"),
])
def test_money_drops_cents_only_from_whole_amounts(tag: str, whole: str, cents: str) -> None:
    money = filters(locale_for(tag))["money"]
    assert money(Money(amount=Decimal("240000"), currency="EUR")) == whole
    assert money(Money(amount=Decimal("1234.5"), currency="USD")) == cents


def test_dates_numbers_and_moments_follow_the_locale() -> None:
    de = filters(locale_for("de"))
    at = filters(locale_for("de-AT"))
    assert (de["date"](date(2026, 6, 15)), at["date"](date(2027, 1, 29))) == ("15. Juni 2026", "29. Jänner 2027")
    assert de["number"](Decimal("12.5")) == "12,5"
    berlin = datetime(2026, 11, 10, 16, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert de["datetime"](berlin) == "10. November 2026, 16:30 MEZ"


def test_unknown_locales_format_in_english_and_only_rtl_scripts_are_rtl() -> None:
    assert str(locale_for("tlh")) == "en"
    assert [direction(locale_for(t)) for t in ("he", "ar", "fa", "de", "en")] == ["rtl"] * 3 + ["ltr"] * 2


@pytest.mark.parametrize(("tag", "currency", "amount", "day", "number"), [
    ("ms", "MYR", "RM240,000", "15 Jun 2026", "12.5"),
    ("id", "IDR", "Rp240.000", "15 Juni 2026", "12,5"),
    ("zh-TW", "TWD", "$240,000", "2026年6月15日", "12.5"),  # Taiwan writes its own dollar as $
    # right-to-left marks keep amount and sign in order
    ("he", "ILS", "\u200f240,000\xa0\u200f₪", "15 ביוני 2026", "12.5"),
])
def test_the_shipped_languages_write_money_dates_and_numbers_their_own_way(
        tag: str, currency: str, amount: str, day: str, number: str) -> None:
    f = filters(locale_for(tag))
    assert (f["money"](Money(amount=Decimal("240000"), currency=currency)), f["date"](date(2026, 6, 15)),
            f["number"](Decimal("12.5"))) == (amount, day, number)
