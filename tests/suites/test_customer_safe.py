"""Nothing internal ever reaches the customer: every document that goes to them, from every shipped example and
calibration deal, in every shipped language, holds no text of any internal field; and a document in a language
other than English holds nothing of the English template (tests/english_left.py)."""

from __future__ import annotations

import html
import re
import shutil
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from pydantic import BaseModel

from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.model import Dossier
from handoff_cli.model.audience import Audience, reader
from handoff_cli.model.common import Model
from handoff_cli.render.customer_view import item_audience
from handoff_cli.settings import discover
from tests.conftest import CASES, EXAMPLES, ROOT, RunCli
from tests.english_left import CASE, english_left

DEALS = [*sorted(EXAMPLES.glob("*.yaml")), *sorted((ROOT / "tests" / "calibration").glob("*.yaml")),
         CASES / "render" / "complete.yaml", CASES / "render" / "german.yaml",
         *(CASES / "render" / f"{case}.yaml" for case in CASE.values())]
STAMP = "2026-11-10T09:00"
# every document that goes to the customer
CUSTOMER_DOCUMENTS = (
    ("intro",), ("intro", "--from", "csm"),
    *(("agenda", "--meeting", m, "--format", f) for m in ("joint", "kickoff") for f in ("md", "html")),
    ("plan", "--for", "customer"), ("plan", "--for", "customer", "--format", "html"),
    ("calendar", "--for", "customer", "--date", STAMP),
)
LANGUAGES = ("en", "de", "ms", "id", "zh-Hant", "he")


def _models(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models(arg)


def undeclared(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> list[str]:
    """Every field under `model` without exactly one declared audience."""
    seen = set() if seen is None else seen
    seen.add(model)
    found = []
    for name, field in model.model_fields.items():
        try:
            reader(model, name)
        except LookupError:
            found.append(f"{model.__name__}.{name}")
        found += [f for inner in _models(field.annotation) if inner not in seen for f in undeclared(inner, seen)]
    return found


def test_every_model_field_declares_its_audience() -> None:
    assert undeclared(Dossier) == []


def test_a_new_field_without_an_audience_is_found() -> None:
    class Section(Model):
        said: str | None = None

    class Holder(Model):
        section: typing.Annotated[Section | None, reader(Dossier, "goals")] = None

    assert undeclared(Holder) == ["Section.said"]


def _texts(item: BaseModel, internal: bool, into: dict[bool, set[str]]) -> None:
    """Every free text under `item`, sorted by whether its position is internal (the rules of the customer's
    view, written out again here: a section's audience covers what is inside it; an item's own decides)."""
    decided = item_audience(item)
    whole = getattr(item, "audience", None) is Audience.CUSTOMER
    if decided is not None:
        internal = decided is Audience.INTERNAL
    for name in type(item).model_fields:
        value = getattr(item, name)
        hidden = not whole and (internal or reader(type(item), name).audience is Audience.INTERNAL)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, BaseModel):
                _texts(v, hidden, into)
            elif type(v) is str:  # free text: not an enum's value, a number or a date
                into[hidden].add(" ".join(v.split()).casefold())


def internal_texts(dossier: Dossier) -> set[str]:
    """Internal free text that is not also part of something the customer may read (a differentiator
    "Seasonal seats" beside the agreed "45 agent seats plus 20 seasonal seats")."""
    found: dict[bool, set[str]] = {True: set(), False: set()}
    _texts(dossier, False, found)
    return {s for s in found[True] if not any(s in shown for shown in found[False])}


def _readable(text: str, document: tuple[str, ...]) -> str:
    """The document's words as its reader sees them: HTML entities and iCalendar escapes undone."""
    if document[0] == "calendar":
        events = Calendar.from_ical(text).walk("VEVENT")
        text = "\n".join(str(e[k]) for e in events for k in ("SUMMARY", "DESCRIPTION")) + "\n" + str(
            Calendar.from_ical(text)["X-WR-CALNAME"])
    elif "html" in document:
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.split()).casefold()


