"""`handoff report`: the portfolio view a CS lead asks for, as text, Markdown, JSON or one HTML page."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from handoff_cli.cli.options import (
    AsOf,
    ConfigOpt,
    ForceOpt,
    NoCacheOpt,
    OutOpt,
    Paths,
    ReportFormat,
    WorkersOpt,
    console,
    dossier_paths,
    moment,
    project,
    say,
    say_skipped,
    tell,
)
from handoff_cli.core.exit_codes import ExitCode
from handoff_cli.portfolio.report_document import Report

if TYPE_CHECKING:
    from rich.console import Console

    from handoff_cli.portfolio.facts import Portfolio
    from handoff_cli.settings import Project


class ReportBy(StrEnum):
    CSM = "csm"


class SiteFor(StrEnum):
    INTERNAL = "internal"
    CUSTOMER = "customer"


def report(
    paths: Paths = None,
    as_of: AsOf = None,
    format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="text for people, md for a wiki, json for scripts, html to attach."),
    ] = ReportFormat.TEXT,
    by: Annotated[
        ReportBy | None,
        typer.Option("--by", help="csm: only the CSM view (open deals, overdue, clocks due within 7 days, due next)."),
    ] = None,
    change_control: Annotated[
        bool | None,
        typer.Option(
            "--change-control/--no-change-control",
            show_default=False,
            help="List, per rep, commitments changed after signature (read from git); default: the change_control "
            "setting, on.",
        ),
    ] = None,
    trend: Annotated[
        int | None,
        typer.Option("--trend", metavar="MONTHS", min=1, max=120, show_default=False,
                     help="Also completeness and on-time rate at the end of each of the last MONTHS months (git)."),
    ] = None,
    site: Annotated[
        Path | None,
        typer.Option("--site", metavar="DIR", show_default=False,
                     help="With --format html: a static site in DIR, an index of deals and a page per dossier."),
    ] = None,
    site_for: Annotated[
        SiteFor,
        typer.Option("--for", help="--site: internal (marked 'Internal — do not forward') or customer pages "
                     "(only what the customer may see)."),
    ] = SiteFor.INTERNAL,
    config: ConfigOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    workers: WorkersOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Report on every handoff for a CS lead: metrics, worst deals, failure patterns, when CS should engage.

    Overall, by segment and by sales rep: completeness, completion rate, time to first contact and to kickoff.

    By CSM: open deals, overdue items, clocks that run out within 7 days, and what is due next (--by csm: only that).

    Also breaches by clock and the costliest gaps (the rules whose misses take the most points off).

    Worst deals first: lowest completeness, then most clocks breached or met late, each with its owner.

    Failure patterns per deal with their evidence, and the CS-engagement advice for every deal.

    For a signed deal it says when CS engaged, against when the rule says it should have.

    Outcomes: the customer's survey rating, time to first value, delivery adherence and 90-day health.

    Retention, churn and expansion by handoff quality at signature (docs/outcomes.md).

    Inside git: per sales rep, the commitments added or changed in commits after signature (--no-change-control: not).

    With --trend MONTHS: completeness and on-time rate by month, from the dossiers as git's history left them.

    Every deal in one table (status, score, next clock due, who acts next), linked to its dossier.

    Due next 7 days: the clocks and owed items that come due within a week of --as-of.

    With --format html --site DIR: a static site, an index and a page per dossier (--for customer: theirs).

    Exit 0; exit 1 when a file could not be read as a dossier (the report still covers the others).

    A report informs, it does not gate on scores or clocks: use `handoff sla` or `handoff validate` in CI.

    Examples:

      handoff report deals/

      handoff report deals/ --format html --out handoff-report.html

      handoff report deals/ --format md --as-of 2026-11-30T09:00

      handoff report deals/ --by csm

      handoff report deals/ --format html --trend 6 --out handoff-report.html

      handoff report deals/ --format html --site handoff-site/
    """
    from handoff_cli.gate.checks import Checker
    from handoff_cli.portfolio.document import csm_document, document
    from handoff_cli.portfolio.facts import collect
    from handoff_cli.portfolio.links import dossier_links
    from handoff_cli.portfolio.outcomes import known_outcomes
    from handoff_cli.portfolio.signature_quality import quality_at_signature
    from handoff_cli.reporters import REPORT, REPORT_BY_CSM

    _check_site(site, format, by, out, site_for)
    proj = project(config)
    targets = dossier_paths(paths, proj)
    checker = Checker.create(proj, as_of=moment(as_of, proj.settings.tz))  # the rules' policy, built once
    portfolio = collect(targets, checker, workers=workers, cache=not no_cache, keep=site is not None)
    show: Callable[[Console], None]
    doc: Report | None = None
    wanted = proj.settings.change_control if change_control is None else change_control
    if by is ReportBy.CSM:
        show = partial(REPORT_BY_CSM[format], csm_document(portfolio))
    else:
        quality = quality_at_signature(known_outcomes(portfolio), checker)
        page_folder = site if site is not None else out.parent if out is not None else None
        link = dossier_links(pattern=proj.settings.report.link, root=_top(proj), page_folder=page_folder)
        doc = document(portfolio, quality=quality, change_control=wanted, link=link)
        if trend is not None:
            from handoff_cli.portfolio.trend import trend as months

            doc["trend"] = months(targets, proj, as_of=checker.ctx.as_of, months=trend)
        show = partial(REPORT[format], doc)
    if site is not None and doc is not None:  # --by is refused with --site
        _write_site(site, site_for, force, proj, portfolio, doc)
    elif out is None:
        show(console())
    else:
        _write(out, force, proj, show)
    for skipped in portfolio.invalid:
        tell(skipped)
    say_skipped(portfolio.unreadable)
    if portfolio.unreadable:
        raise typer.Exit(ExitCode.USAGE)  # unreadable input, after the others were reported
    if portfolio.invalid:
        raise typer.Exit(ExitCode.FINDINGS)


