"""The one writer recipe: the dossier is read under the lock, the change decided on what is there now, proven,
and put in place; a refusal anywhere leaves the file byte for byte."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from handoff_cli.core.errors import DossierInvalid, InputError, WriteError
from handoff_cli.edit.file_lock import locked
from handoff_cli.edit.record import Append
from handoff_cli.edit.rewrite import rewrite
from handoff_cli.model import Dossier
from handoff_cli.settings import Project, Settings
from tests.builders import dossier_yaml

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture
def deal(tmp_path: Path) -> Path:
    path = tmp_path / "deal.yaml"
    path.write_text(dossier_yaml(events=[{"event": "intro_email", "at": "2026-11-10T09:00:00+00:00"}]), "utf-8")
    return path


def project(root: Path, **settings: object) -> Project:
    return Project(Settings.model_validate(settings), root)


def test_the_change_is_decided_on_the_dossier_as_it_is_and_written(deal: Path) -> None:
    seen: list[Dossier] = []

    def decide(dossier: Dossier) -> Append:
        seen.append(dossier)
        return Append("events", {"event": "kickoff", "at": AT}, "event")

    before = deal.read_text("utf-8")
    change = rewrite(deal, project(deal.parent), decide)
    assert change.item["event"] == "kickoff"
    assert [d.deal.id for d in seen] == ["D-1"]
    added = "  - event: kickoff\n    at: 2026-11-20T09:30:00+00:00\n"
    after = deal.read_text("utf-8")
    assert added in after and after.replace(added, "", 1) == before
    assert after.index(added) > after.index("intro_email")


def test_a_refusal_of_decide_writes_nothing(deal: Path) -> None:
    def decide(dossier: Dossier) -> Append:
        raise InputError("kickoff is already logged", path=deal)

    before = deal.read_bytes()
    with pytest.raises(InputError):
        rewrite(deal, project(deal.parent), decide)
    assert deal.read_bytes() == before


def test_an_invalid_dossier_is_never_decided_on(deal: Path) -> None:
    deal.write_text("schema: '1'\ndeal:\n  id: D-1\n", "utf-8")
    before = deal.read_bytes()
    with pytest.raises(DossierInvalid):
        rewrite(deal, project(deal.parent), lambda d: pytest.fail("decided on an invalid dossier"))
    assert deal.read_bytes() == before


def test_another_writer_holding_the_lock_ends_in_one_line_and_nothing_written(deal: Path) -> None:
    before = deal.read_bytes()
    with locked(deal), pytest.raises(WriteError) as raised:
        rewrite(deal, project(deal.parent, lock_wait=0), lambda d: pytest.fail("decided without the lock"))
    assert raised.value.message.startswith("another handoff command has been writing this file for 0 s")
    assert deal.read_bytes() == before
