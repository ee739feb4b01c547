"""Meeting agendas with their time boxes (docs/method.md, the process), filled with this deal's facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from handoff_cli.model import Dossier
from handoff_cli.model.common import Level
from handoff_cli.model.stakeholders import Stakeholder
from handoff_cli.render.documents import Line, criterion, criterion_of, day, moment
from handoff_cli.render.internal_lines import PREP, Items, objections, personal, politics, said, then
from handoff_cli.render.timeline import Schedule, first_value, key_dates, rule


@dataclass(frozen=True)
class Section:
    title: str
    minutes: int
    items: list[Line]
    key: str                # stable name of the section, for templates in other languages


@dataclass(frozen=True)
class Agenda:
    meeting: str
    title: str
    account: str
    deal_id: str | None     # our CRM's id: internal documents only
    minutes: int
    when: str | None        # the deadline in English, when the signature date is known
    rule: str               # the clock it answers to
    participants: list[str]
    sections: list[Section]
    due: datetime | None = None  # the deadline itself, for `| date` in other languages
    timed: bool = False          # True: the time of day matters
    within: tuple[float, str] | None = None  # the clock's target (amount, unit), for other languages to word
    internal: bool = False       # True: for our team only, and says so in its first line
    prep: list[Line] = field(default_factory=list)  # the CSM's preparation before a meeting with the customer


def _stakeholder(s: Stakeholder) -> Line:
    # the customer's view keeps only the roles a person agreed to take (render/customer_view.py)
    label = ", ".join(filter(None, (s.role.value.replace("-", " ") if s.role else None, s.title)))
    text = s.name + (f" ({label})" if label else "")
    if s.goals:
        text += ". Goals: " + "; ".join(s.goals)
    text += f". Prefers {s.channel.value}" if s.channel else ""
    return Line("stakeholder", text, {"name": s.name, "role": s.role.value if s.role else None, "title": s.title,
                                      "goals": list(s.goals or []), "channel": s.channel.value if s.channel else None})


def _background(d: Dossier, sched: Schedule) -> list[Line]:
    c = d.customer
    company, purchase = (c.company, c.purchase) if c else (None, None)
    industry = company.industry if company and company.industry else None
    out = [Line("account", f"{d.deal.account}: {industry}" if industry else d.deal.account,
                {"account": d.deal.account, "industry": industry})]
    if purchase and purchase.why_us:
        out.append(said("why-us", "Why us", purchase.why_us))
    if purchase and purchase.why_now:
        out.append(said("why-now", "Why now", purchase.why_now))
    if purchase and purchase.alternatives:
        out.append(Line("alternatives", "Alternatives evaluated: " + ", ".join(purchase.alternatives),
                        {"names": list(purchase.alternatives)}))
    return out


def _stakeholders(d: Dossier, sched: Schedule) -> list[Line]:
    return [_stakeholder(s) for s in d.stakeholders or []]


def _goals(d: Dossier, sched: Schedule) -> list[Line]:
    g = d.goals
    if g is None:
        return []
    out = [said("problem", "Problem", g.problem)] if g.problem else []
    out += [said("outcome", "Outcome", o) for o in g.outcomes or []]
    out += [Line("criterion", f"Success criterion: {criterion(c)}", {"criterion": criterion_of(c)})
            for c in g.success_criteria or []]
    return out


def _implementation(d: Dossier, sched: Schedule) -> list[Line]:
    i, t = d.implementation, d.technical
    out = []
    if i:
        if i.start or i.go_live:
            out.append(Line("dates", f"Start {day(i.start) if i.start else 'not set'}, "
                                     f"go-live {day(i.go_live) if i.go_live else 'not set'}",
                            {"start": i.start, "go_live": i.go_live}))
        out += [Line("milestone", f"Milestone: {m.name}" + (f" by {day(m.due)}" if m.due else ""),
                     {"name": m.name, "due": m.due}) for m in i.milestones or []]
    if t:
        out += [Line("integration", f"Integration: {x.system}" + (f" ({x.purpose})" if x.purpose else ""),
                     {"system": x.system, "purpose": x.purpose}) for x in t.integrations or []]
    if i:
        out += [Line("resource", ", ".join(filter(None, (f"Customer resource: {r.name}", r.role, r.time_commitment))),
                     {"name": r.name, "role": r.role, "time": r.time_commitment}) for r in i.customer_resources or []]
        out += [said("dependency", "Dependency", x) for x in i.dependencies or []]
        out += [said("constraint", "Constraint", x) for x in i.constraints or []]
    return out


def _commitments(d: Dossier, sched: Schedule) -> list[Line]:
    out = [Line("commitment", f"{c.kind.value.capitalize()}: {c.what}" + (f" (due {day(c.due)})" if c.due else "")
                + ("" if c.cs_validated else " [not yet validated by CS]"),
                {"type": c.kind.value, "what": c.what, "due": c.due, "validated": bool(c.cs_validated)})
           for c in d.commitments or []]
    r = d.risks
    if r:
        out += [said("special-consideration", "Special consideration", x) for x in r.special_considerations or []]
        out += [said("red-flag", "Red flag", x) for x in r.red_flags or []]
        out += [Line("risk", f"Risk ({x.severity.value}): {x.risk}", {"severity": x.severity.value, "text": x.risk})
                for x in r.entries or [] if x.severity in (Level.HIGH, Level.CRITICAL)]
    return out


def _agreed(d: Dossier, sched: Schedule) -> list[Line]:
    """The customer's kickoff: the commitments CS validated, as agreed scope, and any risk the customer raised."""
    out = [Line("agreed-scope", f"Agreed {c.kind.value}: {c.what}" + (f" (due {day(c.due)})" if c.due else ""),
                {"type": c.kind.value, "what": c.what, "due": c.due}) for c in d.commitments or []]
    entries = d.risks.entries if d.risks else None
    out += [Line("raised-risk", f"Risk raised: {x.risk}" + (f" (mitigation: {x.mitigation})" if x.mitigation else ""),
                 {"text": x.risk, "mitigation": x.mitigation}) for x in entries or []]
    return out


