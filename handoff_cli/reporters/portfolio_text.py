"""`handoff report` as text or Markdown, rendered from the report document (the same figures as the JSON)."""

from __future__ import annotations

from datetime import UTC, datetime

from handoff_cli.core.moments import stamp
from handoff_cli.core.printable import printable
from handoff_cli.portfolio.report_document import CsmReport, Metrics, Ranked, Report
from handoff_cli.reporters.change_text import md_lines as change_md
from handoff_cli.reporters.change_text import text_lines as change_text
from handoff_cli.reporters.csm_text import md_lines as csm_md
from handoff_cli.reporters.csm_text import text_lines as csm_text
from handoff_cli.reporters.deal_text import md_lines as deals_md
from handoff_cli.reporters.deal_text import text_lines as deals_text
from handoff_cli.reporters.markdown import cell as _cell
from handoff_cli.reporters.outcomes_text import md_lines as outcomes_md
from handoff_cli.reporters.outcomes_text import text_lines as outcomes_text


def num(value: float | None, unit: str = "") -> str:
    return "-" if value is None else f"{value:g}{unit}"


def completion(m: Metrics) -> str:
    c = m["completion"]
    flag = " (below 90%: a process problem)" if c["flag"] else ""
    return f"{num(c['rate'], '%')} ({c['on_time']} of {m['signed']} on time){flag}"


def breaches(m: Metrics) -> str:
    found = [f"{k} {v}" for k, v in sorted(m["breaches_by_clock"].items(), key=lambda kv: -kv[1]) if v]
    return ", ".join(found) or "none"


def missing(m: Metrics) -> str:
    # costliest first: the points a gap takes off completeness, summed over the deals that have it
    return ", ".join(f"{x['rule']} (-{round(x['points'], 1):g} points, {x['deals']} deal{'s' * (x['deals'] != 1)})"
                     for x in m["most_missing"]) or "none"


def reviews(m: Metrics) -> str:
    r = m["reviews"]
    waiting = m["handoffs"] - r["reviewed"]
    if not r["reviewed"]:
        return f"none of {waiting} reviewed"
    out = f"{r['accepted']} accepted, {r['rejected']} rejected" + (f", {waiting} not reviewed" if waiting else "")
    out += f"; mean rating {num(r['mean_rating'])} (target {r['target_rating']:g})"
    reasons = [f"{k} {v}" for k, v in sorted(r["reasons"].items(), key=lambda kv: -kv[1]) if v]
    return out + (f"; reasons: {', '.join(reasons)}" if reasons else "")


def bands(m: Metrics) -> str:
    return ", ".join(f"{k}: {v}" for k, v in m["completeness"]["bands"].items())


def rows(m: Metrics) -> list[tuple[str, str]]:
    c = m["completeness"]
    passed = "pass validate"  # the deals `handoff validate` passes: threshold, must-have rules, no placeholder
    target = f"target {c['target']:g}%"
    return [
        ("handoffs", f"{m['handoffs']} ({m['signed']} signed)"),
        ("completeness", f"mean {num(c['mean'], '%')}, {c['at_target']} {passed} ({target}); {bands(m)}"),
        ("completion rate", completion(m)),
        ("first CS contact", f"median {num(m['median_first_contact_hours'], ' h')}"),
        ("days to kickoff", f"median {num(m['median_days_to_kickoff'])}"),
        ("breaches by clock", breaches(m)),
        ("costliest gaps", missing(m)),
        ("CSM reviews", reviews(m)),
    ]


