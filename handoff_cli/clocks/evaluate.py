"""Deal x clock x as_of -> ClockStatus: met, met late, open, at risk, breached, or waiting to start."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from handoff_cli.clocks.businessdays import BusinessCalendar
from handoff_cli.clocks.clocks import NAMES, Clock
from handoff_cli.clocks.follow_ups import FollowUp
from handoff_cli.clocks.overdue import Late
from handoff_cli.core.errors import DossierInvalid
from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.core.moments import local
from handoff_cli.core.sla_settings import Owner, Unit
from handoff_cli.model import Dossier
from handoff_cli.model.common import Stage
from handoff_cli.model.progress import EventName

E = EventName


class Status(StrEnum):
    """In order of urgency: the first needs someone today, the last needs nobody."""

    BREACHED = "breached"
    AT_RISK = "at-risk"
    OPEN = "open"
    WAITING = "waiting"  # its start event (e.g. the kickoff) has not happened yet
    MET_LATE = "met-late"
    MET = "met"


RANK = {status: rank for rank, status in enumerate(Status)}


@dataclass(frozen=True, slots=True)
class ClockStatus:
    path: str
    deal_id: str
    account: str
    segment: str
    clock: Clock
    status: Status
    start: datetime | None
    due: datetime | None
    done: datetime | None
    delta: timedelta | None  # late by (breached, met late) or left (open, at risk)
    owner: Owner
    owner_name: str | None
    escalate_to: str | None = None  # breached past the grace: who the breach goes to

    def sort_key(self) -> tuple[int, datetime, str, int]:
        # earliest due first: the most overdue breach, then the open clock with least time left
        return RANK[self.status], self.due or datetime.max.replace(tzinfo=UTC), self.path, NAMES.index(self.clock.name)


@dataclass(slots=True)
class SlaResult:
    as_of: datetime
    timezone: str
    rows: list[ClockStatus] = field(default_factory=list)
    unsigned: list[str] = field(default_factory=list)  # deals whose clocks have not started (no signature)
    invalid: list[DossierInvalid] = field(default_factory=list)  # the files skipped, each with its findings
    waived: list[str] = field(default_factory=list)  # one line each: a deal's clock a waiver in force stops
    follow_ups: list[FollowUp] = field(default_factory=list)  # owed besides the clocks; they do not fail the run
    showing: frozenset[Status] | None = None  # None: every status
    unreadable: list[str] = field(default_factory=list)  # "path: why" of each file that could not be read
    overdue: list[Late] | None = None  # None: clocks only (--clocks-only); else the items past due and owed

    @property
    def exit_code(self) -> ExitCode:
        if self.unreadable:
            return ExitCode.USAGE
        breached = any(r.status is Status.BREACHED for r in self.rows)
        return ExitCode.FINDINGS if breached or self.invalid or self.overdue else ExitCode.OK

    def only(self, statuses: frozenset[Status]) -> SlaResult:
        """The same result, showing only some statuses (--only); counts and the exit code still cover all."""
        return SlaResult(
            self.as_of, self.timezone, self.rows, self.unsigned, self.invalid, self.waived, self.follow_ups, statuses,
            self.unreadable, self.overdue,
        )

    @property
    def shown(self) -> list[ClockStatus]:
        return [r for r in self.rows if self.showing is None or r.status in self.showing]


def deadline(clock: Clock, start: datetime, cal: BusinessCalendar) -> datetime:
    """When the clock runs out, in the calendar's timezone."""
    return later(start, clock.amount, clock.unit, cal)


def later(start: datetime, amount: float, unit: Unit, cal: BusinessCalendar) -> datetime:
    """`amount` `unit`s after `start`, in the calendar's timezone."""
    if unit in (Unit.MINUTES, Unit.HOURS):
        # elapsed time: 24 h across a DST change is still 24 real hours, so add in UTC
        minutes = amount * (60 if unit is Unit.HOURS else 1)
        return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(cal.tz)
    if unit is Unit.DAYS:
        # calendar days keep the local time of day, whatever DST does in between
        return start.astimezone(cal.tz) + timedelta(days=int(amount))
    return cal.add_business_days(start, int(amount))


def signed(dossier: Dossier) -> bool:
    """Clocks run from signature; a pre-close deal has none running yet."""
    return dossier.deal.signed_at is not None and dossier.deal.effective_stage is not Stage.PRE_CLOSE


def evaluate(
    dossier: Dossier, clocks: tuple[Clock, ...], *, as_of: datetime, cal: BusinessCalendar, at_risk: float, path: str
) -> list[ClockStatus]:
    """Every clock of one deal as of a moment; a deal not yet signed has no running clocks."""
    deal = dossier.deal
    if not signed(dossier) or deal.signed_at is None:
        return []
    progress = dossier.handoff

    def aware(moment: datetime) -> datetime:
        return local(moment, cal.tz)  # the calendar's zone is the deal's

    people = {Owner.REP: deal.sales_rep, Owner.CSM: deal.csm}
    csm = {deal.csm.name, *([str(deal.csm.email)] if deal.csm.email else [])} if deal.csm else set()
    csm_writes_intro = any(c.name == "intro_email" and c.owner is Owner.CSM for c in clocks)

    # each event's moment, worked out once for all the clocks that ask; an event logged after as_of had not
    # happened yet at that moment (--as-of replays the past)
    happened: dict[EventName, list[tuple[datetime, str | None]]] = {}
    for event in (progress.events or ()) if progress else ():
        if (at := aware(event.at)) <= as_of:
            happened.setdefault(event.event, []).append((at, event.by))

    def logged(name: EventName, *, by_csm: bool = False) -> datetime | None:
        found = happened.get(name, [])
        if by_csm and not csm_writes_intro:
            found = [(at, by) for at, by in found if by in csm]
        return min((at for at, _ in found), default=None)

    signature = aware(deal.signed_at)
    rows: list[ClockStatus] = []
    for clock in clocks:
        start = signature if clock.start is None else logged(clock.start)
        stops = [t for t in (logged(name) for name in clock.stop) if t is not None]
        if clock.name == "first_contact":
            # the CSM's welcome email is the first CS contact: the intro when the CSM owns it, or logged --by the CSM
            stops += [t for t in (logged(E.INTRO_EMAIL, by_csm=True),) if t is not None]
        done = min(stops) if stops else None
        due = deadline(clock, start, cal) if start else None
        status, delta = _status(start, due, done, as_of, at_risk)
        person = people[clock.owner]
        rows.append(
            ClockStatus(
                path, deal.id, deal.account, deal.segment.value, clock, status, start, due, done, delta,
                clock.owner, person.name if person else None,
            )
        )
    return rows


def _status(
    start: datetime | None, due: datetime | None, done: datetime | None, as_of: datetime, at_risk: float
) -> tuple[Status, timedelta | None]:
    if start is None or due is None:
        return (Status.MET, None) if done else (Status.WAITING, None)
    if done is not None:
        return (Status.MET, None) if done <= due else (Status.MET_LATE, done - due)
    if as_of > due:
        return Status.BREACHED, as_of - due
    left = due - as_of
    # at risk: less than the configured share of the window is left ([sla] at_risk)
    return (Status.AT_RISK if left < (due - start) * at_risk else Status.OPEN), left
