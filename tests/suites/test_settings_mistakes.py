"""Every handoff.toml mistake is one line `handoff.toml:LINE:COL: …`, exit 2, in every command that reads a
dossier, before any work, and no file changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, RunCli

COMMANDS = [
    ("validate", "deal.yaml", "--as-of", AS_OF),
    ("score", "deal.yaml", "--as-of", AS_OF),
    ("sla", "deal.yaml", "--as-of", AS_OF),
    ("report", "deal.yaml", "--as-of", AS_OF),
    ("render", "intro", "deal.yaml"),
]
MISTAKES = [
    ("min_score = 90\nweights = = 2\n", "handoff.toml:2:11: invalid TOML: Invalid value"),
    ("x = [1,\n", "handoff.toml:1:8: invalid TOML: Invalid value"),
    ("weekend = [0, 1, 2, 3, 4, 5, 6]\n",
     "handoff.toml:1:1: setting 'weekend': names all seven days; keep at least one working day out of the weekend"),
    ("min_score = 90\n\ncountry = \"XX\"\n", "handoff.toml:3:1: setting 'country': not a country the holidays "
     "package knows; write a code such as DE, US-NY or GB-SCT"),
    ("country = \"US\"\nsubdivision = \"ZZ\"\n", "handoff.toml:2:1: setting 'subdivision': US has no subdivision ZZ; "
     "known: US-AK, US-AL, US-AR, US-AS, US-AZ, US-CA, US-CO, US-CT ..."),
    ("max_depth = 100000\n",
     "handoff.toml:1:1: setting 'max_depth': 100000 is out of range; write a number from 4 to 64"),
    ("max_file_bytes = 0\n", "handoff.toml:1:1: setting 'max_file_bytes': 0 is out of range; write a number from 1024 "
     "to 16777216"),
    ("[weights]\n  HS101 = 1000\n", "handoff.toml:2:3: setting 'weights.HS101': 1000 is out of range; write a number "
     "from 0 to 100"),
    ("[min_words]\n\"goals.problem\" = -1\n", "handoff.toml:2:1: setting 'min_words.goals.problem': -1 is out of "
     "range; write a number from 0 to 100"),
    ("[sla.clocks.kickoff]\nwithin = \"99999999999 days\"\n", "handoff.toml:2:1: setting 'sla.clocks.kickoff.within': "
     "'99999999999 days' is out of range; write at most 366 days (a year)"),
]


@pytest.fixture
def repo(deals_repo: Path) -> Path:
    shutil.copy(EXAMPLES / "smb-brightleaf.yaml", deals_repo / "deal.yaml")
    return deals_repo


@pytest.mark.parametrize(("toml", "line"), MISTAKES, ids=[m[1].split(": ", 1)[1][:30] for m in MISTAKES])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_a_settings_mistake_is_one_located_line(
    run_cli: RunCli, repo: Path, toml: str, line: str, command: tuple[str, ...]
) -> None:
    (repo / "handoff.toml").write_text(toml)
    before = sorted(p.name for p in repo.iterdir())
    run = run_cli(*command)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"handoff: error: {line}\n")
    assert sorted(p.name for p in repo.iterdir()) == before


def test_a_byte_order_mark_at_the_start_of_settings_is_accepted(run_cli: RunCli, repo: Path) -> None:
    (repo / "handoff.toml").write_bytes(b"\xef\xbb\xbfmin_score = 90\n")
    run = run_cli("validate", "deal.yaml", "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (0, "")


@pytest.mark.parametrize("toml", ["weekend = [5, 6]\n", "weekend = [0, 1, 2, 3, 4, 5]\n", "country = \"US\"\n"
                                  "subdivision = \"NY\"\n", "max_depth = 64\n", "[weights]\nHS101 = 0\n"])
def test_settings_in_range_are_accepted(run_cli: RunCli, repo: Path, toml: str) -> None:
    (repo / "handoff.toml").write_text(toml)
    run = run_cli("sla", "deal.yaml", "--as-of", AS_OF)
    assert run.stderr == ""
