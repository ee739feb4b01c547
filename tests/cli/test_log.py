"""`handoff log`: only the new event's lines change, every shape of handoff: is handled, refusals write nothing."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.settings import Project, Settings
from tests.conftest import CASES, EXAMPLES, RunCli

AT = "2026-11-12T10:30:00+00:00"
HEAD = "schema: 1\ndeal:\n  id: D-1\n  account: Initech\n  segment: smb\n  signed_at: 2026-11-09T09:00:00+00:00\n"


def added_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if any line of `before` was changed or removed."""
    diff = list(difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)))
    assert not [d for d in diff if d.startswith("- ")], "a line of the original changed"
    return [d[2:] for d in diff if d.startswith("+ ")]


def log(run_cli: RunCli, path: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli("log", str(path), *args)
    return result.exit_code, result.stdout, result.stderr


def test_commented_dossier_changes_only_the_new_lines(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "initech.yaml"
    before = (CASES / "sla" / "commented.yaml").read_text(encoding="utf-8")
    path.write_text(before, encoding="utf-8")
    code, out, err = log(run_cli, path, "joint_meeting", "--at", AT, "--by", "Carl CSM", "--note", "Megan: yes, #2")
    assert (code, out, err) == (0, f"logged joint_meeting at {AT} in {path}\n", "")
    after = path.read_text(encoding="utf-8")
    # block items in the file -> a block item, at the list's own indentation, right after the last item
    assert added_lines(before, after) == [
        "        - event: joint_meeting\n",
        f"          at: {AT}\n",
        "          by: Carl CSM\n",
        "          note: 'Megan: yes, #2'\n",
    ]
    assert after.index('"2026-11-11T12:00:00+00:00"') < after.index("event: joint_meeting") < after.index("# checklist")
    dossier, _ = load_dossier(path, Project(Settings(), deals_repo))
    assert dossier.handoff and [e.event.value for e in dossier.handoff.events or ()] == [
        "internal_meeting", "intro_email", "joint_meeting",
    ]  # fmt: skip


def test_flow_items_get_a_flow_item(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "acme.yaml"
    before = (EXAMPLES / "midmarket-acme.yaml").read_text(encoding="utf-8")
    path.write_text(before, encoding="utf-8")
    assert log(run_cli, path, "first_contact", "--at", "2026-11-10T08:00:00-07:00")[0] == 0
    assert added_lines(before, path.read_text(encoding="utf-8")) == [
        "    - {event: first_contact, at: 2026-11-10T08:00:00-07:00}\n"
    ]
    events = run_cli("sla", str(path), "--as-of", "2026-11-23T12:00:00+00:00", "-f", "json").stdout
    assert '"clock": "first_contact",' in events and '"status": "met-late"' in events


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # no handoff: section: appended after a blank line, in the file's own indentation (2)
        ("", HEAD + "\nhandoff:\n  events:\n    - event: kickoff\n      at: " + AT + "\n"),
        # handoff: with a checklist but no events: events go first, the checklist is untouched
        (
            "handoff:\n  checklist:\n    - {item: x}\n",
            HEAD + "handoff:\n  events:\n    - event: kickoff\n      at: " + AT + "\n  checklist:\n    - {item: x}\n",
        ),
        # handoff: with nothing under it
        ("handoff:\n", HEAD + "handoff:\n  events:\n    - event: kickoff\n      at: " + AT + "\n"),
        ("handoff: ~  # later\n", HEAD + "handoff:   # later\n  events:\n    - event: kickoff\n      at: " + AT + "\n"),
        # empty events:
        ("handoff:\n  events:\n", HEAD + "handoff:\n  events:\n    - event: kickoff\n      at: " + AT + "\n"),
        # events: [] (flow style, empty) becomes a block list
        ("handoff:\n  events: []\n", HEAD + "handoff:\n  events:\n    - event: kickoff\n      at: " + AT + "\n"),
        # a non-empty flow list grows in place
        (
            "handoff:\n  events: [{event: intro_email, at: 2026-11-09T10:00:00Z}]  # one so far\n",
            HEAD + "handoff:\n  events: [{event: intro_email, at: 2026-11-09T10:00:00Z}, {event: kickoff, at: "
            + AT + "}]  # one so far\n",
        ),
        # block list at column 0 under its key, file without a final newline
        (
            "handoff:\n  events:\n  - event: intro_email\n    at: 2026-11-09T10:00:00Z",
            HEAD + "handoff:\n  events:\n  - event: intro_email\n    at: 2026-11-09T10:00:00Z\n"
            "  - event: kickoff\n    at: " + AT + "\n",
        ),
    ],
)
def test_insertion_shapes(run_cli: RunCli, deals_repo: Path, tail: str, expected: str) -> None:
    path = deals_repo / "d.yaml"
    path.write_text(HEAD + tail, encoding="utf-8")
    assert log(run_cli, path, "kickoff", "--at", AT) == (0, f"logged kickoff at {AT} in {path}\n", "")
    assert path.read_text(encoding="utf-8") == expected


def test_crlf_file_keeps_crlf(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "d.yaml"
    path.write_bytes((HEAD + "handoff:\n  events:\n    - {event: intro_email, at: 2026-11-09T10:00:00Z}\n# end\n")
                     .replace("\n", "\r\n").encode())
    assert log(run_cli, path, "kickoff", "--at", AT)[0] == 0
    assert path.read_bytes() == (
        HEAD + "handoff:\n  events:\n    - {event: intro_email, at: 2026-11-09T10:00:00Z}\n"
        f"    - {{event: kickoff, at: {AT}}}\n# end\n"
    ).replace("\n", "\r\n").encode()


def test_at_defaults_to_now(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "d.yaml"
    path.write_text(HEAD, encoding="utf-8")
    code, out, _ = log(run_cli, path, "kickoff")
    added = added_lines(HEAD, path.read_text(encoding="utf-8"))
    assert code == 0 and added[:4] == ["\n", "handoff:\n", "  events:\n", "    - event: kickoff\n"]
    assert added[4].startswith("      at: 20") and added[4].endswith("+00:00\n") and added[4][9:-1] in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("kick_off",), "handoff: error: {path}: unknown event 'kick_off'; did you mean 'kickoff'?\n"),
        (("intro_email", "--at", AT), "handoff: error: {path}: intro_email is already logged at "
         "2026-11-11T12:00:00+00:00; pass --force to log it again\n"),
        (("kickoff", "--at", "2026-11-08T09:00:00+00:00"), "handoff: error: {path}: --at 2026-11-08T09:00:00+00:00 "
         "is before the signature (2026-11-09T09:00:00+00:00); pass --force if it really happened before close\n"),
        (("kickoff", "--at", "2999-01-01T00:00:00+00:00"), "handoff: error: {path}: --at 2999-01-01T00:00:00+00:00 "
         "is in the future; log an event once it has happened\n"),
    ],
)
def test_refusals_write_nothing(
    run_cli: RunCli, deals_repo: Path, args: tuple[str, ...], message: str
) -> None:
    path = deals_repo / "initech.yaml"
    before = (CASES / "sla" / "commented.yaml").read_bytes()
    path.write_bytes(before)
    assert log(run_cli, path, *args) == (2, "", message.format(path=path))
    assert path.read_bytes() == before


