"""The report's outcomes as titled tables of (label, figure) rows: text, Markdown and HTML all print these."""

from __future__ import annotations

from handoff_cli.portfolio.report_document import NOT_YET, Adherence, Band, Delivery, RateFigures, Report, Survey
from handoff_cli.reporters.markdown import cell as _cell

Section = tuple[str, list[tuple[str, str]]]


def survey(s: Survey, target: float) -> str:
    if not s["count"]:
        return "no survey yet"
    verdict = "at target" if s["at_target"] else "below target"
    return f"mean {s['mean']:g} over {s['count']} deal{'s' * (s['count'] != 1)}, {verdict} ({target:g})"


def delivery(d: Delivery) -> str:
    value = d["first_value"]
    reached = f"first value in {value['reached']} of {d['deals']}"
    if value["reached"]:
        reached += f", median {value['median_days']:g} days"
    return f"{reached}; {adherence(d['adherence'])}"


def adherence(a: Adherence) -> str:
    """`delivered on time 3 of 4 (75%), 1 late, 0 overdue, 6 days late; go-live on time 1 of 1`."""
    if not a["due"]:
        items = "no commitment or milestone due yet"
    else:
        items = (f"delivered on time {a['on_time']} of {a['due']} ({a['percent']:g}%), {a['late']} late, "
                 f"{a['overdue']} overdue, {a['days_late']} day{'s' * (a['days_late'] != 1)} late")  # fmt: skip
    live = a["go_live"]
    if not live["due"]:
        return f"{items}; go-live not due yet"
    late = f", {live['days_late']} day{'s' * (live['days_late'] != 1)} late" if live["days_late"] else ""
    return f"{items}; go-live on time {live['on_time']} of {live['due']}{late}"


def _rate(r: RateFigures) -> str:
    return "-" if r["percent"] is None else f"{r['percent']:g}% ({r['low']:g}-{r['high']:g}%)"


def band(b: Band) -> str:
    if not b["known"]:
        return "no deal with a known outcome"
    counts = f"{b['known']} known: renewed {b['renewed']}, churned {b['churned']}, expanded {b['expanded']}"
    rates = f"retention {_rate(b['retention'])}, churn {_rate(b['churn'])}, expansion {_rate(b['expansion'])}"
    return f"{counts}; {rates}" + ("; too few deals to tell" if b["too_few"] else "")


def sections(doc: Report) -> list[Section]:
    o = doc["outcomes"]
    s, target = o["survey"], o["survey"]["target"]
    experience = [("all deals", survey(s["overall"], target))]
    experience += [(f"segment {k}", survey(v, target)) for k, v in s["by_segment"].items()]
    experience += [(f"rep {k}", survey(v, target)) for k, v in s["by_rep"].items()]
    d = o["delivery"]
    timing = [("all deals", delivery(d["overall"]))]
    timing += [(f"segment {k}", delivery(v)) for k, v in d["by_segment"].items()]
    timing += [(f"size {k}", delivery(v)) for k, v in d["by_size"].items()]
    timing += [(f"CSM {k}", delivery(v)) for k, v in d["by_csm"].items()]
    timing += [(f"rep {k}", delivery(v)) for k, v in d["by_rep"].items()]
    timing += [(f"deal {x['deal_id']}", adherence(x["adherence"])) for x in o["deals"]]
    h = o["health_90"]
    low, high = h["window_days"]
    health = [
        ("all deals", f"green {h['green']}, yellow {h['yellow']}, red {h['red']}, {NOT_YET} {h[NOT_YET]}"),
        ("measured", f"the health check nearest day {h['day']}, from day {low} to day {high} after signature"),
    ]
    r = o["retention"]
    q = r["quality_sources"]
    quality = [(k, band(v)) for k, v in r["by_band"].items()]
    quality += [
        (NOT_YET, f"{r[NOT_YET]} signed deal(s) with no renewal or churn logged; never counted as retained"),
        ("quality from", f"git at signature {q['signature']}, first commit after signature {q['first-commit']}, "
                         f"today's score {q['current']}"),
    ]  # fmt: skip
    verdicts = r["verdict"]
    # too few deals says the same for every rate: once is enough
    same = len(set(verdicts.values())) == 1
    quality += [("comparison", next(iter(verdicts.values())))] if same else list(verdicts.items())
    return [
        (f"customer handoff experience (survey 1-5, target {target:g})", experience),
        ("time to first value and delivery adherence", timing),
        ("90-day health", health),
        ("by handoff quality at signature (95% Wilson intervals)", quality),
    ]


def text_lines(doc: Report) -> list[str]:
    out = ["", f"outcomes ({doc['outcomes']['signed']} signed deals)"]
    for title, rows in sections(doc):
        out += [f"  {title}"] + [f"    {k:<18} {v}" for k, v in rows]
    return out


def md_lines(doc: Report) -> list[str]:
    out = ["", "## Outcomes", "", f"{doc['outcomes']['signed']} signed deals."]
    for title, rows in sections(doc):
        out += ["", f"### {title[0].upper()}{title[1:]}", "", "| | |", "|---|---|"]
        out += [f"| {_cell(k)} | {_cell(v)} |" for k, v in rows]
    return out