def _open_points(d: Dossier, sched: Schedule) -> list[Line]:
    validation = d.technical.validation if d.technical else None
    out = [said("open-question", "Open question", q) for q in validation.open_questions or []] if validation else []
    if d.risks:
        out += [said("open-objection", "Open objection", o.objection) for o in d.risks.objections or [] if o.open]
    return out


def _first_value(d: Dossier, sched: Schedule) -> list[Line]:
    target = first_value(d, sched)
    if target is None:
        return [Line("first-value", "Agree the first value milestone and its date", {"name": None, "due": None})]
    when, name = target
    if name:
        text = f"Confirm the first value milestone: {name} by {day(when)}"
    else:
        text = f"Agree the first value milestone, reachable by {day(when)}"
    return [Line("first-value", text, {"name": name, "due": when})]


def _intro(d: Dossier, sched: Schedule) -> list[Line]:
    clock = sched.runs("intro_email")
    if clock is None:
        return []
    return [Line("agree-intro", f"Agree how the customer is introduced (intro email {rule(clock)})",
                 {"amount": clock.amount, "unit": clock.unit.value})]


def _fixed(*lines: tuple[str, str]) -> Items:
    """Lines every agenda of a meeting has: (key, English); other languages word them by key."""
    return lambda d, sched: [Line("fixed", english, {"key": key}) for key, english in lines]


