"""Hostile inputs through every command that reads a dossier: no traceback, no internal error, the offending
line named, the output bounded, the file unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, RunCli
from tests.suites.test_bad_inputs import HEAD
from tests.suites.test_file_names import ESC, NEWLINE, SHOWN

CORPUS = {
    "bidi-override-account": (HEAD.replace("account: Acme", 'account: "Acme\\u202eCorp"'), 4),
    "zero-width-name": (HEAD + '  csm:\n    name: "Kofi\\u200bAsante"\n', 7),
    "zero-width-key": (HEAD + "  time\u200bzone: UTC\n", 6),
    "bom-mid-file": (HEAD + "\ufeffgoals:\n  problem: Replies are slow\n", 6),
    "no-break-space-indent": (HEAD.replace("  segment: smb", "\u00a0 segment: smb"), 5),
    "legacy-zone": (HEAD + "  timezone: EST\n", 6),
    "nickname-currency": (HEAD + "  value: {amount: 5, currency: RMB}\n", 6),
    "underscore-language": (HEAD + "  language: en_US\n", 6),
    "display-name-email": (HEAD + "  csm:\n    name: Jane\n    email: \"Jane O'Brien <jane@acme.example>\"\n", 8),
    # YAML that libyaml and ruamel both read, though it is not YAML (the official test suite's invalid cases)
    "comment-glued-to-a-value": (HEAD.replace("account: Acme", 'account: "Acme"# the buyer'), 4),
    "flow-list-under-its-key": (HEAD + "goals:\n  success_metrics: [a,\n  b]\n", 8),
    "quoted-text-under-its-key": (HEAD.replace("account: Acme", 'account: "Acme\nCorp"'), 5),
    "directive-without-end-marker": (HEAD + "%YAML 1.2\n---\nschema: 1\n", 6),
}
COMMANDS = [
    ("validate", "deal.yaml", "--as-of", AS_OF),
    ("score", "deal.yaml", "--as-of", AS_OF),
    ("sla", "deal.yaml", "--as-of", AS_OF),
    ("report", "deal.yaml", "--as-of", AS_OF),
    ("render", "intro", "deal.yaml"),
]
LOCATED = ("validate", "score", "render")  # sla and report list an invalid file as skipped, pointing to validate


@pytest.mark.parametrize("case", sorted(CORPUS))
@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_hostile_input_is_refused_at_its_line(
    run_cli: RunCli, deals_repo: Path, case: str, command: tuple[str, ...]
) -> None:
    text, line = CORPUS[case]
    path = deals_repo / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_cli(*command)
    shown = run.stdout + run.stderr
    assert run.exit_code == 1
    assert "Traceback" not in shown and "internal error" not in shown
    assert len(shown.encode()) < 64 * 1024
    assert not any(ch in shown for ch in "\u202e\u200b\ufeff\u00a0\x1b")  # quoted escaped, never raw
    if command[0] in LOCATED:
        assert f"deal.yaml:{line}:" in shown
    else:
        assert "deal.yaml: not a valid dossier" in shown
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("name", [NEWLINE, ESC], ids=["newline", "esc"])
@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_hostile_file_name_stays_one_escaped_name(
    run_cli: RunCli, deals_repo: Path, name: str, command: tuple[str, ...]
) -> None:
    text, line = CORPUS["bidi-override-account"]
    (deals_repo / name).write_text(text, encoding="utf-8")
    run = run_cli(*(name if arg == "deal.yaml" else arg for arg in command))
    shown = run.stdout + run.stderr
    assert run.exit_code == 1
    assert "\x1b" not in shown and not any(out.startswith("::error::pwned") for out in shown.splitlines())
    expected = f"{SHOWN[name]}:{line}:" if command[0] in LOCATED else f"{SHOWN[name]}: not a valid dossier"
    assert expected in shown
    assert (deals_repo / name).read_text(encoding="utf-8") == text


def test_an_anchor_used_twice_prints_its_finding_and_nothing_raw(deals_repo: Path) -> None:
    """ruamel warns of a reused anchor on stderr, quoting the file's lines as they are; a real process shows it."""
    text = HEAD.replace("account: Acme", "account: &a \"Acme\\u202eCorp\"") + "  owner: &a x\n"
    (deals_repo / "deal.yaml").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "handoff_cli", "validate", "deal.yaml", "--as-of", AS_OF],
        cwd=deals_repo, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.startswith("deal.yaml:4:12: error: HY004 anchor-alias: anchor &a at deal.account; ")
