"""What needs whom (`handoff digest`): everything on the deals that waits for someone's action, gathered into one
message per person, most urgent first.

A message per event gets muted within a week; one digest per person, sent on a schedule, is read. A person with
nothing to do gets no message at all, so a quiet day sends nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import IntEnum

from handoff_cli.clocks.evaluate import ClockStatus, Status
from handoff_cli.clocks.follow_ups import Owed
from handoff_cli.clocks.overdue import overdue
from handoff_cli.core.durations import span
from handoff_cli.core.errors import DossierInvalid
from handoff_cli.core.vocabulary import Decision
from handoff_cli.core.vocabulary import DigestBy as By
from handoff_cli.model.common import Stage
from handoff_cli.portfolio.engagement import RULE_SHARE, share
from handoff_cli.portfolio.facts import DealFacts, Portfolio

GAPS_NAMED = 5  # the costliest gaps named in a pre-close item; the rest are counted


class Kind(IntEnum):
    """What an item is, in order of urgency: a missed deadline before a late promise before a turned-down handoff,
    then what is about to be missed, then what the customer said, then the sale still open."""

    CLOCK_BREACHED = 0
    OVERDUE = 1
    REJECTED = 2
    CLOCK_AT_RISK = 3
    LOW_SURVEY = 4
    SURVEY_OWED = 5
    PRE_CLOSE_GAPS = 6

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Kind.CLOCK_BREACHED: "clock breached",
    Kind.OVERDUE: "overdue",
    Kind.REJECTED: "handoff rejected",
    Kind.CLOCK_AT_RISK: "clock at risk",
    Kind.LOW_SURVEY: "low survey",
    Kind.SURVEY_OWED: "survey owed",
    Kind.PRE_CLOSE_GAPS: "pre-close gaps",
}
_NOBODY = "(no owner)"
_ROLE_NOBODY = {By.CSM: "(no CSM)", By.REP: "(no rep)", By.CS_MANAGER: "(no CS manager)"}


@dataclass(frozen=True, slots=True)
class Action:
    kind: Kind
    deal_id: str
    account: str
    what: str  # in words, as a CS lead would say it
    due: datetime | date | None  # a clock's moment in the deal's zone, an item's day; None: as soon as possible
    path: str
    owner: str  # whose action it is (By.OWNER)

    def sort_key(self) -> tuple[int, str, str, str]:
        return self.kind, self.due.isoformat() if self.due else "", self.deal_id, self.what


@dataclass(frozen=True, slots=True)
class Message:
    person: str
    email: str | None  # from the dossiers that name the person with one; None: nobody gave one
    actions: tuple[Action, ...]  # most urgent first


@dataclass
class Digest:
    as_of: datetime
    by: By
    messages: list[Message] = field(default_factory=list)  # people in name order; nobody without an action
    invalid: list[DossierInvalid] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    sender: str | None = None  # the From of the .eml messages (--from)


def digest(portfolio: Portfolio, by: By, *, sender: str | None = None) -> Digest:
    as_of = portfolio.as_of
    groups: dict[str, list[Action]] = {}
    emails: dict[str, str] = {}
    for deal in portfolio.deals:
        emails |= _emails(deal)
        if deal.churned:
            continue
        for action in actions(deal, as_of):
            groups.setdefault(_person(deal, action, by), []).append(action)
    messages = [
        Message(person, emails.get(person) or _as_address(person),
                tuple(sorted(groups[person], key=Action.sort_key)))
        for person in sorted(groups, key=lambda name: (name.startswith("("), name.casefold()))
    ]  # fmt: skip
    return Digest(as_of, by, messages, list(portfolio.invalid), list(portfolio.unreadable), sender)


def _as_address(owner: str) -> str | None:
    """An item's owner written as an email address is where their digest goes."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(owner, check_deliverability=False).normalized if "@" in owner else None
    except EmailNotValidError:
        return None


def _person(deal: DealFacts, action: Action, by: By) -> str:
    if by is By.OWNER:
        return action.owner
    d = deal.deal
    who = {By.CSM: d.csm, By.REP: d.sales_rep, By.CS_MANAGER: d.cs_manager}[by]
    return who.name if who else _ROLE_NOBODY[by]