# meeting -> (title, clock, participants, [(section key, section, minutes, items)]); the deadline and its rule
# come from the clock as `handoff sla` computes it.
# internal and joint follow the method's time boxes (the joint call is billed as 30 minutes, but its own
# boxes add up to 35: the boxes are kept and the total is shown); the kickoff's 60 minutes and topics
# follow the enterprise playbook. Section and line keys are what templates in other languages word.
MEETINGS: dict[str, tuple[str, str, tuple[str, ...], tuple[tuple[str, str, int, Items], ...]]] = {
    "internal": ("Internal knowledge transfer", "internal_meeting",
                 ("sales rep", "CSM", "CS manager", "sales manager (optional)"), (
        ("background", "Customer background", 5, _background),
        ("stakeholders", "Stakeholders", 10, then(_stakeholders, politics)),
        ("goals", "Goals and success criteria", 10, then(_goals, personal)),
        ("implementation", "Implementation context", 10, _implementation),
        ("commitments", "Commitments and special considerations", 5, then(_commitments, objections)),
        ("next-steps", "Questions and next steps", 5, then(_open_points, _intro, _fixed(
            ("set-kickoff", "Set the date of the kickoff")))),
    )),
    "joint": ("Joint transition meeting", "joint_meeting",
              ("customer champion and relevant stakeholders", "CSM (lead)", "sales rep (supporting)",
               "implementation specialist (optional)"), (
        ("welcome", "Welcome and introductions", 5, _fixed(
            ("cs-introduces", "CS team introduces itself and its role"),
            ("rep-reaffirms", "Sales rep reaffirms the recommendation"))),
        ("goals", "Goals confirmation", 5, _goals),
        ("implementation", "Implementation overview", 10, _implementation),
        ("stakeholders", "Stakeholder alignment", 5, then(_stakeholders, _fixed(
            ("who-else", "Who else needs to be involved, and when?")))),
        ("next-steps", "Next steps and kickoff scheduling", 5, _fixed(
            ("schedule-kickoff", "Schedule the implementation kickoff"),
            ("pre-work", "Pre-work and preparation needed"),
            ("first-two-weeks", "What to expect in the first two weeks"))),
        ("questions", "Questions and concerns", 5, _open_points),
    )),
    "kickoff": ("Implementation kickoff", "kickoff",
                ("customer champion and project team", "CSM (lead)", "implementation specialist",
                 "sales rep (optional)"), (
        ("goals", "Goals and success criteria", 10, _goals),
        ("technical", "Technical setup and integrations", 15, _implementation),
        ("stakeholders", "Stakeholder roles and communication", 10, _stakeholders),
        ("commitments", "Agreed scope and risks raised", 10, _agreed),
        ("first-value", "First value milestone (days 15-30)", 10, _first_value),
        ("next-steps", "Next steps and the first QBR", 5, then(_open_points, _fixed(
            ("first-qbr", "Put the first QBR on the calendar (about day 90)"),
            ("cadence", "Confirm the check-in cadence")))),
    )),
}


def agenda(dossier: Dossier, meeting: str, sched: Schedule, *, shown: Dossier | None = None,
           prep: bool = False) -> Agenda:
    """The agenda; the meeting's clock must run for the deal (cli/render.py refuses one its playbook drops).

    The internal meeting's agenda is built from the whole dossier. A meeting with the customer is built from
    `shown`, the customer's view (render/customer_view.py); with `prep`, it is the CSM's preparation: the
    customer's agenda, and first what to steer around and settle, from the whole dossier."""
    title, clock, participants, sections = MEETINGS[meeting]
    runs = sched.runs(clock)
    assert runs is not None
    key = next((k for k in key_dates(dossier, sched) if k.key == clock.replace("_", "-")), None)
    when, due = (None, None) if key is None else (moment(key.due), key.due)
    source = dossier if shown is None else shown
    built = [Section(name, minutes, items(source, sched), k) for k, name, minutes, items in sections]
    internal = shown is None or prep
    title = f"{title} (CSM preparation)" if prep else title
    return Agenda(meeting, title, dossier.deal.account, dossier.deal.id if internal else None,
                  sum(s.minutes for s in built), when, rule(runs), list(participants), built, due, True,
                  (runs.amount, runs.unit.value), internal, PREP(dossier, sched) if prep else [])
