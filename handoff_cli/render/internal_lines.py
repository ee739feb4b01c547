"""Lines only our own team reads: politics, ROI expectations, personal wins, objections and how they were handled,
the risks to steer around and the promises to settle before a meeting with the customer."""

from __future__ import annotations

from collections.abc import Callable

from handoff_cli.model import Dossier
from handoff_cli.render.documents import Line
from handoff_cli.render.plan_lines import SEVERITY, risk
from handoff_cli.render.timeline import Schedule

Items = Callable[[Dossier, Schedule], list[Line]]


def said(kind: str, label: str, text: str) -> Line:
    """A line that is a label and a text from the dossier: `Why us: ...`."""
    return Line(kind, f"{label}: {text}", {"text": text})


def then(*parts: Items) -> Items:
    return lambda d, sched: [line for part in parts for line in part(d, sched)]


def objections(d: Dossier, sched: Schedule) -> list[Line]:
    out = []
    for o in d.risks.objections or [] if d.risks else []:
        text = f"Objection: {o.objection}" + (f"; handled: {o.handled}" if o.handled else "")
        out.append(Line("objection", text + (" [still open]" if o.open else ""),
                        {"text": o.objection, "handled": o.handled, "open": bool(o.open)}))
    return out


def politics(d: Dossier, sched: Schedule) -> list[Line]:
    out = []
    for s in d.stakeholders or []:
        if s.political_capital:
            out.append(Line("political-capital", f"Political capital {s.name} spent: {s.political_capital}",
                            {"name": s.name, "text": s.political_capital}))
        out += [Line("concern", f"Concern of {s.name}: {c}", {"name": s.name, "text": c}) for c in s.concerns or []]
        if s.how_to_engage:
            out.append(Line("how-to-engage", f"How to engage {s.name}: {s.how_to_engage}",
                            {"name": s.name, "text": s.how_to_engage}))
    return out


def personal(d: Dossier, sched: Schedule) -> list[Line]:
    out = [Line("roi-expectation", f"ROI expectation of {s.name}: {s.roi_expectations}",
                {"name": s.name, "text": s.roi_expectations}) for s in d.stakeholders or [] if s.roi_expectations]
    wins = d.goals.personal_wins if d.goals else None
    for who, text in (("champion", wins.champion if wins else None), ("sponsor", wins.sponsor if wins else None)):
        if text:
            out.append(Line("personal-win", f"Personal win for the {who}: {text}", {"who": who, "text": text}))
    return out


def _unvalidated(d: Dossier, sched: Schedule) -> list[Line]:
    return [Line("unvalidated", f"Settle before the meeting: {c.what} [not yet validated by CS]", {"what": c.what})
            for c in d.commitments or [] if not c.cs_validated]


def _steer_around(d: Dossier, sched: Schedule) -> list[Line]:
    if d.risks is None:
        return []
    entries = sorted(d.risks.entries or [], key=lambda r: SEVERITY[r.severity])
    return [risk(r) for r in entries] + [said("red-flag", "Red flag", x) for x in d.risks.red_flags or []]


# the CSM's preparation for a meeting with the customer: what to steer around and settle first
PREP: Items = then(_steer_around, _unvalidated, objections, politics, personal)
