"""What a CRM is told back about each deal (`handoff export crm`): one row per dossier, keyed by the CRM's
record id that `import crm` read into `deal.id`.

Every dossier is read and checked before a row is made, so one invalid dossier stops the export: a
write-back file that silently lacks a deal would leave that deal's CRM record as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from handoff_cli.clocks.clocks import DEFAULTS
from handoff_cli.clocks.evaluate import Status
from handoff_cli.clocks.table import deal_clocks
from handoff_cli.core.errors import DossierInvalid, InputError
from handoff_cli.core.findings import FileResult, Severity
from handoff_cli.core.moments import aware, deal_zone
from handoff_cli.core.vocabulary import Decision
from handoff_cli.engine.dossiers import checked_dossiers
from handoff_cli.gate.checks import Checker
from handoff_cli.model import Dossier
from handoff_cli.repo.files import expand_names


class HandoffStatus(StrEnum):
    """Where the handoff stands, as the CRM shows it: the CSM's last review decides once there is one."""

    INCOMPLETE = "incomplete"  # below the minimum score, or another gate finding
    READY = "ready"  # passes the gate, waiting for the CSM's review
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class WriteBack:
    record_id: str
    path: str
    score: float
    status: HandoffStatus
    csm: str | None
    first_contact: date | None  # on the deal's own calendar; meeting the customer counts, as for its clock
    kickoff: date | None
    breached_clocks: int  # breached now, or met after their due time
    last_review_rating: int | None


def write_backs(paths: Sequence[Path], checker: Checker) -> list[WriteBack]:
    """One row per dossier, in the order the files were found; an invalid or unreadable one raises."""
    rows: list[WriteBack] = []
    seen: dict[str, str] = {}
    unreadable: list[str] = []
    for read in checked_dossiers(expand_names(paths), checker, skipped=unreadable):
        dossier, result = read.dossier, read.result
        if dossier is None or result is None:
            raise read.invalid or DossierInvalid(read.name, [])
        if result.score is None:
            raise DossierInvalid(result.path, [f for f in result.findings if f.severity is Severity.ERROR])
        row = _row(result, dossier, checker)
        if row.record_id in seen:  # two rows for one record: the CRM would keep whichever it read last
            raise InputError(f"deal.id {row.record_id} is also the id of {seen[row.record_id]}; one CRM record "
                             "takes one row; nothing was written", path=result.path)  # fmt: skip
        seen[row.record_id] = result.path
        rows.append(row)
    if unreadable:  # all or nothing: a file left out would be a CRM record silently not updated
        raise InputError(f"{unreadable[0]}; nothing was written")
    return rows


def _row(result: FileResult, dossier: Dossier, checker: Checker) -> WriteBack:
    assert result.score is not None
    project, as_of = checker.project, checker.ctx.as_of
    tz = deal_zone(project.settings, dossier.deal)
    progress = dossier.handoff
    reviews = sorted((progress.reviews if progress else None) or [], key=lambda r: aware(r.at, tz))
    last = reviews[-1] if reviews else None

    clocks = deal_clocks(dossier, project, as_of=as_of, path=result.path)

    def day(name: str) -> date | None:
        """When the clock `name` stopped, as `handoff sla` shows it; for a deal that clock does not run for
        (a renewal has no first-contact clock), the earliest of the events that would stop it."""
        clock = next((c for c in clocks if c.clock.name == name), None)
        if clock is not None:
            return clock.done.astimezone(tz).date() if clock.done else None
        stops = next(c.stop for c in DEFAULTS if c.name == name)
        events = [e for e in (progress.events if progress else None) or () if e.event in stops]
        return min(aware(e.at, tz) for e in events).astimezone(tz).date() if events else None

    if last is not None:
        status = HandoffStatus.ACCEPTED if last.decision is Decision.ACCEPTED else HandoffStatus.REJECTED
    else:
        status = HandoffStatus.READY if result.passed else HandoffStatus.INCOMPLETE
    return WriteBack(
        record_id=dossier.deal.id,
        path=result.path,
        score=result.score.percent,
        status=status,
        csm=dossier.deal.csm.name if dossier.deal.csm else None,
        first_contact=day("first_contact"),
        kickoff=day("kickoff"),
        breached_clocks=sum(c.status in (Status.BREACHED, Status.MET_LATE) for c in clocks),
        last_review_rating=last.rating if last else None,
    )
