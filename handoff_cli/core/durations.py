"""A duration as people read it, to the minute."""

from __future__ import annotations

from datetime import timedelta


def span(delta: timedelta) -> str:
    """A duration to the minute, largest units first: '16 d 14 h 55 m', '2 h 40 m', '0 m'."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} d" * bool(days), f"{hours} h" * bool(hours), f"{mins} m" * bool(mins or not (days or hours))]
    return " ".join(p for p in parts if p)
