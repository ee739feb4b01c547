"""No English left in a customer document in another language: the words it shares with the English document.

A document's words are compared with the English document's own words: those its English template writes
(the template files' text) and those the English rendering of the same deal holds, plus the English names
of months and weekdays (Babel's CLDR data) that the language does not share. The dossier's own text
(English in the shipped examples) is printed as written, so its words do not count.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from babel.dates import get_day_names, get_month_names
from icalendar import Calendar
from pydantic import BaseModel

from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.render.loader import packaged_dir
from handoff_cli.render.locale_format import locale_for
from handoff_cli.settings import discover
from tests.conftest import RunCli

LANGUAGES = ("ms", "id", "zh-Hant", "he")
CASE = {"ms": "malay", "id": "indonesian", "zh-Hant": "chinese", "he": "hebrew"}
STAMP = "2026-11-10T09:00"
# every document that goes to the customer, with the English templates it is written from
DOCUMENTS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("intro",): ("intro_email.txt.j2",),
    ("intro", "--from", "csm"): ("intro_email_csm.txt.j2",),
    **{("agenda", "--meeting", m, "--format", f): (f"agenda_{m}.{f}.j2",)
       for m in ("joint", "kickoff") for f in ("md", "html")},
    ("plan", "--for", "customer"): ("plan_30_60_90.md.j2",),
    ("plan", "--for", "customer", "--format", "html"): ("plan_30_60_90.html.j2",),
    ("calendar", "--for", "customer", "--date", STAMP): ("calendar.txt.j2",),
}
# words each language writes itself that English writes too: loanwords, not left-over English
LOANWORDS = {"ms": {"video", "standard"}, "id": {"video", "sponsor", "internal"}, "zh-Hant": set(), "he": set()}
# a zone's name, which a moment in any language ends with
ZONES = {"utc", "gmt"}
_JINJA = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.DOTALL)
_QUOTED = re.compile(r"\"([^\"{}]*)\"")  # the wording a template keeps in its dictionaries ("Set the date ...")
_LATIN = re.compile(r"[A-Za-z]+")


def words(text: str) -> set[str]:
    return {w.casefold() for w in _LATIN.findall(text)}


def template_words(name: str) -> set[str]:
    """The words an English template writes: its text outside Jinja tags and the strings inside them, not
    the names it reads (intro.account, l.kind) or its comments. Markup and its class names are not words."""
    source = (packaged_dir() / name).read_text(encoding="utf-8")
    tags = _JINJA.findall(source)
    said = [q for t in tags if not t.startswith("{#") for q in _QUOTED.findall(t)]
    text = " ".join([_JINJA.sub(" ", source), *said])
    return words(re.sub(r"<[^>]+>", " ", text))


def readable(text: str, document: tuple[str, ...]) -> str:
    """What the reader reads: the calendar's titles and descriptions, a page's text, a draft without its
    `Subject:` header name (the line the .eml turns into its header); a command (`handoff sla`) is typed as
    written in every language, so it is not read."""
    text = re.sub(r"`[^`]*`|<code>.*?</code>", " ", text)
    if document[0] == "calendar":
        calendar = Calendar.from_ical(text)
        events = calendar.walk("VEVENT")
        return "\n".join([str(calendar["X-WR-CALNAME"]),
                          *(str(e[k]) for e in events for k in ("SUMMARY", "DESCRIPTION"))])
    if "html" in document:
        return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", " ", text, flags=re.DOTALL)))
    return text.removeprefix("Subject: ")


def dossier_words(path: Path, repo: Path) -> set[str]:
    """Every word of the dossier's free text, names and addresses: printed as written, in any language."""
    dossier, _ = load_dossier(path, discover(repo))
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif type(value) is str:
            found.update(words(value))

    walk(dossier)
    return found


def english_dates() -> set[str]:
    en = locale_for("en")
    return {w.casefold() for names in (get_month_names("wide", locale=en), get_month_names("abbreviated", locale=en),
                                       get_day_names("wide", locale=en), get_day_names("abbreviated", locale=en))
            for w in names.values()}


def own_dates(language: str) -> set[str]:
    """Month and day names the language writes in Latin letters itself (Malay and Indonesian `November`)."""
    loc = locale_for(language)
    return {w for names in (get_month_names("wide", locale=loc), get_day_names("wide", locale=loc))
            for name in names.values() for w in words(name)}


_ENGLISH: dict[tuple[str, tuple[str, ...]], str] = {}


def english(run_cli: RunCli, path: Path, document: tuple[str, ...]) -> str | None:
    """The English document for the same deal, rendered once per deal and document."""
    key = (path.name, document)
    if key not in _ENGLISH:
        result = run_cli("render", document[0], str(path), *document[1:])
        _ENGLISH[key] = readable(result.stdout, document) if result.exit_code == 0 else ""
    return _ENGLISH[key] or None


def english_left(run_cli: RunCli, repo: Path, deal: Path, language: str, document: tuple[str, ...],
                 text: str, templates: tuple[str, ...] | None = None) -> list[str]:
    """The English words left in `text`, the document rendered in `language` (repo/handoff.toml says which);
    `templates`: the English ones it is written from, for a document that is not the customer's."""
    settings = repo / "handoff.toml"
    team = settings.read_text(encoding="utf-8")
    settings.write_text("", encoding="utf-8")
    reference = english(run_cli, deal, document)
    settings.write_text(team, encoding="utf-8")
    assert reference is not None, document
    template = set().union(*(template_words(t) for t in (*(templates or DOCUMENTS[document]), "words.txt.j2")))
    own = dossier_words(deal, repo) | LOANWORDS[language] | own_dates(language) | ZONES
    return sorted(words(readable(text, document)) & (template | words(reference) | english_dates()) - own)
