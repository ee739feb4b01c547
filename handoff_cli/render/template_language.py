"""Which template a document in a given language comes from: `name.<lang>.<ext>.j2`, most specific tag first.

`intro_email.txt.j2` for a deal in `de-AT` is looked up as intro_email.de-AT.txt.j2, then
intro_email.de.txt.j2, then the default intro_email.txt.j2, which is English. Each name is looked
up in the repo's templates folder before the packaged one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handoff_cli.core.language_tags import DEFAULT_LANGUAGE, lookup_chain

SUFFIX = ".j2"
# the templates whose words a translation changes: every document, and the words their lines share
TRANSLATABLE = (
    "intro_email.txt.j2", "intro_email_csm.txt.j2", "words.txt.j2", "calendar.txt.j2",
    "agenda_joint.md.j2", "agenda_joint.html.j2", "agenda_kickoff.md.j2", "agenda_kickoff.html.j2",
    "agenda_internal.md.j2", "agenda_internal.html.j2", "plan_30_60_90.md.j2", "plan_30_60_90.html.j2",
)


@dataclass(frozen=True)
class Chosen:
    name: str          # the template to load
    language: str      # the language the document is written in: the tag asked for, or the default's
    fell_back: bool    # asked for a language no template is written in, so the default's is used


def localized(name: str, tag: str) -> str:
    """`intro_email.txt.j2` in `de` -> `intro_email.de.txt.j2`."""
    stem, ext = name.removesuffix(SUFFIX).rsplit(".", 1)
    return f"{stem}.{tag}.{ext}{SUFFIX}"


def split(file_name: str) -> tuple[str, str | None]:
    """`intro_email.de.txt.j2` -> (`intro_email.txt.j2`, `de`); a default's language is None."""
    parts = file_name.removesuffix(SUFFIX).split(".")
    if len(parts) < 3:
        return file_name, None
    return f"{'.'.join(parts[:-2])}.{parts[-1]}{SUFFIX}", parts[-2]


def names_in(folders: list[Path]) -> set[str]:
    return {p.name for folder in folders for p in folder.glob(f"*{SUFFIX}")}


def choose(name: str, tag: str, names: set[str]) -> Chosen:
    chain = lookup_chain(tag)
    for candidate in chain:
        if localized(name, candidate) in names:
            return Chosen(localized(name, candidate), tag, fell_back=False)
    # the default is English: an English variant (en-GB) still gets its own dates and numbers
    if chain and chain[-1] == DEFAULT_LANGUAGE:
        return Chosen(name, tag, fell_back=False)
    return Chosen(name, DEFAULT_LANGUAGE, fell_back=True)