def leaks(text: str, secrets: set[str]) -> list[str]:
    return sorted(s for s in secrets if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("source", DEALS, ids=lambda p: p.stem)
def test_no_customer_document_holds_internal_text_or_english_left(
    source: Path, language: str, run_cli: RunCli, deals_repo: Path
) -> None:
    (deals_repo / "handoff.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
    deal = deals_repo / source.name
    # the team's language decides: the dossier's own customer language is taken out
    deal.write_text(re.sub(r"(?m)^  language: .*\n", "", source.read_text(encoding="utf-8")), encoding="utf-8")
    dossier, _ = load_dossier(deal, discover(deals_repo))
    secrets = internal_texts(dossier)
    assert secrets  # every deal holds some internal text to keep back
    rendered = 0
    for document in CUSTOMER_DOCUMENTS:
        result = run_cli("render", document[0], str(deal), *document[1:])
        if result.exit_code != 0:  # a document the deal cannot have (no champion yet, an SMB joint meeting)
            assert result.exit_code == 1 or "playbook has no" in result.stderr, result.stderr
            continue
        rendered += 1
        assert leaks(_readable(result.stdout, document), secrets) == [], document
        assert "warning: no " not in result.stderr, result.stderr  # every shipped language has every document
        if language in CASE:
            assert english_left(run_cli, deals_repo, deal, language, document, result.stdout) == [], document
    assert rendered >= 1


def test_the_leak_check_finds_a_leak(run_cli: RunCli, deals_repo: Path) -> None:
    """The same check on the CSM's kickoff preparation, which holds the internal text on purpose."""
    source = EXAMPLES / "strategic-globex.yaml"
    shutil.copy(source, deals_repo / "deal.yaml")
    dossier, _ = load_dossier(deals_repo / "deal.yaml", discover(deals_repo))
    document = ("agenda", "--meeting", "kickoff", "--for", "csm")
    result = run_cli("render", "agenda", "deal.yaml", *document[1:])
    found = leaks(_readable(result.stdout, document), internal_texts(dossier))
    assert "procurement cut the price 28% in the final week" in found
    assert "lukas becomes the owner of the global service desk" in found


@pytest.mark.parametrize("source", DEALS, ids=lambda p: p.stem)
def test_no_customer_site_page_holds_internal_text(source: Path, run_cli: RunCli, deals_repo: Path) -> None:
    """`report --site DIR --for customer`: each deal's page, read as its reader sees it."""
    shutil.copy(source, deals_repo / source.name)
    dossier, _ = load_dossier(deals_repo / source.name, discover(deals_repo))
    secrets = internal_texts(dossier)
    result = run_cli("report", source.name, "--as-of", STAMP, "--format", "html", "--site", "out", "--for", "customer")
    assert result.exit_code == 0, result.stderr
    pages = sorted((deals_repo / "out" / "deals").glob("*.html"))
    assert [p.name for p in pages] == [f"{source.stem}.html"]
    body = pages[0].read_text(encoding="utf-8").split("<body>", 1)[1]  # the words, not the stylesheet
    assert leaks(_readable(body, ("site", "html")), secrets) == []


def test_the_leak_check_finds_a_leak_on_an_internal_site_page(run_cli: RunCli, deals_repo: Path) -> None:
    """The same check on the internal site's page of the same deal, which holds the internal text on purpose."""
    shutil.copy(EXAMPLES / "strategic-globex.yaml", deals_repo / "deal.yaml")
    dossier, _ = load_dossier(deals_repo / "deal.yaml", discover(deals_repo))
    run_cli("report", "deal.yaml", "--as-of", STAMP, "--format", "html", "--site", "out")
    body = (deals_repo / "out" / "deals" / "deal.html").read_text(encoding="utf-8").split("<body>", 1)[1]
    assert "procurement cut the price 28% in the final week" in leaks(_readable(body, ("site", "html")),
                                                                         internal_texts(dossier))
