"""The 30-60-90 plan's lines, worded by kind through the words templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CASES, EXAMPLES, RunCli

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
    assert (result.exit_code, result.stderr) == (0, "")
    rows = [row.split("|") for row in result.stdout.splitlines() if row]
    assert len(rows) > 5
    assert [plan for plan, _ in rows] == [words for _, words in rows]