def engagement_lines(doc: Report) -> list[str]:
    e = doc["engagement"]
    rule = e["rule"]
    out = [
        f"rule: deal < {rule['max_value']:,}, sales cycle < {rule['max_cycle_days']} days and "
        f"implementation < {rule['max_implementation_days']} days -> CS after close, else CS at ~70% of the sale",
        "all deals: " + ", ".join(f"{n} {when}" for when, n in e["summary"].items()),
    ]
    for a in e["open_deals"]:
        why = "; ".join(a["reasons"] + [f"caveat: {c}" for c in a["caveats"]]) or "small, short and simple"
        said = a["advice"] or (f"CS joined on {a['engaged'][:10]}" if a["engaged"] else None)
        out.append(f"open deal {a['deal_id']} {a['account']}: engage CS {a['engage']} ({why})"
                   + (f"; {said}" if said else ""))
    if not e["open_deals"]:
        out.append("open deals: none")
    out.append("signed deals: " + ", ".join(f"{n} {outcome}" for outcome, n in e["signed_summary"].items()))
    out += [f"signed deal {a['deal_id']} {a['account']}: {a['advice']}" for a in e["signed_deals"]]
    return out


def worst_line(w: Ranked) -> str:
    """One deal of the worst-first list: the score, each clock breached or met late with its owner (and, past the
    escalation grace, who it goes to), and who owns the deal."""
    late = "; ".join(f"{c['clock']} {c['status']} ({c['owner']} {c['owner_name'] or '(none)'}"
                     + (f", escalate to {c['escalate_to']})" if c["escalate_to"] else ")") for c in w["late"])
    clocks = f"{len(w['late'])} late: {late}" if late else "no clock late"
    return (f"{w['deal_id']} {w['account']} ({w['segment']}): {w['score']:g}%, {clocks}; "
            f"rep {w['rep']}, CSM {w['csm'] or '(none)'}")


def worst_lines(doc: Report) -> list[str]:
    """Worst deals first, numbered by rank."""
    return [f"{w['rank']}. {worst_line(w)}" for w in doc["worst_first"]]


def pattern_lines(doc: Report) -> list[str]:
    out = [", ".join(f"{name} {n}" for name, n in doc["patterns"]["counts"].items())]
    for p in doc["patterns"]["deals"]:
        out.append(f"{p['deal_id']} {p['account']}: {p['pattern']}: {'; '.join(p['evidence'])}")
    return out


def pipeline_lines(doc: Report) -> list[str]:
    """Open deals: not yet handoffs, so never in the metrics above; what their dossier lacks and when CS joins."""
    out = []
    for p in doc["pipeline"]:
        gaps = ", ".join(p["gaps"]) or "none"
        close, days = "expected close not set", p["days_to_close"]
        if p["expected_close"] and days is not None:
            when = f"in {days} days" if days >= 0 else f"{-days} days ago"
            close = f"expected close {p['expected_close']} ({when})"
        cs = p["advice"] or (f"CS joined on {p['engaged'][:10]}" if p["engaged"] else f"engage CS {p['engage']}")
        out.append(f"{p['deal_id']} {p['account']} ({p['segment']}): {p['score']:g}% complete, gaps: {gaps}; "
                   f"{close}; {cs}")
    return out


def follow_up_lines(doc: Report) -> list[str]:
    return [f"{f['deal_id']} {f['account']}: {f['owner']} {f['owner_name'] or '(none)'} owes a {f['owed']}, "
            f"since {_stamp(f['at'] or '')}" for f in doc["follow_ups"]]


def _stamp(at: str) -> str:
    """A follow-up's moment, already in its deal's zone, as `handoff sla` prints it: 2026-12-07 17:00+09:00."""
    moment = datetime.fromisoformat(at)  # always set: a follow-up has the moment its reason came in
    return stamp(moment, moment.tzinfo or UTC)


def skipped_lines(doc: Report) -> list[str]:
    """The files the report does not cover: those that are not valid dossiers, then those that could not be read."""
    return [printable(line) for line in doc["invalid"]] + [
        printable(f"{line}; could not be read") for line in doc["unreadable"]]  # fmt: skip


