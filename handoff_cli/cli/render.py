"""`handoff render intro|plan|agenda|calendar`: dossier -> documents.

Rendering code is imported by the command that runs, not at start-up (see cli/options.py).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from handoff_cli.cli import render_steps as steps
from handoff_cli.cli.options import ConfigOpt, moment, project
from handoff_cli.cli.options import ForceOpt as Force
from handoff_cli.cli.options import OutOpt as Out
from handoff_cli.cli.stdin_args import StdinNameOpt

render_app = typer.Typer(
    name="render", no_args_is_help=True,
    help="Turn a dossier into the documents a handoff needs: intro email, plan, agendas, calendar.")


class IntroFormat(StrEnum):
    TXT = "txt"
    EML = "eml"


class DocFormat(StrEnum):
    MD = "md"
    HTML = "html"


class Sender(StrEnum):
    REP = "rep"
    CSM = "csm"


class Reader(StrEnum):
    CUSTOMER = "customer"
    CSM = "csm"


class Meeting(StrEnum):
    INTERNAL = "internal"
    JOINT = "joint"
    KICKOFF = "kickoff"


Deal = Annotated[
    Path,
    typer.Argument(help="The dossier to render, e.g. deals/acme.yaml; '-' reads it from stdin.", show_default=False),
]
Stamp = Annotated[str | None, typer.Option(
    "--date", metavar="DATETIME", show_default=False,
    help="The message's Date / the calendar's DTSTAMP (ISO 8601, e.g. 2026-11-10T09:00); default: now.")]
DocFormatOpt = Annotated[DocFormat, typer.Option("--format", "-f", help="Markdown, or a self-contained HTML page.")]
ForOpt = Annotated[Reader | None, typer.Option(
    "--for", show_default=False,
    help="Who reads it: customer (only what the customer may see) or csm (our team; says 'Internal — do not "
         "forward').")]


@render_app.command()
def intro(
    deal: Deal,
    sender: Annotated[Sender, typer.Option("--from", help="Who writes: the sales rep, or the CSM.")] = Sender.REP,
    format: Annotated[IntroFormat, typer.Option("--format", "-f", help="txt or an .eml draft.")] = IntroFormat.TXT,
    out: Out = None,
    force: Force = False,
    date: Stamp = None,
    config: ConfigOpt = None,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """The warm intro email to the customer's champion, introducing the CSM as the primary contact.

    txt prints a Subject line and the body to paste into a mail client.

    eml writes an RFC 5322 draft (From, To = champion, Cc, Subject, UTF-8 body) that mail clients open ready to send.

    --from csm renders the variant in which the CSM introduces themself (the rep goes in Cc).

    Written in the customer's language: deal.language, else `language` in handoff.toml.

    Examples:

      handoff render intro deals/acme.yaml

      handoff render intro deals/acme.yaml --from csm --format eml --out acme-intro.eml
    """
    from handoff_cli.core.moments import deal_zone
    from handoff_cli.render import documents, eml, engine, needs
    from handoff_cli.render.customer_view import customer_dossier

    proj = project(config)
    name = "intro_email_csm.txt.j2" if sender is Sender.CSM else "intro_email.txt.j2"
    dossier = steps.dossier(deal, proj, needs.INTRO_EML if format is IntroFormat.EML else needs.INTRO, name,
                           stdin_filename)
    # the intro goes to the customer: built from their view of the dossier, as every customer document is
    view = documents.intro(customer_dossier(dossier))
    env, chosen = steps.in_language(proj, name, steps.customer_language(proj, dossier))
    context = {"intro": view, "dossier": steps.data_for(env, dossier, customer=True)}
    if format is IntroFormat.TXT:
        steps.emit(engine.render(env, chosen, context), out, force, proj)
        return
    writer, copied = (view.csm, view.rep) if sender is Sender.CSM else (view.rep, view.csm)
    stamp = moment(date, deal_zone(proj.settings, dossier.deal))
    text = eml.message(sender=writer, to=view.champion, cc=copied,
                       subject=engine.render(env, chosen, context, block="subject"),
                       body=engine.render(env, chosen, context, block="body"), date=stamp,
                       language=str(env.globals["language"]))
    steps.emit(text, out, force, proj)


@render_app.command()
def plan(deal: Deal, format: DocFormatOpt = DocFormat.MD, reader: ForOpt = None, out: Out = None,
         force: Force = False, config: ConfigOpt = None, stdin_filename: StdinNameOpt = None) -> None:
    """The 30-60-90 day onboarding plan: dated weeks from the logged kickoff (or the contract signature).

    --for csm (default): the CSM's plan from the whole dossier, with risks, mitigations and our own checkpoints.

    --for customer: the customer's plan: their milestones, meetings, success criteria and agreed scope.

    The CSM's plan is in the team's language; the customer's in theirs (deal.language).

    The first value milestone falls on its `handoff sla` date; then the check-in cadence and the QBR at day 90.

    Dates respect the deal's time zone and public holidays (deal.timezone, deal.holidays, else handoff.toml).

    Examples:

      handoff render plan deals/acme.yaml

      handoff render plan deals/acme.yaml --for customer --format html --out acme-plan.html
    """
    from handoff_cli.render import needs
    from handoff_cli.render.customer_view import customer_dossier
    from handoff_cli.render.plan import plan as build_plan
    from handoff_cli.render.timeline import in_order, key_dates

    proj = project(config)
    name = f"plan_30_60_90.{format.value}.j2"
    dossier = steps.dossier(deal, proj, needs.PLAN, name, stdin_filename)
    schedule = steps.schedule(dossier, proj)
    steps.warn_order(deal, in_order(key_dates(dossier, schedule), schedule.cal))
    customer = reader is Reader.CUSTOMER
    view = build_plan(customer_dossier(dossier), schedule, customer=True) if customer else build_plan(dossier, schedule)
    tag = steps.customer_language(proj, dossier) if customer else proj.settings.language
    steps.emit(steps.render(proj, name, tag, {"plan": view}, dossier, customer=customer), out, force, proj)


@render_app.command()
def agenda(
    deal: Deal,
    meeting: Annotated[Meeting, typer.Option("--meeting", "-m", help="Which meeting.", show_default=False)],
    format: DocFormatOpt = DocFormat.MD,
    reader: ForOpt = None,
    out: Out = None,
    force: Force = False,
    config: ConfigOpt = None,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """A meeting agenda with its time boxes, filled with this deal's stakeholders, goals, commitments and risks.

    internal: the 45-minute knowledge transfer, rep to CSM (by default within 24 h of signature).

    joint: the transition call with the customer, 30-35 minutes (by default within 5 business days).

    kickoff: the 60-minute implementation kickoff (by default within 7 days).

    --for: joint and kickoff go to the customer by default; internal is for our team only.

    --for csm: the CSM's preparation for a meeting with the customer, marked internal.

    It lists risks, promises to settle, objections and how they were handled, politics, ROI and personal wins.

    The deadline is the one `handoff sla` reports.

    A meeting the deal's segment playbook switches off (SMB: internal and joint) is refused.

    For the customer: written in the customer's language (deal.language); for the CSM, in the team's.

    Examples:

      handoff render agenda deals/acme.yaml --meeting internal

      handoff render agenda deals/acme.yaml -m joint --format html --out joint.html

      handoff render agenda deals/acme.yaml -m kickoff --for csm
    """
    from handoff_cli.core.errors import InputError
    from handoff_cli.render import agendas, needs
    from handoff_cli.render.customer_view import customer_dossier

    internal = meeting is Meeting.INTERNAL
    if internal and reader is Reader.CUSTOMER:
        raise InputError("the internal knowledge transfer has no customer agenda; use --for csm or leave --for out")
    customer = reader is Reader.CUSTOMER or (reader is None and not internal)

    proj = project(config)
    name = f"agenda_{meeting.value}.{format.value}.j2"
    dossier = steps.dossier(deal, proj, needs.AGENDA[meeting.value], name, stdin_filename)
    schedule = steps.schedule(dossier, proj)
    clock = agendas.MEETINGS[meeting.value][1]
    if schedule.runs(clock) is None:
        segment = dossier.deal.segment.value
        raise InputError(f"the {segment} playbook has no {clock.replace('_', ' ')} ({clock} is off in [sla] for "
                         f"{segment}); nothing to put on an agenda", path=str(deal))
    shown = None if internal else customer_dossier(dossier)
    view = agendas.agenda(dossier, meeting.value, schedule, shown=shown, prep=not internal and not customer)
    tag = steps.customer_language(proj, dossier) if customer else proj.settings.language
    steps.emit(steps.render(proj, name, tag, {"agenda": view}, dossier, customer=customer), out, force, proj)


@render_app.command()
def calendar(
    deal: Deal, reader: ForOpt = None, out: Out = None, force: Force = False, date: Stamp = None,
    config: ConfigOpt = None, stdin_filename: StdinNameOpt = None,
) -> None:
    """An iCalendar (.ics) file with the handoff's deadlines, to import into a calendar.

    --for csm (default): an all-day event per clock the deal's segment runs, on its `handoff sla` date.

    It adds the first QBR at about day 90, is marked internal and is in the team's language.

    It also carries each commitment, milestone and checklist item's due date.

    --for customer: only the meetings the customer attends (joint meeting, kickoff, first QBR).

    It holds nothing internal and is in the customer's language (deal.language).

    Re-importing a newer file updates the events rather than duplicating them.

    Examples:

      handoff render calendar deals/acme.yaml --out acme.ics

      handoff render calendar deals/acme.yaml --for customer --out acme-meetings.ics
    """
    from handoff_cli.render import ics, needs
    from handoff_cli.render.calendar_words import calendar_words
    from handoff_cli.render.item_dates import item_dates
    from handoff_cli.render.timeline import in_order, key_dates

    proj = project(config)
    dossier = steps.dossier(deal, proj, needs.CALENDAR, "the calendar", stdin_filename)
    schedule = steps.schedule(dossier, proj)
    customer = reader is Reader.CUSTOMER
    tag = steps.customer_language(proj, dossier) if customer else proj.settings.language
    env, chosen = steps.in_language(proj, "calendar.txt.j2", tag)
    dates = key_dates(dossier, schedule)
    if customer:  # the customer's meetings, in the order they can happen
        dates = in_order(dates, schedule.cal)
        steps.warn_order(deal, dates)
        dates = [k for k in dates if k.key in ics.MEETINGS]
    else:  # what we owe and track is the CSM's to watch, never the customer's calendar
        dates = [*dates, *item_dates(dossier, schedule.cal.tz)]
    view = steps.data_for(env, dossier, customer=customer)
    name, words = calendar_words(env, chosen, dossier, schedule, view, customer=customer)
    text = ics.calendar(dossier, dates, stamp=moment(date, schedule.cal.tz), name=name, words=words,
                        customer=customer)
    steps.emit(text, out, force, proj)
