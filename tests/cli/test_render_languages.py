"""Documents in the customer's language: template lookup, fallback warning, locale formatting, right-to-left."""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from tests.conftest import CASES, GOLDEN, RunCli

GERMAN = CASES / "render" / "german.yaml"
COMPLETE = CASES / "render" / "complete.yaml"
STAMP = "2026-11-10T09:00"
# wording of the English templates that a German document must not contain (April, August, September,
# November and "Integration" are German words too)
ENGLISH = re.compile(
    r"\b(Dear|Welcome|Congratulations|introduce|primary contact|minutes|Participants|Purpose|Goals?|Outcome|"
    r"Success criterion|Milestone|Start|go-live|Dependency|Open question|Why us|Why now|Due|Logged|Deal|by|"
    r"from|to|not set|Nothing in the dossier|January|February|March|May|June|July|October|December|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
CUSTOMER_DOCUMENTS = {
    "intro": ["intro"],
    "intro-csm": ["intro", "--from", "csm"],
    "joint": ["agenda", "-m", "joint"],
    "joint-html": ["agenda", "-m", "joint", "-f", "html"],
    "kickoff": ["agenda", "-m", "kickoff"],
    "calendar": ["calendar", "--for", "customer", "--date", STAMP],
    "plan": ["plan", "--for", "customer"],
}


def _deal(repo: Path, language: str | None, source: Path = COMPLETE) -> Path:
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  language: .*\n", "", text)
    if language is not None:
        text = text.replace("  segment: mid-market\n", f"  segment: mid-market\n  language: {language}\n")
    path = repo / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _template(repo: Path, name: str, text: str) -> None:
    (repo / "templates").mkdir(exist_ok=True)
    (repo / "templates" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("document", CUSTOMER_DOCUMENTS)
def test_a_german_deal_gets_german_documents_with_nothing_english_left(
        document: str, run_cli: RunCli, deals_repo: Path) -> None:
    args = CUSTOMER_DOCUMENTS[document]
    result = run_cli("render", args[0], str(GERMAN), *args[1:])
    assert (result.exit_code, result.stderr) == (0, "")
    # the calendar's fixed iCalendar words (PRODID, the Handoff category) are protocol, not prose
    text = "\n".join(line for line in result.stdout.replace("\n ", "").splitlines()
                     if not line.startswith(("PRODID", "CATEGORIES")))
    text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.DOTALL)  # HTML markup and class names
    assert ENGLISH.findall(text) == []
    assert re.search(r"\b(\d{1,2}\. (November|Dezember|Januar) 20\d\d)", text), "dates are written the German way"


def test_german_dates_numbers_and_words_in_the_joint_agenda(run_cli: RunCli, deals_repo: Path) -> None:
    lines = run_cli("render", "agenda", str(GERMAN), "-m", "joint").stdout.splitlines()
    assert lines[2] == ("35 Minuten · innerhalb von 5 Werktagen nach Vertragsunterzeichnung: "
                        "bis 13. November 2026, 16:00 UTC")
    assert "- Erfolgskriterium: Retourenquote von 12,5 auf 6 % bis 29. Januar 2027" in lines
    assert "- Sabine Müller (Fürsprecher, Geschäftsführerin). Bevorzugt: Telefon" in lines


def test_austrian_german_uses_the_german_templates_and_austrian_months(run_cli: RunCli, deals_repo: Path) -> None:
    path = _deal(deals_repo, "de-AT", GERMAN)
    result = run_cli("render", "intro", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "- Retourenquote von 12,5 auf 6 % bis 29. Jänner 2027\n" in result.stdout


def test_a_language_without_templates_falls_back_to_english_with_one_warning(
        run_cli: RunCli, deals_repo: Path) -> None:
    english = run_cli("render", "calendar", str(COMPLETE), "--for", "customer", "--date", STAMP).stdout
    result = run_cli("render", "calendar", str(_deal(deals_repo, "fr")), "--for", "customer", "--date", STAMP)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, english, "handoff: warning: no calendar.txt.j2 template in language 'fr'; "
                    "writing it in the default language (en)\n")


def test_an_english_variant_falls_back_without_a_warning(run_cli: RunCli, deals_repo: Path) -> None:
    english = run_cli("render", "intro", str(COMPLETE)).stdout
    result = run_cli("render", "intro", str(_deal(deals_repo, "en-GB")))
    assert (result.exit_code, result.stdout, result.stderr) == (0, english, "")


def test_the_team_language_is_the_default_and_governs_internal_documents(
        run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('language = "de"\n', encoding="utf-8")
    without = _deal(deals_repo, None)
    assert run_cli("render", "intro", str(without)).stdout.startswith("Subject: Willkommen an Bord, Zoë's Bikes!")
    english_deal = _deal(deals_repo, "en")
    assert run_cli("render", "intro", str(english_deal)).stdout.startswith("Subject: Welcome aboard")
    internal = run_cli("render", "agenda", str(english_deal), "-m", "internal")
    assert internal.stdout.startswith("Intern — nicht weiterleiten\n\n# Interne Wissensübergabe: Zoë's Bikes\n")
    plan = run_cli("render", "plan", str(english_deal))
    assert (plan.exit_code, plan.stderr) == (0, "")
    assert plan.stdout.startswith("Intern — nicht weiterleiten\n\n# 30-60-90-Tage-Plan: Zoë's Bikes\n")


# the golden harness's settings (tests/cli/test_render_golden.py): its plans are the English ones
GOLDEN_CONFIG = 'timezone = "America/New_York"\ncountry = "US"\n'
MOVED = (f"handoff: warning: {GERMAN}: the kickoff is due Fri 2026-11-13, before the joint transition meeting "
         "(Mon 2026-11-16) that books it; this document puts it on Tue 2026-11-17\n")


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_german_team_gets_a_german_plan_and_the_english_plan_is_unchanged(
        format: str, run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text(GOLDEN_CONFIG, encoding="utf-8")
    english = run_cli("render", "plan", str(GERMAN), "-f", format)
    assert (english.exit_code, english.stderr) == (0, MOVED)
    assert english.stdout.encode() == (GOLDEN / "render" / "german" / f"plan.{format}").read_bytes()
    (deals_repo / "handoff.toml").write_text(GOLDEN_CONFIG + 'language = "de"\n', encoding="utf-8")
    result = run_cli("render", "plan", str(GERMAN), "-f", format)
    assert (result.exit_code, result.stderr) == (0, MOVED)
    text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", result.stdout, flags=re.DOTALL)
    assert ENGLISH.findall(text) == []
    lines = [" ".join(line.lstrip("#- ").split()) for line in text.splitlines()]
    for expected in ("30-60-90-Tage-Plan: Bäckerei Müller GmbH", "Ziele", "Erfolgskriterien",
                     "Retourenquote von 12,5 auf 6 % bis 29. Januar 2027",
                     "Tage 0-30: Einrichtung und erster Nutzen",
                     "Woche 2: 13. November 2026 bis 19. November 2026",
                     # Veterans Day puts the joint meeting on the 16th: the kickoff follows it
                     "16. November 2026: Gemeinsamer Übergabetermin",
                     "17. November 2026: Kickoff der Einführung",
                     "4. Dezember 2026: Zusage fällig: Schulung aller Filialleitungen "
                     "[von Customer Success noch nicht bestätigt]",
                     "6. Dezember 2026: Erster Meilenstein mit messbarem Nutzen fällig "
                     "(geplant: Erste Filiale angebunden)",
                     "Nichts geplant: die laufenden Arbeiten voranbringen.",
                     "4. Februar 2027: Quartalsgespräch (Tag 90)"):
        assert expected in lines


def test_a_malformed_language_is_a_located_schema_error(run_cli: RunCli, deals_repo: Path) -> None:
    path = _deal(deals_repo, "deutsch")
    result = run_cli("render", "intro", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"{path}:7:13: error: HV011 invalid-value: deal.language: 'deutsch': 'deutsch' is not a BCP 47 "
               "language tag; write e.g. de, de-AT, en-GB, fr\n"
               f"handoff: error: {path}: not a valid dossier (1 problem(s)); run `handoff validate {path}`\n")


def test_a_malformed_team_language_is_a_config_error(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('timezone = "UTC"\nlanguage = "de_"\n', encoding="utf-8")
    result = run_cli("render", "intro", str(COMPLETE))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "handoff: error: handoff.toml:2:1: setting 'language': 'de_' is not a BCP 47 "
               "language tag; write e.g. de, de-AT, en-GB, fr\n")


def test_the_eml_says_its_language(run_cli: RunCli, deals_repo: Path) -> None:
    out = deals_repo / "intro.eml"
    assert run_cli("render", "intro", str(GERMAN), "-f", "eml", "--date", STAMP, "--out", str(out)).exit_code == 0
    message = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert message["Content-Language"] == "de"
    assert str(message["Subject"]) == ("Willkommen an Bord, Bäckerei Müller GmbH! "
                                       "Ihr Team für Ihren Erfolg stellt sich vor")
    assert message.get_content().splitlines()[0] == "Guten Tag Sabine Müller,"


HEBREW_AGENDA = """{% extends "layout.html.j2" %}
{% import words as words %}
{% block title %}פגישת מעבר: {{ agenda.account }}{% endblock %}
{% block body %}
<h1>פגישת מעבר: {{ agenda.account }}</h1>
<p>עד {{ agenda.due | date }}</p>
<ul>
{% for section in agenda.sections %}{% for item in section.items %}
<li>{{ words.line(item) }}</li>
{% endfor %}{% endfor %}
</ul>
{% endblock %}
"""
HEBREW_WORDS = """{% macro line(l) -%}
{%- if l.kind == "outcome" %}יעד: {{ l.text }}
{%- elif l.kind == "milestone" %}אבן דרך: {{ l.name }} עד {{ l.due | date }}
{%- else %}{{ l.kind }}{% endif -%}
{%- endmacro %}
"""


def test_a_user_template_for_a_right_to_left_language_is_used(run_cli: RunCli, deals_repo: Path) -> None:
    _template(deals_repo, "agenda_joint.he.html.j2", HEBREW_AGENDA)
    _template(deals_repo, "words.he.txt.j2", HEBREW_WORDS)
    text = COMPLETE.read_text(encoding="utf-8").replace("Fewer repeat questions", "<b>פחות שאלות</b>")
    path = deals_repo / "deal.yaml"
    path.write_text(text.replace("  segment: mid-market\n", "  segment: mid-market\n  language: he\n"),
                    encoding="utf-8")
    result = run_cli("render", "agenda", str(path), "-m", "joint", "-f", "html")
    assert (result.exit_code, result.stderr) == (0, "")
    page = result.stdout
    assert '<html lang="he" dir="rtl">' in page
    assert "<p>עד 13 בנובמבר 2026</p>" in page
    assert "<li>אבן דרך: Help centre live עד 27 בנובמבר 2026</li>" in page
    # dossier text is escaped, also when a macro words it
    assert "<li>יעד: &lt;b&gt;פחות שאלות&lt;/b&gt;</li>" in page
    listing = run_cli("templates", "list", "--language", "he").stdout.splitlines()
    assert "agenda_joint.html.j2       he     repo     templates/agenda_joint.he.html.j2" in listing
    assert any(line.startswith("agenda_joint.md.j2         he     packaged ") for line in listing)
    assert any(line.startswith("layout.html.j2             en     packaged ") for line in listing)


def test_a_left_to_right_page_has_no_dir_attribute(run_cli: RunCli, deals_repo: Path) -> None:
    page = run_cli("render", "agenda", str(GERMAN), "-m", "joint", "-f", "html").stdout
    assert page.splitlines()[1] == '<html lang="de">'


def test_templates_list_shows_the_language_each_name_resolves_to(run_cli: RunCli, deals_repo: Path) -> None:
    listing = run_cli("templates", "list", "--language", "de-AT").stdout.splitlines()
    assert any(re.fullmatch(r"intro_email\.txt\.j2 +de +packaged .*intro_email\.de\.txt\.j2", line)
               for line in listing)
    assert any(re.fullmatch(r"plan_30_60_90\.md\.j2 +de +packaged .*plan_30_60_90\.de\.md\.j2", line)
               for line in listing)
    assert any(re.fullmatch(r"layout\.html\.j2 +en +packaged .*layout\.html\.j2", line) for line in listing)


def test_templates_copy_language_adds_a_language_once(run_cli: RunCli, deals_repo: Path) -> None:
    result = run_cli("templates", "copy", "--language", "fr")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "copied intro_email.txt.j2 to templates/intro_email.fr.txt.j2" in result.stdout.splitlines()
    copied = sorted(p.name for p in (deals_repo / "templates").iterdir())
    assert "words.fr.txt.j2" in copied and "calendar.fr.txt.j2" in copied and len(copied) == 12
    # the copies are now the French templates: no more warning (the wording is the translator's to change)
    assert run_cli("render", "intro", str(_deal(deals_repo, "fr"))).stderr == ""
    (deals_repo / "templates" / "calendar.fr.txt.j2").unlink()
    before = {p.name: p.read_bytes() for p in (deals_repo / "templates").iterdir()}
    again = run_cli("templates", "copy", "--language", "fr")
    assert (again.exit_code, again.stdout) == (2, "")
    assert again.stderr.endswith("intro_email.fr.txt.j2: already exists; remove it first to copy it again\n")
    assert {p.name: p.read_bytes() for p in (deals_repo / "templates").iterdir()} == before


def test_templates_copy_language_starts_from_the_packaged_translation(run_cli: RunCli, deals_repo: Path) -> None:
    result = run_cli("templates", "copy", "intro_email.txt.j2", "--language", "de-AT")
    assert (result.exit_code, result.stdout) == (
        0, "copied intro_email.de.txt.j2 to templates/intro_email.de-AT.txt.j2\n")
    assert run_cli("render", "intro", str(_deal(deals_repo, "de-AT", GERMAN))).stdout.startswith(
        "Subject: Willkommen an Bord")