def text_lines(doc: Report) -> list[str]:
    out = [f"handoff report as of {doc['as_of']} ({doc['timezone']})", "", "overall"]
    out += [f"  {k:<19}{v}" for k, v in rows(doc["overall"])]
    out += deals_text(doc)
    for title, group in (("by segment", doc["by_segment"]), ("by sales rep", doc["by_rep"])):
        out += ["", title]
        for name, m in group.items():
            out += [f"  {name}"] + [f"    {k:<19}{v}" for k, v in rows(m)]
    if doc["pipeline"]:
        out += ["", "pipeline (open deals, not counted above)"] + [f"  {line}" for line in pipeline_lines(doc)]
    out += csm_text(doc["by_csm"]) + change_text(doc)
    out += ["", "worst deals first"] + [f"  {line}" for line in worst_lines(doc)]
    out += ["", "failure patterns (deals)"] + [f"  {line}" for line in pattern_lines(doc)]
    out += ["", "when CS should engage"] + [f"  {line}" for line in engagement_lines(doc)]
    if doc["follow_ups"]:
        out += ["", "follow-ups owed"] + [f"  {line}" for line in follow_up_lines(doc)]
    out += outcomes_text(doc)
    if skipped := skipped_lines(doc):
        out += ["", "skipped"] + [f"  {line}" for line in skipped]
    return out


def md_lines(doc: Report) -> list[str]:
    out = [f"# Handoff report, as of {doc['as_of']} ({doc['timezone']})", "", "## Overall", ""]
    out += ["| metric | value |", "|---|---|"] + [f"| {k} | {_cell(v)} |" for k, v in rows(doc["overall"])]
    out += deals_md(doc)
    for title, group in (("By segment", doc["by_segment"]), ("By sales rep", doc["by_rep"])):
        names = list(group)
        out += ["", f"## {title}", "", "| metric | " + " | ".join(map(_cell, names)) + " |"]
        out.append("|---|" + "---|" * len(names))
        table = [rows(group[n]) for n in names]
        for i, (label, _) in enumerate(rows(doc["overall"])):
            out.append(f"| {label} | " + " | ".join(_cell(t[i][1]) for t in table) + " |")
    if doc["pipeline"]:
        out += ["", "## Pipeline (open deals, not counted above)", ""]
        out += [f"- {_cell(line)}" for line in pipeline_lines(doc)]
    out += csm_md(doc["by_csm"]) + change_md(doc)
    out += ["", "## Worst deals first", ""] + [_cell(line) for line in worst_lines(doc)]
    out += ["", "## Failure patterns", "", "| deal | pattern | evidence |", "|---|---|---|"]
    out += [
        f"| {_cell(p['deal_id'] + ' ' + p['account'])} | {_cell(p['title'])} | {_cell('; '.join(p['evidence']))} |"
        for p in doc["patterns"]["deals"]
    ]
    out += ["", "## When CS should engage", ""] + [f"- {_cell(line)}" for line in engagement_lines(doc)]
    if doc["follow_ups"]:
        out += ["", "## Follow-ups owed", ""] + [f"- {_cell(line)}" for line in follow_up_lines(doc)]
    out += outcomes_md(doc)
    if skipped := skipped_lines(doc):
        out += ["", "## Skipped", ""] + [f"- {_cell(line)}" for line in skipped]
    return out


def csm_only_text(doc: CsmReport) -> list[str]:
    """`report --by csm` as text: the CSM view alone."""
    out = [f"handoff report by CSM as of {doc['as_of']} ({doc['timezone']})", *csm_text(doc["by_csm"])]
    return out + (["", "skipped"] + [f"  {printable(line)}" for line in doc["invalid"]] if doc["invalid"] else [])


def csm_only_md(doc: CsmReport) -> list[str]:
    out = [f"# Handoff report by CSM, as of {doc['as_of']} ({doc['timezone']})", *csm_md(doc["by_csm"])[2:]]
    skipped = [f"- {_cell(printable(line))}" for line in doc["invalid"]]
    return out + (["", "## Skipped", "", *skipped] if skipped else [])
