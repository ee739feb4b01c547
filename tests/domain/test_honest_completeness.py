"""Filler counts as empty, thin answers cost points, stages move the gate, waivers expire."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_cli.core.vocabulary import DEFAULT_FILLER
from handoff_cli.dossier.placeholders import is_filler, normalise
from tests.conftest import AS_OF, EXAMPLES, RunCli

SMB = (EXAMPLES / "smb-brightleaf.yaml").read_text()
ENTERPRISE = (EXAMPLES / "enterprise-northwind.yaml").read_text()
PATTERNS = frozenset(normalise(f) for f in DEFAULT_FILLER)


@pytest.mark.parametrize(
    "text",
    [
        "TBD",
        "n/a",
        "N/A.",
        " - ",
        "?",
        "...",
        "todo",
        "See notes",
        "to be confirmed",
        "Lorem ipsum dolor",
        "待定",
        "belum ada",
        "לא ידוע",
    ],
)
def test_placeholders_are_filler(text: str) -> None:
    assert is_filler(text, PATTERNS)


@pytest.mark.parametrize("text", ["%", "$", "NO", "Tel Aviv", "N/A rate of 3 %", "TBD: waiting for the CFO's budget"])
def test_real_answers_are_not_filler(text: str) -> None:
    assert not is_filler(text, PATTERNS)


def _why_now(value: str) -> str:
    start = ENTERPRISE.index("    why_now:")
    end = ENTERPRISE.index("\n", start)
    return ENTERPRISE[:start] + f"    why_now: {value}" + ENTERPRISE[end:]


def test_placeholder_scores_as_missing_with_its_line(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(_why_now("TBD"))
    line = _why_now("TBD").splitlines().index("    why_now: TBD") + 1
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    placeholder = ("warning: HF001 placeholder: customer.purchase.why_now: 'TBD' is a placeholder, counted as "
                   "not answered")
    assert f"d.yaml:{line}:14: {placeholder}" in run.stdout
    assert f"d.yaml:{line}:14: warning: HS109 why-now: customer.purchase.why_now is not filled in" in run.stdout
    assert run.stdout.splitlines()[-1] == "d.yaml: ok · 98.1% complete (min 95) · 0 errors, 2 warnings"


def test_list_of_only_placeholders_is_unanswered_not_none(run_cli: RunCli, deals_repo: Path) -> None:
    assert "  red_flags: []\n" in ENTERPRISE
    (deals_repo / "d.yaml").write_text(ENTERPRISE.replace("  red_flags: []\n", "  red_flags: [n/a, TBD]\n", 1))
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    assert " HS707 red-flags-reviewed: risks.red_flags is not answered (use [] for none)" in run.stdout


def test_thin_answer_warns_and_costs_half(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(_why_now("Budget season"))
    run = run_cli("score", "d.yaml", "--explain", "--as-of", AS_OF)
    assert "HS109 why-now: customer.purchase.why_now is too thin to carry context (2 words; at least 4)" in run.stdout
    assert "  -1.5 d.yaml:" in run.stdout


def test_pre_close_warns_and_closed_won_blocks(run_cli: RunCli, deals_repo: Path) -> None:
    text = SMB.replace("  segment: smb\n", "  segment: smb\n  stage: pre-close\n", 1)
    no_champion = text.replace("role: champion", "role: end-user")
    (deals_repo / "d.yaml").write_text(no_champion)
    pre = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    closed = run_cli("validate", "d.yaml", "--as-of", AS_OF, "--min-score", "95")
    assert "stage: pre-close" in no_champion
    assert pre.exit_code == 0 and " HS201 " in pre.stdout
    assert closed.exit_code == 1 and " HG001 " in closed.stdout  # an explicit --min-score gates any stage
    (deals_repo / "d.yaml").write_text(no_champion.replace("stage: pre-close", "stage: closed-won"))
    assert run_cli("validate", "d.yaml", "--as-of", AS_OF).exit_code == 1


def test_a_stage_can_raise_the_threshold(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "d.yaml").write_text(_why_now("Budget season"))
    assert run_cli("validate", "d.yaml", "--as-of", AS_OF).exit_code == 0
    (deals_repo / "handoff.toml").write_text("[stages.onboarding]\nmin_score = 100\n")
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1 and "is below the minimum 100%" in run.stdout


WAIVER = """
  waivers:
    - rule: economic-buyer-named
      reason: Founder signs; no separate buyer until the Series B
      approved_by: Dana Cohen (VP CS)
      expires: 2026-12-31
"""


def test_waiver_is_honoured_until_it_expires(run_cli: RunCli, deals_repo: Path) -> None:
    base = (EXAMPLES / "midmarket-acme.yaml").read_text()
    assert "\nhandoff:\n" in base
    (deals_repo / "d.yaml").write_text(base.replace("\nhandoff:\n", "\nhandoff:" + WAIVER, 1))
    active = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    assert " HS202 economic-buyer-named" not in active.stdout
    assert "1 waiver: HS202 until 2026-12-31" in active.stdout.splitlines()[-1]
    expired = run_cli("validate", "d.yaml", "--as-of", "2027-01-05T09:00:00+00:00")
    assert (
        " HW001 waiver-expired: waiver of HS202 economic-buyer-named expired on 2026-12-31; the rule counts again"
        in expired.stdout
    )
    assert " HS202 economic-buyer-named: no stakeholder has role economic-buyer" in expired.stdout


def test_waiver_of_unknown_rule_is_an_error(run_cli: RunCli, deals_repo: Path) -> None:
    base = (EXAMPLES / "smb-brightleaf.yaml").read_text()
    text = base.replace("\nhandoff:\n", "\nhandoff:" + WAIVER.replace("economic-buyer-named", "economic-buyer"), 1)
    (deals_repo / "d.yaml").write_text(text)
    run = run_cli("validate", "d.yaml", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert (
        " HW002 waiver-unknown-rule: unknown rule 'economic-buyer'; did you mean 'economic-buyer-named'?" in run.stdout
    )
