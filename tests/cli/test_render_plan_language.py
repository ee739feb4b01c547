"""The 30-60-90 plan in the team's language: its lines worded by kind through the words templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CASES, EXAMPLES, RunCli

GERMAN = CASES / "render" / "german.yaml"
PLANS = [*sorted(EXAMPLES.glob("*.yaml")), CASES / "render" / "complete.yaml"]
# a user plan template that prints each line twice: as the plan words it, and through words.line()
BOTH = """{% import words as words %}
{% for phase in plan.phases %}{% for week in phase.weeks %}{% for item in week.items %}
{{ item }}|{{ item.on | day }}: {{ words.line(item) }}
{% endfor %}{% endfor %}{% endfor %}
{% for item in plan.before + plan.after %}
{{ item }}|{{ item.on | day }}: {{ words.line(item) }}
{% endfor %}
{% for item in plan.undated + plan.risks %}
{{ item }}|{{ words.line(item) }}
{% endfor %}
"""
# the plan's own English wording; the examples' dossier text is English too, so only the plan's phrases count
PLAN_ENGLISH = re.compile(
    r"Weekly implementation check-in|Bi-weekly check-in|Weekly check-in with|Usage-triggered|Executive sponsor "
    r"session|Automated welcome|Milestone:|First value milestone|Commitment due|Training:|Success criterion|"
    r"Go-live target|hand-back note|\((done|owner:|exit:|day 90)|no mitigation yet|Days \d|Week \d|Cadence|"
    r"Not yet dated|Risks to manage|Nothing scheduled|business review|First CS contact|Joint transition|"
    r"Implementation kickoff|First QBR|Deal |Day 0|Goals")


def _at_most_the_kickoff_warning(stderr: str) -> None:
    # with US holidays, Veterans Day can push a joint meeting past the kickoff's deadline (cli/test_render.py)
    assert all(" the kickoff is due " in line for line in stderr.splitlines()), stderr


def _team(repo: Path, language: str) -> None:
    (repo / "handoff.toml").write_text(f'timezone = "America/New_York"\ncountry = "US"\nlanguage = "{language}"\n',
                                       encoding="utf-8")


@pytest.mark.parametrize("dossier", PLANS, ids=lambda p: p.stem)
def test_the_english_words_word_every_plan_line_as_the_plan_prints_it(
        dossier: Path, run_cli: RunCli, deals_repo: Path) -> None:
    _team(deals_repo, "en")
    (deals_repo / "templates").mkdir()
    (deals_repo / "templates" / "plan_30_60_90.md.j2").write_text(BOTH, encoding="utf-8")
    result = run_cli("render", "plan", str(dossier))
    assert result.exit_code == 0
    _at_most_the_kickoff_warning(result.stderr)
    rows = [row.split("|") for row in result.stdout.splitlines() if row]
    assert len(rows) > 5
    assert [plan for plan, _ in rows] == [words for _, words in rows]


@pytest.mark.parametrize("dossier", PLANS, ids=lambda p: p.stem)
@pytest.mark.parametrize("format", ["md", "html"])
def test_a_german_plan_leaves_none_of_the_plans_english(
        dossier: Path, format: str, run_cli: RunCli, deals_repo: Path) -> None:
    _team(deals_repo, "de")
    result = run_cli("render", "plan", str(dossier), "-f", format)
    assert result.exit_code == 0
    _at_most_the_kickoff_warning(result.stderr)
    assert PLAN_ENGLISH.findall(result.stdout) == []
    assert re.search(r"\n### Woche 1: \d{1,2}\. November 2026 bis|<h3>Woche 1: \d{1,2}\. November 2026 bis",
                     result.stdout)


def test_a_logged_kickoff_starts_the_german_plan_and_shows_as_done(run_cli: RunCli, deals_repo: Path) -> None:
    _team(deals_repo, "de")
    lines = run_cli("render", "plan", str(EXAMPLES / "enterprise-northwind.yaml")).stdout.splitlines()
    assert lines[:3] == ["Intern — nicht weiterleiten", "", "# 30-60-90-Tage-Plan: Northwind Freight Group"]
    assert lines[6].startswith("Tag 0 ist der Tag des Kickoffs, 16. November 2026. ")
    assert "- 16. November 2026: Kickoff der Einführung (erledigt)" in lines
    assert "- 16. Februar 2027: Quartalsgespräch mit der Geschäftsleitung (Tag 90)" in lines


UNDATED = """  milestones:
    - {name: Erste Filiale angebunden, due: 2026-11-27}
    - {name: Alle Filialen angebunden, exit_criteria: <b>zwölf</b> Standorte bestellen digital}
  training:
    - {audience: Filialleitungen}
"""
RISKS = """risks:
  register:
    - {risk: Betriebsrat verzögert die Freigabe, severity: high, mitigation: Frühzeitig einbinden}
    - {risk: Kassenanbindung fällt aus, severity: medium}
"""


def test_undated_items_and_risks_are_worded_in_german(run_cli: RunCli, deals_repo: Path) -> None:
    _team(deals_repo, "de")
    text = GERMAN.read_text(encoding="utf-8")
    text = text.replace("  milestones:\n    - {name: Erste Filiale angebunden, due: 2026-11-27}\n", UNDATED)
    path = deals_repo / "deal.yaml"
    path.write_text(text.replace("risks:\n", RISKS), encoding="utf-8")
    result = run_cli("render", "plan", str(path))
    assert result.exit_code == 0
    _at_most_the_kickoff_warning(result.stderr)
    assert result.stdout.endswith(
        "## Noch ohne Datum\n\n"
        "- Meilenstein: Alle Filialen angebunden (Abnahmekriterium: <b>zwölf</b> Standorte bestellen digital)\n"
        "- Schulung: Filialleitungen\n\n"
        "## Risiken im Blick\n\n"
        "- Betriebsrat verzögert die Freigabe (hoch): Frühzeitig einbinden\n"
        "- Kassenanbindung fällt aus (mittel): noch keine Gegenmaßnahme\n")
    page = run_cli("render", "plan", str(path), "-f", "html").stdout
    # dossier text is escaped in the page, also when the words macros word it
    assert ("<li>Meilenstein: Alle Filialen angebunden (Abnahmekriterium: &lt;b&gt;zwölf&lt;/b&gt; Standorte "
            "bestellen digital)</li>") in page
