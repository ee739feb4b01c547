"""`handoff log DEAL went_live [--at DATE]`: the actual go-live, through the one writer (edit/rewrite.py)."""

from __future__ import annotations

from pathlib import Path

from handoff_cli.cli.options import project, say
from handoff_cli.core.errors import InputError


def log_went_live(path: Path, *, at: str | None, by: str | None, note: str | None, force: bool,
                  config: Path | None) -> None:  # fmt: skip
    from datetime import date, datetime

    from handoff_cli.core.moments import deal_zone
    from handoff_cli.edit.record import SetKeys
    from handoff_cli.edit.rewrite import rewrite
    from handoff_cli.edit.went_live import NAME, went_live_change, went_live_day
    from handoff_cli.model import Dossier

    display = str(path)
    for option, given in (("by", by), ("note", note)):
        if given is not None:  # implementation.went_live is a day and nothing else
            raise InputError(f"--{option} goes with events and outcomes; {NAME} records the day only", path=display)
    proj = project(config)
    promised: list[date | None] = []  # the go-live promised, as the dossier says under the lock

    def decide(dossier: Dossier) -> SetKeys:
        zone = deal_zone(proj.settings, dossier.deal)
        day = went_live_day(at, zone, now=datetime.now(zone), display=display)
        promised.append(dossier.implementation.go_live if dossier.implementation else None)
        return went_live_change(dossier, day, zone, force=force, display=display)

    day: date = rewrite(path, proj, decide).values[NAME]
    say(f"logged {NAME} {day}{_against(day, promised[0])} in {path}")


def _against(day: object, promised: object) -> str:
    from datetime import date

    if not isinstance(day, date) or not isinstance(promised, date):
        return ""
    late = (day - promised).days
    if late <= 0:
        return f" (on time: promised {promised})"
    return f" ({late} day{'s' * (late != 1)} after the promised {promised})"
