"""A report holds each deal's facts, not its dossier: what every section needs is taken while the file is read."""

from __future__ import annotations

import gc
from datetime import datetime
from pathlib import Path

import pytest

from handoff_cli.gate.checks import Checker
from handoff_cli.model import Dossier
from handoff_cli.portfolio.facts import collect
from handoff_cli.settings import discover
from tests.builders import dossier_yaml

AS_OF = datetime.fromisoformat("2026-11-23T12:00:00+00:00")


def live_dossiers() -> int:
    gc.collect()
    return sum(isinstance(o, Dossier) for o in gc.get_objects())


@pytest.fixture
def deals(deals_repo: Path) -> Path:
    folder = deals_repo / "deals"
    folder.mkdir()
    for n in range(6):
        (folder / f"d{n}.yaml").write_text(dossier_yaml(id=f"D-{n}", account=f"Account {n}"))
    return folder


@pytest.mark.parametrize("cache", [True, False])
def test_a_collected_portfolio_keeps_no_dossier(deals: Path, cache: bool, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("HANDOFF_CACHE_DIR", str(tmp_path / "cache"))
    checker = Checker.create(discover(deals), as_of=AS_OF)
    before = live_dossiers()
    portfolio = collect([deals], checker, cache=cache)
    assert [d.deal.id for d in portfolio.deals] == [f"D-{n}" for n in range(6)]
    assert live_dossiers() == before  # the six models were let go once their facts were taken
    assert all(d.source is None for d in portfolio.deals)


def test_keep_holds_each_dossier_as_json_read_back_for_its_page(deals: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("HANDOFF_CACHE_DIR", str(tmp_path / "cache"))
    checker = Checker.create(discover(deals), as_of=AS_OF)
    before = live_dossiers()
    portfolio = collect([deals], checker, keep=True)
    assert live_dossiers() == before  # a page per dossier reads its dossier back when the page is made
    assert [d.kept().deal.account for d in portfolio.deals] == [f"Account {n}" for n in range(6)]
    assert [d.kept() for d in portfolio.deals] == [d.kept() for d in collect([deals], checker, keep=True).deals]
