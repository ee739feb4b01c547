"""The proof before a write: the new text must read back as the old dossier plus the change, or nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.dossier.reader import load_text
from handoff_cli.dossier.schema_check import validate
from handoff_cli.edit.record import Append, Change, NotRecorded, SetKeys, proven_text
from handoff_cli.model import Dossier
from tests.builders import dossier_yaml

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
KICKOFF = Append("events", {"event": "kickoff", "at": AT}, "event")


def read(text: str) -> Dossier:
    loaded, problems = load_text(text, "d.yaml", max_depth=32)
    assert loaded is not None, problems
    model, problems = validate(loaded, "d.yaml")
    assert model is not None, problems
    return model


def prove(text: str, change: Change) -> str:
    return proven_text(text, read(text), change, display="d.yaml", max_depth=32)


def refusal(text: str, change: Change) -> str:
    with pytest.raises(NotRecorded) as raised:
        prove(text, change)
    assert raised.value.exit_code is ExitCode.FINDINGS
    return raised.value.message


def test_a_clean_append_is_the_new_text() -> None:
    text = dossier_yaml()
    new = prove(text, KICKOFF)
    assert new.startswith(text)
    handoff = read(new).handoff
    assert handoff is not None and handoff.events is not None
    assert [(e.event.value, e.at) for e in handoff.events] == [("kickoff", AT)]


def test_an_item_the_model_refuses_is_not_written() -> None:
    wrong = Append("events", {"event": "kickoff", "at": AT, "colour": "red"}, "event")
    assert refusal(dossier_yaml(), wrong).startswith("with the new event the dossier would not be valid: line ")
    assert refusal(dossier_yaml(), wrong).endswith("; nothing was written")


def test_a_line_break_yaml_would_read_as_a_space_is_refused_as_given() -> None:
    noted = Append("events", {"event": "kickoff", "at": AT, "note": "one\u2028two"}, "event")
    assert refusal(dossier_yaml(), noted).startswith("--note 'one\\u2028two': ")


@dataclass(frozen=True)
class Slipped(Append):
    """A surgery that also touches a byte it should not: the account's name."""

    def apply(self, text: str) -> str:
        return super().apply(text).replace("Initech", "Initrode")


def test_a_change_that_slips_into_other_content_is_not_written() -> None:
    slipped = Slipped("events", {"event": "kickoff", "at": AT}, "event")
    assert refusal(dossier_yaml(), slipped) == (
        "the event could not be added without changing other content; nothing was written"
    )


COMMITMENT = {"commitments": [{"what": "SSO", "kind": "scope"}, {"what": "API", "kind": "scope"}]}


def test_set_keys_changes_only_the_item_it_names() -> None:
    text = dossier_yaml(sections=COMMITMENT)
    new = prove(text, SetKeys(("commitments", 1), {"status": "done", "status_at": AT}))
    commitments = read(new).commitments
    assert commitments is not None
    assert [(c.what, c.state.value) for c in commitments] == [("SSO", "open"), ("API", "done")]


def test_set_keys_refuses_a_proof_that_names_another_item() -> None:
    class Elsewhere(SetKeys):
        def apply(self, text: str) -> str:
            return SetKeys(("commitments", 0), self.values).apply(text)

    change = Elsewhere(("commitments", 1), {"status": "done"})
    assert refusal(dossier_yaml(sections=COMMITMENT), change) == (
        "the status could not be added without changing other content; nothing was written"
    )
