"""`handoff accept`: the CSM's review is added as new lines only; every refusal leaves the file byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.settings import Project, Settings
from tests.cli.test_log import HEAD, added_lines
from tests.conftest import CASES, RunCli

AT = "2026-11-20T10:00:00+00:00"
CSM = "carl@example.com"


def accept(run_cli: RunCli, path: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli("accept", str(path), *args)
    return result.exit_code, result.stdout, result.stderr


def test_commented_dossier_gets_only_the_review_lines(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "initech.yaml"
    before = (CASES / "sla" / "commented.yaml").read_bytes()
    path.write_bytes(before)
    code, out, err = accept(run_cli, path, "--by", CSM, "--rating", "4", "--note", "Goals: clear, #1", "--as-of", AT)
    assert (code, out, err) == (0, f"accepted by {CSM} at {AT} in {path}\n", "")
    # no reviews: yet -> a new list right after the checklist (the model's order), in the file's indentation (4)
    block = (
        "    reviews:\n"
        "        - decision: accepted\n"
        f"          by: {CSM}\n"
        f"          at: {AT}\n"
        "          rating: 4\n"
        "          note: 'Goals: clear, #1'\n"
    ).encode()
    at = before.index(b"done: true}\n") + len(b"done: true}\n")
    assert path.read_bytes() == before[:at] + block + before[at:]


def test_reject_with_reasons_appends_to_existing_reviews(run_cli: RunCli, deals_repo: Path) -> None:
    before = HEAD + "handoff:\n  reviews:\n    - {decision: accepted, by: ann@example.com, at: 2026-11-10T09:00:00Z}\n"
    path = deals_repo / "d.yaml"
    path.write_text(before, encoding="utf-8")
    code, out, err = accept(
        run_cli, path, "--by", CSM, "--reject", "--reason", "unclear-goals", "--reason", "filler", "--as-of", AT
    )
    assert (code, out, err) == (0, f"rejected (unclear-goals, filler) by {CSM} at {AT} in {path}\n", "")
    assert path.read_bytes() == (
        before + f"    - {{decision: rejected, by: {CSM}, at: {AT}, reasons: [unclear-goals, filler]}}\n"
    ).encode()
    dossier, _ = load_dossier(path, Project(Settings(), deals_repo))
    reviews = dossier.handoff.reviews if dossier.handoff else None
    assert reviews and [(r.decision.value, r.reasons) for r in reviews] == [
        ("accepted", None), ("rejected", ["unclear-goals", "filler"]),
    ]  # fmt: skip


def test_block_reviews_get_a_block_item(run_cli: RunCli, deals_repo: Path) -> None:
    before = HEAD + "handoff:\n  reviews:\n    - decision: accepted\n      by: ann@example.com\n      at: 2026-11-10\n"
    path = deals_repo / "d.yaml"
    path.write_text(before, encoding="utf-8")
    assert accept(run_cli, path, "--by", CSM, "--reject", "--reason", "other", "--rating", "2", "--as-of", AT)[0] == 0
    assert path.read_text(encoding="utf-8") == before + (
        f"    - decision: rejected\n      by: {CSM}\n      at: {AT}\n      rating: 2\n      reasons: [other]\n"
    )


def test_dossier_without_handoff_section(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "d.yaml"
    path.write_text(HEAD, encoding="utf-8")
    assert accept(run_cli, path, "--by", CSM, "--rating", "5", "--as-of", AT)[0] == 0
    assert path.read_text(encoding="utf-8") == HEAD + (
        f"\nhandoff:\n  reviews:\n    - decision: accepted\n      by: {CSM}\n      at: {AT}\n      rating: 5\n"
    )


def test_reviews_go_after_the_events(run_cli: RunCli, deals_repo: Path) -> None:
    before = HEAD + "handoff:\n  events:\n    - {event: intro_email, at: 2026-11-09T10:00:00Z}\n# end\n"
    path = deals_repo / "d.yaml"
    path.write_text(before, encoding="utf-8")
    assert accept(run_cli, path, "--by", CSM, "--as-of", AT)[0] == 0
    assert added_lines(before, path.read_text(encoding="utf-8")) == [
        "  reviews:\n", "    - decision: accepted\n", f"      by: {CSM}\n", f"      at: {AT}\n",
    ]  # fmt: skip
    assert path.read_text(encoding="utf-8").endswith(f"at: {AT}\n# end\n")


def test_time_defaults_to_now_in_the_configured_timezone(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('timezone = "Asia/Kolkata"\n', encoding="utf-8")
    path = deals_repo / "d.yaml"
    path.write_text(HEAD, encoding="utf-8")
    code, out, _ = accept(run_cli, path, "--by", CSM)
    at_line = added_lines(HEAD, path.read_text(encoding="utf-8"))[5]
    assert code == 0 and at_line.startswith("      at: 20") and at_line.endswith("+05:30\n")
    assert f" at {at_line.strip().removeprefix('at: ')} in " in out
    path.write_text(HEAD, encoding="utf-8")
    assert accept(run_cli, path, "--by", CSM, "--as-of", "2026-11-20T09:00")[0] == 0
    assert "      at: 2026-11-20T09:00:00+05:30\n" in path.read_text(encoding="utf-8")


REASONS = (
    "missing-stakeholders, unclear-goals, unvalidated-commitments, missing-technical, unrealistic-timeline, "
    "risks-unassessed, filler, other"
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--by", "carl"), "--by 'carl' is not an email address: An email address must have an @-sign."),
        (("--by", "Jane O'Brien <jane@x.com>"),
         "--by \"Jane O'Brien <jane@x.com>\" holds the name \"Jane O'Brien\" as well as the address; "
         "write the address alone, jane@x.com; the name goes in deal.csm.name"),
        (("--by", "<jane@x.com>"), "--by '<jane@x.com>': write the address alone, jane@x.com, without angle brackets"),
        (("--by", CSM, "--rating", "6"), "--rating must be a whole number from 1 to 5, not '6'"),
        (("--by", CSM, "--rating", "four"), "--rating must be a whole number from 1 to 5, not 'four'"),
        (("--by", CSM, "--reject"), f"--reject needs at least one --reason: {REASONS}"),
        (("--by", CSM, "--reason", "filler"),
         "--reason goes with --reject; an accepted handoff has no rejection reasons"),
        (("--by", CSM, "--reject", "--reason", "filer"), "unknown reason 'filer'; did you mean 'filler'?"),
        (("--by", CSM, "--as-of", "soon"),
         "--as-of 'soon' is not an ISO 8601 date or date-time, e.g. 2026-11-23T09:00"),
        (("--by", CSM, "--as-of", "2999-01-01T00:00:00+00:00"),
         "--as-of 2999-01-01T00:00:00+00:00 is in the future; record a review once it is made"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_writes_nothing(
    run_cli: RunCli, deals_repo: Path, args: tuple[str, ...], message: str
) -> None:
    path = deals_repo / "initech.yaml"
    before = (CASES / "sla" / "commented.yaml").read_bytes()
    path.write_bytes(before)
    assert accept(run_cli, path, *args) == (2, "", f"handoff: error: {path}: {message}\n")
    assert path.read_bytes() == before


def test_invalid_dossier_is_refused(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "bad.yaml"
    before = b"schema: 1\ndeal: {id: D-1}\n"
    path.write_bytes(before)
    code, out, err = accept(run_cli, path, "--by", CSM)
    assert (code, out, err.splitlines()[-1]) == (
        1, "", f"handoff: error: {path}: not a valid dossier (2 problem(s)); run `handoff validate {path}`")
    assert err.splitlines()[0] == f"{path}:2:1: error: HV002 missing-key: 'account' is required in deal"
    assert path.read_bytes() == before


def test_empty_note_would_not_validate(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "d.yaml"
    path.write_text(HEAD, encoding="utf-8")
    code, _, err = accept(run_cli, path, "--by", CSM, "--note", " ", "--as-of", AT)
    assert (code, err) == (
        1,
        f"handoff: error: {path}: with the new review the dossier would not be valid: line 13: "
        "handoff.reviews[0].note is empty; give an answer or remove the key; nothing was written\n",
    )
    assert path.read_text(encoding="utf-8") == HEAD


def test_help_teaches_the_reason_codes(run_cli: RunCli) -> None:
    help_text = " ".join(run_cli("accept", "--help").stdout.split())
    assert all(reason in help_text for reason in REASONS.split(", "))
    assert "handoff accept deals/acme.yaml --by kofi.mensah@relay.example --rating 4" in help_text