def test_force_logs_again_and_before_signature(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "initech.yaml"
    before = (CASES / "sla" / "commented.yaml").read_text(encoding="utf-8")
    path.write_text(before, encoding="utf-8")
    assert log(run_cli, path, "intro_email", "--at", "2026-11-08T09:00:00+00:00", "--force")[0] == 0
    assert added_lines(before, path.read_text(encoding="utf-8")) == [
        "        - event: intro_email\n",
        "          at: 2026-11-08T09:00:00+00:00\n",
    ]


def test_result_that_would_not_validate_exits_1(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "d.yaml"
    path.write_text(HEAD, encoding="utf-8")
    assert log(run_cli, path, "kickoff", "--at", AT, "--note", " ") == (
        1,
        "",
        f"handoff: error: {path}: with the new event the dossier would not be valid: line 12: "
        "handoff.events[0].note is empty; give an answer or remove the key; nothing was written\n",
    )
    assert path.read_text(encoding="utf-8") == HEAD


def test_invalid_dossier_is_refused(run_cli: RunCli, deals_repo: Path) -> None:
    path = deals_repo / "bad.yaml"
    path.write_text("schema: 1\ndeal: {id: D-1}\n", encoding="utf-8")
    code, out, err = log(run_cli, path, "kickoff")
    assert (code, out, err.splitlines()[-1]) == (
        1, "", f"handoff: error: {path}: not a valid dossier (2 problem(s)); run `handoff validate {path}`")
    assert err.splitlines()[0] == f"{path}:2:1: error: HV002 missing-key: 'account' is required in deal"


def test_symlink_is_refused(run_cli: RunCli, deals_repo: Path) -> None:
    target = deals_repo / "d.yaml"
    target.write_text(HEAD, encoding="utf-8")
    link = deals_repo / "link.yaml"
    link.symlink_to(target)
    code, _, err = log(run_cli, link, "kickoff", "--at", AT)
    assert (code, err) == (2, f"handoff: error: {link}: is a symbolic link; refusing to write through it\n")
    assert target.read_text(encoding="utf-8") == HEAD
