"""The clocks of a handoff: start event, stop event, target and owner, and which run for a segment."""

from __future__ import annotations

from dataclasses import dataclass

from handoff_cli.core.sla_settings import ClockSetting, ClockTable, Owner, SlaSettings, Unit, parse
from handoff_cli.model.common import Segment
from handoff_cli.model.progress import EventName


@dataclass(frozen=True, slots=True)
class Clock:
    name: str
    title: str
    start: EventName | None  # None: contract signature
    stop: tuple[EventName, ...]  # the earliest of these stops the clock
    amount: float
    unit: Unit
    owner: Owner

    @property
    def target(self) -> str:
        amount = f"{self.amount:g}"
        return f"{amount} {self.unit.value[:-1] if amount == '1' else self.unit.value}"


E = EventName
# The defaults of docs/method.md, "The process and its clocks"; all count from contract signature unless noted.
DEFAULTS: tuple[Clock, ...] = (
    # internal knowledge transfer within 24 h; the rep schedules it (phase 1)
    Clock("internal_meeting", "internal knowledge transfer", None, (E.INTERNAL_MEETING,), 24, Unit.HOURS, Owner.REP),
    # warm intro email from the rep within 48 h (or the CSM writes it: set owner = "csm")
    Clock("intro_email", "intro email to the customer", None, (E.INTRO_EMAIL,), 48, Unit.HOURS, Owner.REP),
    # first CS contact within 48 h ; meeting the customer counts as contact
    Clock(
        "first_contact",
        "first CS contact",
        None,
        (E.FIRST_CONTACT, E.JOINT_MEETING, E.KICKOFF),
        48,
        Unit.HOURS,
        Owner.CSM,
    ),
    # joint transition meeting within 5 business days; the rep hands the customer over in it
    Clock("joint_meeting", "joint transition meeting", None, (E.JOINT_MEETING,), 5, Unit.BUSINESS_DAYS, Owner.REP),
    # kickoff within 7 days (some playbooks say 3-5 business days: set within = "5 business days")
    Clock("kickoff", "implementation kickoff", None, (E.KICKOFF,), 7, Unit.DAYS, Owner.CSM),
    # first value milestone at 15-30 days: the end of the window is the deadline
    Clock("first_value", "first value milestone", None, (E.FIRST_VALUE,), 30, Unit.DAYS, Owner.CSM),
    # first QBR scheduled at kickoff: counted from the kickoff, the invite out by the next business day
    Clock("qbr_scheduled", "first QBR scheduled", E.KICKOFF, (E.QBR_SCHEDULED,), 1, Unit.BUSINESS_DAYS, Owner.CSM),
)
NAMES = tuple(c.name for c in DEFAULTS)

_OFF = ClockSetting(within="off")
# Built-in segment playbooks (docs/method.md, "Segment playbooks"): SMB / self-serve gets an automated welcome
# sequence instead of meetings, and that welcome goes out within 30 minutes of payment.
PLAYBOOKS: dict[Segment, ClockTable] = {
    Segment.SMB: ClockTable(
        internal_meeting=_OFF,
        intro_email=ClockSetting(within="30 minutes", owner=Owner.CSM),
        joint_meeting=_OFF,
        qbr_scheduled=_OFF,
    ),
}


def clocks_for(segment: Segment, sla: SlaSettings) -> tuple[Clock, ...]:
    """The clocks that run for a segment, clock by clock: built-in defaults < [sla.clocks] < the built-in
    segment playbook < [sla.segments.<segment>] (the more specific setting wins)."""
    layers = [sla.clocks, PLAYBOOKS.get(segment, ClockTable()), sla.segments.get(segment, ClockTable())]
    out: list[Clock] = []
    for clock in DEFAULTS:
        amount, unit, owner, off = clock.amount, clock.unit, clock.owner, False
        for layer in layers:
            setting: ClockSetting | None = getattr(layer, clock.name)
            if setting is None:
                continue
            owner = setting.owner or owner
            if setting.within == "off":
                off = True
            elif setting.within is not None:
                amount, unit, off = *parse(setting.within), False
        if not off:
            out.append(Clock(clock.name, clock.title, clock.start, clock.stop, amount, unit, owner))
    return tuple(out)

