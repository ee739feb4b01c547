"""Meeting agendas with their time boxes (docs/method.md, the process), filled with this deal's facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from handoff_cli.model import Dossier
from handoff_cli.model.common import Level
from handoff_cli.model.stakeholders import Stakeholder
from handoff_cli.render.documents import criterion, day, moment
from handoff_cli.render.timeline import Schedule, first_value, key_dates, rule

Items = Callable[[Dossier, Schedule], list[str]]


@dataclass(frozen=True)
class Section:
    title: str
    minutes: int
    items: list[str]


@dataclass(frozen=True)
class Agenda:
    meeting: str
    title: str
    account: str
    deal_id: str
    minutes: int
    when: str | None        # the deadline, when the signature date is known
    rule: str               # the clock it answers to
    participants: list[str]
    sections: list[Section]


def _stakeholder(s: Stakeholder) -> str:
    text = f"{s.name} ({s.role.value.replace('-', ' ')}" + (f", {s.title})" if s.title else ")")
    if s.goals:
        text += ". Goals: " + "; ".join(s.goals)
    return text + (f". Prefers {s.channel.value}" if s.channel else "")


def _background(d: Dossier, sched: Schedule) -> list[str]:
    c = d.customer
    company, purchase = (c.company, c.purchase) if c else (None, None)
    out = [f"{d.deal.account}: {company.industry}" if company and company.industry else d.deal.account]
    if purchase and purchase.why_us:
        out.append(f"Why us: {purchase.why_us}")
    if purchase and purchase.why_now:
        out.append(f"Why now: {purchase.why_now}")
    if purchase and purchase.alternatives:
        out.append("Alternatives evaluated: " + ", ".join(purchase.alternatives))
    return out


def _stakeholders(d: Dossier, sched: Schedule) -> list[str]:
    return [_stakeholder(s) for s in d.stakeholders or []]


def _goals(d: Dossier, sched: Schedule) -> list[str]:
    g = d.goals
    if g is None:
        return []
    out = [f"Problem: {g.problem}"] if g.problem else []
    out += [f"Outcome: {o}" for o in g.outcomes or []]
    out += [f"Success criterion: {criterion(c)}" for c in g.success_criteria or []]
    return out


def _implementation(d: Dossier, sched: Schedule) -> list[str]:
    i, t = d.implementation, d.technical
    out = []
    if i:
        if i.start or i.go_live:
            out.append(f"Start {day(i.start) if i.start else 'not set'}, "
                       f"go-live {day(i.go_live) if i.go_live else 'not set'}")
        out += [f"Milestone: {m.name}" + (f" by {day(m.due)}" if m.due else "") for m in i.milestones or []]
    if t:
        out += [f"Integration: {x.system}" + (f" ({x.purpose})" if x.purpose else "") for x in t.integrations or []]
    if i:
        out += [", ".join(filter(None, (f"Customer resource: {r.name}", r.role, r.time_commitment)))
                for r in i.customer_resources or []]
        out += [f"Dependency: {x}" for x in i.dependencies or []]
        out += [f"Constraint: {x}" for x in i.constraints or []]
    return out


def _commitments(d: Dossier, sched: Schedule) -> list[str]:
    out = [f"{c.kind.value.capitalize()}: {c.what}" + (f" (due {day(c.due)})" if c.due else "")
           + ("" if c.cs_validated else " [not yet validated by CS]") for c in d.commitments or []]
    r = d.risks
    if r:
        out += [f"Special consideration: {x}" for x in r.special_considerations or []]
        out += [f"Red flag: {x}" for x in r.red_flags or []]
        out += [f"Risk ({x.severity.value}): {x.risk}" for x in r.entries or []
                if x.severity in (Level.HIGH, Level.CRITICAL)]
    return out


def _open_points(d: Dossier, sched: Schedule) -> list[str]:
    validation = d.technical.validation if d.technical else None
    out = [f"Open question: {q}" for q in validation.open_questions or []] if validation else []
    if d.risks:
        out += [f"Open objection: {o.objection}" for o in d.risks.objections or [] if o.open]
    return out


def _first_value(d: Dossier, sched: Schedule) -> list[str]:
    target = first_value(d, sched)
    if target is None:
        return ["Agree the first value milestone and its date"]
    when, name = target
    if name:
        return [f"Confirm the first value milestone: {name} by {day(when)}"]
    return [f"Agree the first value milestone, reachable by {day(when)}"]


def _intro(d: Dossier, sched: Schedule) -> list[str]:
    clock = sched.runs("intro_email")
    return [f"Agree how the customer is introduced (intro email {rule(clock)})"] if clock else []


def _fixed(*lines: str) -> Items:
    return lambda d, sched: list(lines)


def _then(*parts: Items) -> Items:
    return lambda d, sched: [line for part in parts for line in part(d, sched)]


# meeting -> (title, clock, participants, [(section, minutes, items)]); the deadline and its rule come from the
# clock as `handoff sla` computes it.
# internal and joint follow the method's time boxes (the joint call is billed as 30 minutes, but its own
# boxes add up to 35: the boxes are kept and the total is shown); the kickoff's 60 minutes and topics
# follow the enterprise playbook.
MEETINGS: dict[str, tuple[str, str, tuple[str, ...], tuple[tuple[str, int, Items], ...]]] = {
    "internal": ("Internal knowledge transfer", "internal_meeting",
                 ("sales rep", "CSM", "CS manager", "sales manager (optional)"), (
        ("Customer background", 5, _background),
        ("Stakeholders", 10, _stakeholders),
        ("Goals and success criteria", 10, _goals),
        ("Implementation context", 10, _implementation),
        ("Commitments and special considerations", 5, _commitments),
        ("Questions and next steps", 5, _then(_open_points, _intro, _fixed("Set the date of the kickoff"))),
    )),
    "joint": ("Joint transition meeting", "joint_meeting",
              ("customer champion and relevant stakeholders", "CSM (lead)", "sales rep (supporting)",
               "implementation specialist (optional)"), (
        ("Welcome and introductions", 5, _fixed("CS team introduces itself and its role",
                                                "Sales rep reaffirms the recommendation")),
        ("Goals confirmation", 5, _goals),
        ("Implementation overview", 10, _implementation),
        ("Stakeholder alignment", 5, _then(_stakeholders, _fixed("Who else needs to be involved, and when?"))),
        ("Next steps and kickoff scheduling", 5, _fixed("Schedule the implementation kickoff",
                                                        "Pre-work and preparation needed",
                                                        "What to expect in the first two weeks")),
        ("Questions and concerns", 5, _open_points),
    )),
    "kickoff": ("Implementation kickoff", "kickoff",
                ("customer champion and project team", "CSM (lead)", "implementation specialist",
                 "sales rep (optional)"), (
        ("Goals and success criteria", 10, _goals),
        ("Technical setup and integrations", 15, _implementation),
        ("Stakeholder roles and communication", 10, _stakeholders),
        ("Commitments and risks", 10, _commitments),
        ("First value milestone (days 15-30)", 10, _first_value),
        ("Next steps and the first QBR", 5, _then(_open_points, _fixed(
            "Put the first QBR on the calendar (about day 90)", "Confirm the check-in cadence"))),
    )),
}


def agenda(dossier: Dossier, meeting: str, sched: Schedule) -> Agenda:
    """The agenda; the meeting's clock must run for the deal (cli/render.py refuses one its playbook drops)."""
    title, clock, participants, sections = MEETINGS[meeting]
    runs = sched.runs(clock)
    assert runs is not None
    due = next((k for k in key_dates(dossier, sched) if k.key == clock.replace("_", "-")), None)
    when = None if due is None else moment(due.due)
    built = [Section(name, minutes, items(dossier, sched)) for name, minutes, items in sections]
    return Agenda(meeting, title, dossier.deal.account, dossier.deal.id, sum(s.minutes for s in built), when,
                  rule(runs), list(participants), built)