def _emails(deal: DealFacts) -> dict[str, str]:
    d = deal.deal
    return {p.name: p.email for p in (d.sales_rep, d.csm, d.cs_manager) if p is not None and p.email}


def actions(deal: DealFacts, as_of: datetime) -> list[Action]:
    """Every action the deal waits for at `as_of`."""
    d = deal.deal
    rep = d.sales_rep.name if d.sales_rep else _NOBODY
    csm = d.csm.name if d.csm else _NOBODY

    def act(kind: Kind, what: str, due: datetime | date | None, owner: str | None) -> Action:
        return Action(kind, d.id, d.account, what, due, deal.path, owner or _NOBODY)

    found = [act(*_clock(c, deal)) for c in deal.clocks if c.status in (Status.BREACHED, Status.AT_RISK)]
    if d.signed_at is not None:
        today = as_of.astimezone(deal.tz).date()
        for late in overdue(deal.owed, today):
            item = late.item
            what = f"{_singular(item.list)} '{item.title}' is {late.days} d overdue"
            found.append(act(Kind.OVERDUE, what, item.due, item.owner or csm))
    last = deal.review
    if last is not None and last.decision is Decision.REJECTED:
        why = f": {', '.join(r.value for r in last.reasons)}" if last.reasons else ""
        what = f"the handoff was rejected by {last.by} on {deal.aware(last.at).date()}{why}; complete and resubmit it"
        found.append(act(Kind.REJECTED, what, None, rep))
    # what `handoff sla` and the report list as owed besides the clocks, in the same words
    for owed in deal.follow_ups:
        if owed.owed is Owed.SURVEY:
            found.append(act(Kind.SURVEY_OWED, owed.what, owed.at.date(), owed.owner_name or csm))
        else:
            found.append(act(Kind.LOW_SURVEY, owed.what, None, owed.owner_name or csm))
    gaps = _pre_close(deal, as_of)
    if gaps is not None:
        found.append(act(Kind.PRE_CLOSE_GAPS, gaps, d.expected_close, rep))
    return found


def _clock(c: ClockStatus, deal: DealFacts) -> tuple[Kind, str, datetime | None, str | None]:
    due = c.due.astimezone(deal.tz) if c.due else None
    if c.status is Status.BREACHED:
        late = f", late by {span(c.delta)}" if c.delta else ""
        up = f"; escalate to {c.escalate_to}" if c.escalate_to else ""
        return Kind.CLOCK_BREACHED, f"{c.clock.title} ({c.clock.name}) was due{late}{up}", due, c.owner_name
    left = f", {span(c.delta)} left" if c.delta else ""
    return Kind.CLOCK_AT_RISK, f"{c.clock.title} ({c.clock.name}) is due soon{left}", due, c.owner_name


def _pre_close(deal: DealFacts, as_of: datetime) -> str | None:
    """An open sale past the point where CS engages (~70 % by its expected close and cycle) with gaps left."""
    d = deal.deal
    cycle = deal.sales_cycle_days
    if d.effective_stage is not Stage.PRE_CLOSE or d.expected_close is None:
        return None
    done = share(deal.aware(datetime.combine(d.expected_close, time())), as_of, cycle)
    lost = sorted(deal.lost.items(), key=lambda kv: (-kv[1], kv[0]))
    if done is None or done < RULE_SHARE or not lost:
        return None
    named = ", ".join(name for name, _ in lost[:GAPS_NAMED]) + (f" and {len(lost) - GAPS_NAMED} more"
                                                                 if len(lost) > GAPS_NAMED else "")  # fmt: skip
    cs = f"; {deal.advice.due_now}" if deal.advice.due_now else ""
    return f"the sale is ~{min(done, 100)}% done with {len(lost)} gaps in the dossier: {named}{cs}"


def _singular(section: str) -> str:
    return {"commitments": "commitment", "milestones": "milestone", "checklist": "checklist item"}.get(section, section)


def counts(messages: Sequence[Message]) -> str:
    n = sum(len(m.actions) for m in messages)
    return f"{n} action{'s' * (n != 1)} for {len(messages)} {'person' if len(messages) == 1 else 'people'}"

