"""Language tags (BCP 47, e.g. `de`, `de-AT`, `en-GB`): checked and normalised with langcodes."""

from __future__ import annotations

DEFAULT_LANGUAGE = "en"  # the language of the packaged default templates


def language_tag(value: str) -> str:
    """The tag in its standard form (`DE_at` -> `de-AT`); a malformed or unregistered one is a ValueError."""
    if value == DEFAULT_LANGUAGE:
        return value  # already standard: a handoff.toml that spells out the default loads no registry
    import langcodes  # here, not at the top: settings import this module, and most commands never need it

    if not langcodes.tag_is_valid(value):
        raise ValueError(f"'{value}' is not a BCP 47 language tag; write e.g. de, de-AT, en-GB, fr")
    return str(langcodes.standardize_tag(value))


def written_language_tag(value: str) -> str:
    """A tag in a file must be written in its standard form, so every reader of the file sees the same tag:
    `en_US` is refused with "write en-US" (a command-line option is normalised instead, see language_tag)."""
    standard = language_tag(value)
    if standard != value:
        raise ValueError(f"write {standard}")
    return value


def lookup_chain(tag: str) -> list[str]:
    """The tags to try for `tag`, most specific first (RFC 4647 lookup): de-AT -> de-AT, de.

    A region that implies another script than its language's usual one adds that script before the bare
    language: zh-TW and zh-HK are written in Traditional characters, so zh-TW -> zh-TW, zh-Hant, zh."""
    subtags = tag.split("-")
    # a one-letter subtag starts an extension (-u-co-phonebk, -x-...): template names never carry one
    base = next((subtags[:i] for i, s in enumerate(subtags) if len(s) == 1), subtags)
    chain = ["-".join(base[:end]) for end in range(len(base), 0, -1)]
    script = _implied_script(base)
    return chain if script is None else [*chain[:-1], f"{base[0]}-{script}", chain[-1]]


def _implied_script(base: list[str]) -> str | None:
    """The script a tag without one implies, when it is not the one its language alone implies (zh-TW: Hant)."""
    if len(base) < 2 or len(base[1]) == 4:  # no region, or the script is written out
        return None
    import langcodes  # here, as above: only a tag with a region needs the likely-subtags data

    script = langcodes.Language.get("-".join(base)).maximize().script
    usual = langcodes.Language.get(base[0]).maximize().script
    return script if script is not None and script != usual else None
