"""Every deal x clock of a set of dossiers, most urgent first: the data behind `handoff sla`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from handoff_cli.clocks.businessdays import calendar_for
from handoff_cli.clocks.clocks import NAMES, clocks_for
from handoff_cli.clocks.evaluate import ClockStatus, SlaResult, Status, evaluate, later, signed
from handoff_cli.clocks.follow_ups import follow_ups
from handoff_cli.clocks.meeting_order import kickoff_too_early
from handoff_cli.clocks.overdue import ItemLines, item_lines, overdue, owed_items
from handoff_cli.core.errors import DossierInvalid, InputError
from handoff_cli.core.moments import deal_zone
from handoff_cli.core.printable import printable
from handoff_cli.core.sla_settings import parse
from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.model import Dossier
from handoff_cli.model.progress import Waiver
from handoff_cli.repo.files import expand
from handoff_cli.settings import Project

# a moment after every logged event: documents show what was logged, whenever they are rendered
_EVERYTHING_LOGGED = datetime.max.replace(tzinfo=UTC)


def waived(dossier: Dossier, project: Project, *, as_of: datetime) -> list[Waiver]:
    """The waivers in force at `as_of` that name a clock: that clock does not run for the deal."""
    found = (dossier.handoff.waivers if dossier.handoff else None) or ()
    if as_of >= _EVERYTHING_LOGGED:
        return []  # every waiver has expired by then
    today = as_of.astimezone(deal_zone(project.settings, dossier.deal)).date()
    return [w for w in found if w.rule in NAMES and w.expires >= today]


def deal_clocks(dossier: Dossier, project: Project, *, as_of: datetime, path: str) -> list[ClockStatus]:
    """One deal's clocks under the project's settings (its segment's and kind's targets, calendar and at-risk
    share), without the clocks a waiver in force names."""
    sla = project.settings.sla
    off = {w.rule for w in waived(dossier, project, as_of=as_of)}
    clocks = tuple(c for c in clocks_for(dossier.deal.segment, sla, dossier.deal.kind) if c.name not in off)
    cal = calendar_for(project.settings, dossier.deal)
    rows = evaluate(dossier, clocks, as_of=as_of, cal=cal, at_risk=sla.at_risk, path=path)
    if sla.escalate_after == "off":
        return rows
    amount, unit = parse(sla.escalate_after)
    manager = dossier.deal.cs_manager
    to = manager.name if manager else sla.escalation_owner or "(no cs_manager or escalation_owner set)"
    # a breach past the grace goes up to the CS manager, so that a missed step is not left to the one who missed it
    return [replace(r, escalate_to=to) if r.status is Status.BREACHED and r.due and later(r.due, amount, unit, cal)
            < as_of else r for r in rows]


def deal_schedule(dossier: Dossier, project: Project) -> list[ClockStatus]:
    """The deal's running clocks with their due dates and logged stops, computed exactly as `handoff sla` does:
    the plan, the agendas and the calendar take their dates from here."""
    return [c for c in deal_clocks(dossier, project, as_of=_EVERYTHING_LOGGED, path="") if c.start is not None]


def sla_table(
    paths: Sequence[Path], project: Project, *, as_of: datetime, stdin: tuple[bytes, str] | None = None,
    items: bool = True,
) -> SlaResult:
    """A file that is not a valid dossier is listed as skipped, not fatal: one bad file must not hide the rest.

    `stdin`: the one dossier read from standard input and its name, instead of `paths`.
    `items`: also the commitments, milestones and checklist items past due and still owed."""
    result = SlaResult(as_of, project.settings.timezone, overdue=[] if items else None)
    raw, shown = stdin or (None, None)
    for path in [Path(shown)] if shown else expand(paths):
        try:
            dossier, positions = load_dossier(path, project, raw=raw, display=shown)
        except DossierInvalid as exc:
            result.invalid.append(exc)
            continue
        except InputError as exc:  # unreadable: skipped, and the rest still reported
            result.unreadable.append(str(exc))
            continue
        add_deal(result, dossier, project, path=str(path), lines=item_lines(dossier, positions))
    return finish(result)


def add_deal(result: SlaResult, dossier: Dossier, project: Project, *, path: str, lines: ItemLines) -> None:
    """One deal's rows, waivers, follow-ups and overdue items into `result`; `lines`: where its dated items are."""
    as_of = result.as_of
    if not signed(dossier):
        result.unsigned.append(f"{path}: {dossier.deal.id} is not signed yet; its clocks have not started")
    result.rows.extend(deal_clocks(dossier, project, as_of=as_of, path=path))
    tz = deal_zone(project.settings, dossier.deal)
    result.waived += [f"{path}: {dossier.deal.id}'s {w.rule} clock is waived until {w.expires} by {w.approved_by}: "
                      f"{w.reason}" for w in waived(dossier, project, as_of=as_of)]
    result.follow_ups.extend(follow_ups(dossier, tz=tz, as_of=as_of, path=path,
                                        target=project.settings.survey_target,
                                        grace_days=project.settings.survey_grace_days))
    if result.overdue is not None and signed(dossier):
        owed = owed_items(dossier, path=path, lines=lines)
        result.overdue.extend(overdue(owed, as_of.astimezone(tz).date()))


def finish(result: SlaResult) -> SlaResult:
    """Most urgent first, once every deal is in."""
    result.rows.sort(key=ClockStatus.sort_key)
    result.follow_ups.sort(key=lambda f: (f.at, f.path))
    if result.overdue:
        result.overdue.sort(key=lambda late: (-late.days, late.item.path, late.item.title))
    return result


def order_warnings(rows: Sequence[ClockStatus]) -> list[str]:
    """One warning per deal whose kickoff falls due before the joint transition meeting that books it (holidays
    can push the joint meeting late): the kickoff clock's date cannot be kept, and the plan moves the kickoff."""
    by_deal: dict[str, dict[str, ClockStatus]] = {}
    for row in rows:
        by_deal.setdefault(row.path, {})[row.clock.name] = row
    out = []
    for path, clocks in by_deal.items():
        joint, kickoff = clocks.get("joint_meeting"), clocks.get("kickoff")
        if joint is None or kickoff is None:
            continue
        held = joint.done or joint.due
        if held is not None and kickoff.due is not None and kickoff_too_early(
            joint=held, kickoff_due=kickoff.due, kickoff_done=kickoff.done
        ):
            out.append(f"handoff: warning: {printable(path)}: the kickoff is due {kickoff.due.date()}, before the "
                       f"joint transition meeting ({held.date()}) that books it; book the kickoff after it")
    return out
