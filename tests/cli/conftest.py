"""Fixtures the command tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


@pytest.fixture
def in_examples(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from examples/, so paths in the output are short and examples/handoff.toml applies."""
    monkeypatch.chdir(EXAMPLES)
    return EXAMPLES
