"""The CSM's review gates the handoff: a rejection fails validate (and the pre-commit hook) until a newer review
accepts; CS meeting the customer before any review warns."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from tests.conftest import RunCli
from tests.suites.test_calibration import CALIBRATION
from tests.suites.test_precommit_hook import HANDOFF, HOOKS

CLEAN = (CALIBRATION / "midmarket-clean.yaml").read_text(encoding="utf-8")
AS_OF = "2026-12-04T17:00:00-06:00"
ACCEPTED = "    - {decision: accepted, by: sam.okafor@relay.example, at: 2026-11-30T17:00:00-06:00, rating: 5}\n"
REJECTED = (
    "    - {decision: rejected, by: sam.okafor@relay.example, at: 2026-12-02T08:00:00-06:00, rating: 2,\n"
    "       reasons: [unclear-goals, missing-technical], note: No baseline for the survey goal}\n"
)
LATER_ACCEPTED = "    - {decision: accepted, by: sam.okafor@relay.example, at: 2026-12-03T09:00:00-06:00, rating: 4}\n"
REJECTION = (
    "deal.yaml:65:18: error: HS808 review-not-rejected: rejected by sam.okafor@relay.example on 2026-12-02: "
    "unclear-goals, "
    "missing-technical (No baseline for the survey goal); fix it and have the CSM accept it (`handoff accept`)"
)


def _with_reviews(*reviews: str) -> str:
    return CLEAN.replace(ACCEPTED, "".join(reviews))


def _validate(run_cli: RunCli, text: str, as_of: str = AS_OF) -> tuple[int, list[str]]:
    Path("deal.yaml").write_text(text, encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", as_of)
    return run.exit_code, run.stdout.splitlines()


def test_the_clean_deal_has_one_accepted_review_before_contact() -> None:
    assert CLEAN.count(ACCEPTED) == 1  # the fixture below edits exactly this line


def test_a_rejected_review_fails_validate_in_one_line(run_cli: RunCli, deals_repo: Path) -> None:
    code, lines = _validate(run_cli, _with_reviews(ACCEPTED, REJECTED))
    assert code == 1
    assert [line for line in lines if "HS808" in line] == [REJECTION]


def test_a_newer_acceptance_clears_the_rejection(run_cli: RunCli, deals_repo: Path) -> None:
    code, lines = _validate(run_cli, _with_reviews(ACCEPTED, REJECTED, LATER_ACCEPTED))
    assert code == 0
    assert not [line for line in lines if "HS808" in line]


def test_a_rejection_recorded_after_as_of_has_not_happened_yet(run_cli: RunCli, deals_repo: Path) -> None:
    later = REJECTED.replace("2026-12-02T08:00", "2026-12-04T18:00")
    code, lines = _validate(run_cli, _with_reviews(ACCEPTED, later))
    assert code == 0
    assert not [line for line in lines if "HS808" in line]


def test_the_precommit_hook_blocks_a_rejected_dossier_the_same_way(deals_repo: Path) -> None:
    command = shlex.split(HOOKS["handoff-validate"]["entry"])
    for text, code in ((_with_reviews(ACCEPTED, REJECTED), 1), (_with_reviews(ACCEPTED, REJECTED, LATER_ACCEPTED), 0)):
        Path("deal.yaml").write_text(text, encoding="utf-8")
        done = subprocess.run([HANDOFF, *command[1:], "deal.yaml", "--as-of", AS_OF], capture_output=True, text=True)
        assert done.returncode == code, done.stdout
        assert (REJECTION in done.stdout.splitlines()) is (code == 1)


def test_contact_before_any_review_warns(run_cli: RunCli, deals_repo: Path) -> None:
    late = "    - {decision: accepted, by: sam.okafor@relay.example, at: 2026-12-02T09:00:00-06:00, rating: 5}\n"
    for reviews in ((), (late,)):
        code, lines = _validate(run_cli, _with_reviews(*reviews))
        assert code == 0  # a warning, not an error
        assert [line for line in lines if "HS809" in line] == [
            "deal.yaml:61:15: warning: HS809 reviewed-before-contact: first_contact on 2026-12-01 came before any "
            "CSM review of "
            "the handoff (`handoff accept`)"
        ]


def test_a_review_before_contact_does_not_warn(run_cli: RunCli, deals_repo: Path) -> None:
    code, lines = _validate(run_cli, CLEAN)
    assert (code, [line for line in lines if "HS8" in line]) == (0, [])


def test_a_self_serve_deal_needs_no_review_before_contact(run_cli: RunCli, deals_repo: Path) -> None:
    _, lines = _validate(run_cli, _with_reviews().replace("segment: mid-market", "segment: smb"))
    assert lines and not [line for line in lines if "HS809" in line]


def test_on_a_pre_close_dossier_the_rejection_warns(run_cli: RunCli, deals_repo: Path) -> None:
    stage = "  segment: mid-market\n  stage: pre-close\n"
    text = _with_reviews(ACCEPTED, REJECTED).replace("  segment: mid-market\n", stage)
    code, lines = _validate(run_cli, text)
    assert code == 0
    warned = REJECTION.replace("deal.yaml:65:18: error:", "deal.yaml:66:18: warning:")
    assert [line for line in lines if "HS808" in line] == [warned]
