"""A duration as people read it: largest units first, to the minute, nothing for a zero unit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from handoff_cli.core.durations import span


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(days=16, hours=14, minutes=55), "16 d 14 h 55 m"),
        (timedelta(hours=2, minutes=40), "2 h 40 m"),
        (timedelta(days=2), "2 d"),
        (timedelta(days=1, minutes=5), "1 d 5 m"),
        (timedelta(hours=3), "3 h"),
        (timedelta(0), "0 m"),
        (timedelta(seconds=59), "0 m"),  # under a minute is no minute: never rounded up
        (timedelta(minutes=1, seconds=59), "1 m"),
    ],
)
def test_a_duration_reads_largest_unit_first(delta: timedelta, expected: str) -> None:
    assert span(delta) == expected
