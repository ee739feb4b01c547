"""The manual's reference parts are generated from the code (docs/gen_reference.py): regenerating them must
change nothing, so a rule, field, error code or setting cannot change without its page."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from handoff_cli.rules import RULES
from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("gen_reference", ROOT / "docs" / "gen_reference.py")
assert _spec and _spec.loader
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)

REGIONS = {
    "dossier.md": "dossier-fields",
    "rules.md": "rules",
    "errors.md": "error-codes",
    "configuration.md": "settings",
    "development.md": "packages",
}


@pytest.mark.parametrize("page", sorted(REGIONS))
def test_the_committed_page_is_what_the_generator_writes(page: str) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert re.findall(r"<!-- generated: ([a-z-]+) -->", text) == [REGIONS[page]]
    assert gen.regenerate(text) == text, f"docs/{page} is out of date: run python docs/gen_reference.py"


def test_a_stale_region_is_rewritten_and_the_rest_of_the_page_kept() -> None:
    page = "Hand-written.\n\n<!-- generated: error-codes -->\n| old | table |\n<!-- /generated -->\n\nMore.\n"
    fresh = gen.regenerate(page)
    assert fresh.startswith(
        "Hand-written.\n\n<!-- generated: error-codes -->\n| code | name | severity | why it is reported |\n")
    assert "| old | table |" not in fresh
    row = "| `HF002` | copied-text | warning | an answer pasted from another deal describes that deal, not this one |"
    assert row in fresh
    assert fresh.endswith("<!-- /generated -->\n\nMore.\n")


def test_an_unknown_region_is_an_error() -> None:
    with pytest.raises(KeyError, match="unknown generated region 'rulez'"):
        gen.regenerate("<!-- generated: rulez -->\n<!-- /generated -->\n")


def test_the_rules_page_shows_points_per_segment_and_each_rules_examples() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    # champion-named is a must everywhere; economic-buyer-named does not apply to smb; a kind's own rule shows
    # that kind's columns
    assert "| `HS201` | champion-named | all | must 10 | must 10 | must 10 | must 10 |" in text
    assert "| `HS202` | economic-buyer-named | all | must 6 | must 6 | \u2013 | must 6 |" in text
    assert "| `HS408` | expansion-scope | expansion | must 4 | must 4 | must 4 | must 4 |" in text
    assert "| `HS601` | start-date | new, expansion | 3 | 3 | \u2013 | 3 |" in text
    for rule in RULES:
        passes = next(line for line in rule.doc.splitlines() if line.strip().startswith("PASS: "))
        assert f"`{passes.strip().removeprefix('PASS: ')}`" in text, rule.code


def test_the_settings_page_lists_every_setting_with_its_default() -> None:
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert "| `min_score` | `95.0` | Completeness a dossier needs to pass (target: 95 %). |" in text
    assert "| `country` | unset |" in text
    assert "| `sla.clocks.<clock>.within` | unset |" in text


def test_check_mode_passes_on_the_committed_pages() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "gen_reference.py"), "--check"], capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, "")


# the method is the project's own page; notes a user never sees are never cited
_CITATIONS = re.compile(r"DOMAIN\.md|\bseed[ -]?\d{3}\b|\.\./shared", re.IGNORECASE)


def test_nothing_a_user_reads_cites_notes_outside_the_project() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:  # an sdist: no git, so read the folders
        tracked = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and ".venv" not in p.parts]
    texts = [name for name in tracked if name.endswith((".py", ".md", ".j2", ".toml", ".yaml", ".yml", ".txt"))]
    assert texts, "no files found to read"
    cited = [name for name in texts if _CITATIONS.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))]
    assert cited == []
