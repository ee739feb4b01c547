"""One switch, HANDOFF_UPDATE_GOLDEN=1, rewrites every snapshot family from what the code prints now."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, snapshot

FAMILIES = ("cli/test_render_golden.py", "cli/test_sla.py", "cli/test_validate.py", "cli/test_report.py",
            "cli/test_validate_cases.py")


def test_the_committed_snapshot_is_what_is_compared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDOFF_UPDATE_GOLDEN", raising=False)
    (tmp_path / "a.txt").write_text("old\n", encoding="utf-8")
    assert snapshot(tmp_path / "a.txt", "new\n") == "old\n"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old\n"


def test_the_switch_rewrites_text_and_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDOFF_UPDATE_GOLDEN", "1")
    assert snapshot(tmp_path / "new" / "a.txt", "new\n") == "new\n"
    assert snapshot(tmp_path / "b.ics", b"A\r\nB\r\n") == b"A\r\nB\r\n"
    assert (tmp_path / "b.ics").read_bytes() == b"A\r\nB\r\n"


@pytest.mark.parametrize("module", FAMILIES)
def test_every_snapshot_family_goes_through_the_switch(module: str) -> None:
    text = (ROOT / "tests" / module).read_text(encoding="utf-8")
    assert "snapshot(" in text and "HANDOFF_UPDATE_GOLDEN" not in text.replace("`HANDOFF_UPDATE_GOLDEN=1", ""), module
