"""The lines of the 30-60-90 plan: each a `Line` with its kind and facts, its English wording as `str()`.

Templates in other languages word them by kind through `words.line()` (see words.de.txt.j2 and
docs/languages.md); the English templates print `{{ item }}`.
"""

from __future__ import annotations

from datetime import date, timedelta

from handoff_cli.model import Dossier
from handoff_cli.model.common import Level
from handoff_cli.model.risks import Risk
from handoff_cli.render.cadence import CADENCE, check_ins
from handoff_cli.render.documents import Line, criterion, criterion_of, day
from handoff_cli.render.timeline import KeyDate, Schedule, first_value, next_business_day

# risks listed most severe first
SEVERITY = {Level.CRITICAL: 0, Level.HIGH: 1, Level.MEDIUM: 2, Level.LOW: 3}


def dated(on: date, line: Line) -> Line:
    """The line as the plan lists it under a week: `Mon 2026-11-16: ...`, with its day as the fact `on`."""
    return Line(line.kind, f"{day(on)}: {line.english}", {**line.facts, "on": on})


def risk(r: Risk) -> Line:
    return Line("risk-to-manage", f"{r.risk} ({r.severity.value}): {r.mitigation or 'no mitigation yet'}",
                {"text": r.risk, "severity": r.severity.value, "mitigation": r.mitigation})


def _deadline(dossier: Dossier, key: KeyDate, planned: str | None) -> Line:
    """A deadline `handoff sla` reports, or the first QBR; the plan words two of them its own way."""
    goals, segment = dossier.goals, dossier.deal.segment
    toward = goals.outcomes[0] if goals and goals.outcomes else None
    title = key.title
    if key.key == "first-value":
        # the deadline of the clock; the dossier's own milestone in the window is listed on its planned day
        title = "First value milestone due" + (f" (planned: {planned})" if planned else
                f" (agree it at kickoff; toward: {toward or 'the main goal'})")
    if key.key == "qbr":
        title = f"{CADENCE[segment].review} (day 90)"
    facts = {"key": key.key, "done": key.done is not None, "segment": segment.value,
             "planned": planned if key.key == "first-value" else None,
             "toward": toward if key.key == "first-value" and not planned else None}
    return Line("deadline", f"{title} (done)" if key.done else title, facts)


# the CSM's own checkpoints: the customer's plan leaves them out
CHECKPOINTS = frozenset({"first-contact", "qbr-scheduled"})


def items(dossier: Dossier, schedule: Schedule, day0: date, keys: list[KeyDate],
          *, customer: bool = False) -> tuple[list[tuple[date, Line]], list[Line]]:
    """Every dated thing the plan shows, in date order (ties keep the order below), and the undated ones."""
    impl, goals, cadence, cal = dossier.implementation, dossier.goals, CADENCE[dossier.deal.segment], schedule.cal
    assert goals is not None
    segment = dossier.deal.segment.value
    on_day: list[tuple[date, Line]] = []
    undated: list[Line] = []
    value = first_value(dossier, schedule)
    first_name = value[1] if value else None
    for key in keys:
        if key.key in ("internal-meeting", "intro-email") or (customer and key.key in CHECKPOINTS):
            continue  # the rep's deadlines: the calendar has them, the onboarding plan does not
        # a step already logged shows on the day it happened, not on its deadline
        on_day.append(((key.done or key.due).date(), _deadline(dossier, key, first_name)))
    for m in impl.milestones or [] if impl else []:
        is_first = first_name == m.name and value is not None and m.due == value[0]
        label = ("First value milestone: " if is_first else "Milestone: ") + m.name
        label += f" (exit: {m.exit_criteria})" if m.exit_criteria else ""
        line = Line("planned-milestone", label, {"name": m.name, "exit": m.exit_criteria, "first_value": is_first})
        if m.due:
            on_day.append((m.due, line))
        else:
            undated.append(line)
    if impl and impl.go_live:
        on_day.append((impl.go_live, Line("go-live", "Go-live target")))
    for t in impl.training or [] if impl else []:
        # the customer's view may leave out who is trained: the line then names the format alone
        said = ", ".join(filter(None, (t.audience, t.format)))
        line = Line("training", f"Training: {said}" if said else "Training",
                    {"audience": t.audience, "format": t.format})
        if t.date:
            on_day.append((t.date, line))
        else:
            undated.append(line)
    for c in dossier.commitments or []:
        if c.due and customer:  # the customer's view holds only agreed scope (render/customer_view.py)
            on_day.append((c.due, Line("agreed-scope-due", f"Agreed scope due: {c.what}", {"what": c.what})))
        elif c.due:
            label = f"Commitment due: {c.what}" + (f" (owner: {c.owner})" if c.owner else "")
            label += "" if c.cs_validated else " [not yet validated by CS]"
            on_day.append((c.due, Line("commitment-due", label,
                                       {"what": c.what, "owner": c.owner, "validated": bool(c.cs_validated)})))
    for s in goals.success_criteria or []:
        if s.by:
            on_day.append((s.by, Line("criterion-due", f"Success criterion due: {criterion(s, dated=False)}",
                                      {"criterion": criterion_of(s)})))
    every, playbook, until = check_ins(cadence, schedule.check_in_days)
    if every:
        # the playbook's own cadence keeps its name; a cadence set in handoff.toml is said in days
        name = cadence.check_in if playbook and cadence.check_in else f"Check-in (every {every} days)"
        for n in range(every, until + 1, every):
            on_day.append((next_business_day(cal, day0 + timedelta(days=n)),
                           Line("check-in", name, {"segment": segment, "every_days": every, "playbook": playbook})))
    for n, key_name, what in cadence.touchpoints:
        on_day.append((next_business_day(cal, day0 + timedelta(days=n)), Line("touchpoint", what, {"key": key_name})))
    # rep's hand-back note to the customer at 30-45 days (docs/method.md, other clocks): a checkpoint of ours
    if not customer:
        on_day.append((next_business_day(cal, day0 + timedelta(days=30)),
                       Line("hand-back", "Sales rep's hand-back note to the champion")))
    on_day.sort(key=lambda pair: pair[0])  # stable: same-day items keep the order above
    return on_day, undated
