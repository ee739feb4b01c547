"""The report's CSM view as titled tables of (label, figure) rows: text, Markdown and HTML all print these."""

from __future__ import annotations

from handoff_cli.portfolio.report_document import CsmView
from handoff_cli.reporters.markdown import cell

Section = tuple[str, list[tuple[str, str]]]


def _listed(entries: list[str]) -> str:
    return f"{len(entries)}: " + "; ".join(entries) if entries else "none"


def csm_sections(by_csm: dict[str, CsmView]) -> list[Section]:
    out: list[Section] = []
    for name, c in by_csm.items():
        rows = [
            ("open deals", _listed([f"{d['deal_id']} {d['account']}" for d in c["open_deals"]])),
            ("overdue items", _listed([f"{x['item']} ({x['list']}, {x['deal_id']}) {x['days_overdue']} d late, "
                                       f"owner {x['owner'] or '(none)'}" for x in c["overdue"]])),
            ("clocks due in 7 d", _listed([f"{x['clock']} ({x['deal_id']}) due {x['due']}, {x['owner']} "
                                           f"{x['owner_name'] or '(none)'}" for x in c["clocks_at_risk"]])),
            ("due next", _listed([f"{x['due'][:10]} {x['what']} ({x['kind']}, {x['deal_id']})"
                                  for x in c["due_next"]])),
        ]  # fmt: skip
        out.append((f"CSM {name}", rows))
    return out


def text_lines(by_csm: dict[str, CsmView]) -> list[str]:
    out = ["", "by CSM"]
    for title, rows in csm_sections(by_csm):
        out += [f"  {title.removeprefix('CSM ')}"] + [f"    {k:<18} {v}" for k, v in rows]
    return out


def md_lines(by_csm: dict[str, CsmView]) -> list[str]:
    out = ["", "## By CSM"]
    for title, rows in csm_sections(by_csm):
        out += ["", f"### {cell(title)}", "", "| | |", "|---|---|"] + [f"| {k} | {cell(v)} |" for k, v in rows]
    return out