def _check_site(site: Path | None, format: ReportFormat, by: ReportBy | None, out: Path | None,
                site_for: SiteFor) -> None:  # fmt: skip
    if site is None:
        if site_for is not SiteFor.INTERNAL:
            raise typer.BadParameter("--for customer needs --site DIR", param_hint="--for")
        return
    if format is not ReportFormat.HTML:
        raise typer.BadParameter("--site writes HTML pages; pass --format html", param_hint="--site")
    if by is not None or out is not None:
        raise typer.BadParameter("--site writes its own pages; leave out --by and --out", param_hint="--site")


def _write_site(site: Path, site_for: SiteFor, force: bool, proj: Project, portfolio: Portfolio,
                doc: Report) -> None:  # fmt: skip
    """The static site, whole or not at all (edit/site_folder.py)."""
    from handoff_cli.edit.site_folder import write_site
    from handoff_cli.portfolio.links import dossier_links
    from handoff_cli.reporters.site import FOLDER, customer_pages, internal_pages, page_names

    names = page_names([d.path for d in portfolio.deals])
    if site_for is SiteFor.CUSTOMER:
        pages = customer_pages(portfolio.deals, names=names)
    else:
        link = dossier_links(pattern=proj.settings.report.link, root=_top(proj), page_folder=site / FOLDER)
        pages = internal_pages(doc, portfolio.deals, names=names, link=link)
    count = write_site(site, pages, repo=proj.root, force=force, wait=proj.settings.lock_wait)
    say(f"wrote {site}: {count} page{'s' * (count != 1)} ({site_for.value})")


def _top(proj: Project) -> Path:
    """Where `[report] link`'s {path} starts: the git repository's top, else the folder of handoff.toml."""
    if proj.settings.report.link is None:
        return proj.root
    from handoff_cli.repo.git_history import repo_root
    from handoff_cli.repo.git_run import GitError

    try:
        return repo_root(proj.root, purpose="")
    except GitError:
        return proj.root


def _write(out: Path, force: bool, proj: Project, report: Callable[[Console], None]) -> None:
    """--out: the report as it would print, unstyled, replacing the file at once (never half-written)."""
    from io import StringIO

    from rich.console import Console

    from handoff_cli.edit.atomic_write import write_new

    buffer = StringIO()
    report(Console(file=buffer, color_system=None, highlight=False, soft_wrap=True))
    write_new(out, buffer.getvalue(), repo=proj.root, force=force, wait=proj.settings.lock_wait)
    say(f"wrote {out}")
