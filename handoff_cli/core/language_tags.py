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


def lookup_chain(tag: str) -> list[str]:
    """The tags to try for `tag`, most specific first (RFC 4647 lookup): de-AT -> de-AT, de."""
    subtags = tag.split("-")
    # a one-letter subtag starts an extension (-u-co-phonebk, -x-...): template names never carry one
    base = next((subtags[:i] for i, s in enumerate(subtags) if len(s) == 1), subtags)
    return ["-".join(base[:end]) for end in range(len(base), 0, -1)]
