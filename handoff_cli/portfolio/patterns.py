"""The five failure patterns (docs/method.md), each detected per deal with the evidence that shows it, from the deal's
facts and its dossier (portfolio/facts.py finds them while the dossier is read)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from handoff_cli.clocks.evaluate import Status
from handoff_cli.core.durations import span
from handoff_cli.core.sla_settings import Owner
from handoff_cli.core.vocabulary import DealKind
from handoff_cli.model.progress import CS_CONTACT, EventName
from handoff_cli.model.stakeholders import Role

if TYPE_CHECKING:
    from handoff_cli.model import Dossier
    from handoff_cli.portfolio.facts import DealFacts

MINIMAL_SCORE = 70.0  # below this a dossier is "minimal": CS starts nearly cold
THIN_CATEGORY = 70.0  # stakeholders or goals this incomplete leave CS without context
HAND_BACK_DAYS = 45  # the rep's hand-back note is due at 30-45 days (docs/method.md, other clocks)
WATCHED_DAYS = 90  # momentum is watched through the first 90 days (docs/method.md, momentum death)
E = EventName


@dataclass(frozen=True)
class Pattern:
    name: str
    title: str
    detect: Callable[[DealFacts, Dossier, datetime], Iterator[str]]  # yields evidence; none means not found


def _day(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d") if moment else "?"


def throw_over_the_wall(deal: DealFacts, dossier: Dossier, as_of: datetime) -> Iterator[str]:
    """Minimal dossier; CS contacts the customer cold."""
    if deal.score < MINIMAL_SCORE:
        yield f"dossier only {deal.score:g}% complete (below {MINIMAL_SCORE:g}%)"
    contact, meeting = deal.clock("first_contact"), deal.clock("internal_meeting")
    if contact and contact.done and meeting and (meeting.done is None or meeting.done > contact.done):
        yield f"CS contacted the customer on {_day(contact.done)} before any internal knowledge transfer"


def ghost_rep(deal: DealFacts, dossier: Dossier, as_of: datetime) -> Iterator[str]:
    """The rep vanishes after close: seen once the rep's hand-back check-in is overdue, never before it is due
    (until then a late rep step is an SLA breach, not yet a vanished rep). Only the rep's own check-in counts:
    one logged by someone else is not the rep staying in touch."""
    progress, signed, rep = dossier.handoff, deal.deal.signed_at, deal.deal.sales_rep
    own = {rep.name, *([str(rep.email)] if rep.email else [])} if rep else set()
    events = progress.events or () if progress else ()
    logged = [e for e in events if e.event is E.REP_CHECK_IN and deal.aware(e.at) <= as_of]
    by_others = sorted({e.by for e in logged if e.by is not None and e.by not in own})
    checked_in = any(e.by is None or e.by in own for e in logged)
    if not deal.clocks or signed is None or checked_in or as_of - deal.aware(signed) <= timedelta(days=HAND_BACK_DAYS):
        return
    if deal.deal.kind is DealKind.RENEWAL:
        return  # CS owns a renewal: there is no rep to hand back
    if rep is None:
        yield "no sales rep named in the dossier"
    for c in deal.clocks:
        if c.owner is Owner.REP and c.status is Status.BREACHED and c.delta is not None:
            yield f"rep's {c.clock.name} not done, {span(c.delta)} past due"
    others = f" (only by {', '.join(by_others)}, not the rep)" if by_others else ""
    yield f"no rep_check_in{others} {HAND_BACK_DAYS} days after signature (hand-back note due at 30-45 days)"


def promise_vs_reality(deal: DealFacts, dossier: Dossier, as_of: datetime) -> Iterator[str]:
    """Commitments undocumented, or soft promises (verbal, only discussed, custom) CS has not validated.

    A standard contracted feature needs no validation to be kept; each soft promise is named in full,
    since the one cut off is often the one that matters."""
    commitments = dossier.commitments or []
    if not commitments:
        yield "no commitments documented"
    for c in commitments:
        if c.soft and not c.cs_validated:
            yield f"soft promise not validated by CS: {c.what}"


def context_free_cs(deal: DealFacts, dossier: Dossier, as_of: datetime) -> Iterator[str]:
    """Generic onboarding: stakeholders or goals unknown."""
    if not dossier.with_role(Role.CHAMPION):
        yield "no champion named"
    goals = dossier.goals
    if not (goals and (goals.problem or goals.success_criteria)):
        yield "no business problem or success criteria recorded"
    for category in ("stakeholders", "goals"):
        if deal.category(category) < THIN_CATEGORY:
            yield f"{category} only {deal.category(category):g}% complete"


def momentum_death(deal: DealFacts, dossier: Dossier, as_of: datetime) -> Iterator[str]:
    """Weeks without CS contact: in the first 90 days, every quiet spell between one CS contact and the next (or
    up to --as-of) longer than the segment playbook's check-in cadence, however many contacts came after it."""
    contact = deal.clock("first_contact")
    if contact and contact.status is Status.BREACHED and contact.start:
        yield f"no CS contact {span(as_of - contact.start)} after signature (target {contact.clock.target})"
        return
    every = deal.check_in_days
    signed = deal.deal.signed_at
    if not deal.clocks or not every or signed is None:
        return  # not started, or a playbook whose touchpoints follow usage, not the calendar
    end = min(as_of, deal.aware(signed) + timedelta(days=WATCHED_DAYS))
    events = dossier.handoff.events or () if dossier.handoff else ()
    touches: list[tuple[datetime, str | None]] = sorted(
        (deal.aware(e.at), e.event.value) for e in events if e.event in CS_CONTACT and deal.aware(e.at) <= end
    )
    # each contact up to the next one, the last up to the end; no contact at all (an expansion's CSM who stays has
    # no first-contact clock) has no spell between contacts
    later: list[tuple[datetime, str | None]] = [*touches[1:], (end, None)] if touches else []
    for (since, event), (until, following) in zip(touches, later, strict=True):
        if until - since > timedelta(days=every):
            if following:
                upto = f"until {following} on {_day(until)}"
            else:
                upto = "and none since" if until == as_of else f"through day {WATCHED_DAYS}"
            yield (f"no CS contact for {(until - since).days} days after {event} on {_day(since)}, {upto} "
                   f"(check-ins every {every} days)")


PATTERNS: tuple[Pattern, ...] = (
    Pattern("throw-over-the-wall", "Throw over the wall", throw_over_the_wall),
    Pattern("ghost-rep", "Ghost rep", ghost_rep),
    Pattern("promise-vs-reality", "Promise vs reality", promise_vs_reality),
    Pattern("context-free-cs", "Context-free CS", context_free_cs),
    Pattern("momentum-death", "Momentum death", momentum_death),
)


def detect(deal: DealFacts, dossier: Dossier, as_of: datetime) -> list[tuple[Pattern, list[str]]]:
    found = [(p, list(p.detect(deal, dossier, as_of))) for p in PATTERNS]
    return [(p, evidence) for p, evidence in found if evidence]
