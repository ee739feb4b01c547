"""`handoff report --format html --site DIR`: a static, read-only site of the portfolio, as pages by file name.

Internal (the default): an index with the per-deal table and what is due within 7 days, and one page per
dossier with its summary, the deal, the seven categories as readable sections, its clocks and its
history, each page marked "Internal — do not forward". For the customer (`--for customer`): one page per
dossier built from the customer's view alone (render/customer_view.py), so nothing internal is on it
by construction: no score, no clock, no status, no deal id, no index naming other customers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from handoff_cli.portfolio.deal_table import Link
from handoff_cli.portfolio.facts import DealFacts
from handoff_cli.portfolio.report_document import Report
from handoff_cli.render.customer_view import customer_data
from handoff_cli.render.loader import packaged_dir
from handoff_cli.render.plain import plain
from handoff_cli.reporters.deal_text import by_urgency, due_soon_line, when
from handoff_cli.reporters.portfolio_html import deal_table

CATEGORIES = ("customer", "stakeholders", "goals", "commitments", "technical", "implementation", "risks")
HISTORY = ("events", "reviews", "outcomes")  # the dated records of handoff:, shown as one timeline
INDEX = "index.html"
FOLDER = "deals"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME = 100  # characters of a page's name before its suffix, well under every file system's limit


@cache
def _env() -> Environment:
    # the packaged templates only, as for the report's page: a deals repo overrides customer documents, not these
    return Environment(loader=FileSystemLoader(str(packaged_dir() / "report")), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def page_names(paths: Sequence[str]) -> dict[str, str]:
    """Each dossier's page, "deals/NAME.html": its file name with every run of characters but letters, digits,
    `.`, `_` and `-` made one `_`, no leading dot, bounded in length, and numbered (-2, -3) when two files
    come out the same (one name in two folders, or in two cases)."""
    found: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        stem = _UNSAFE.sub("_", PurePosixPath(path).stem).lstrip("._-")[:MAX_NAME] or "deal"
        name, n = stem, 1
        while name.casefold() in taken or name.casefold() == "index":
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.casefold())
        found[path] = f"{FOLDER}/{name}.html"
    return found


_UPPER = frozenset({"cs", "csm", "crm", "qbr", "sow", "sso", "id", "api", "url", "sla"})


def words(key: str) -> str:
    """A field's name as a label: `cs_validated` is "CS validated", `business_problem` "Business problem"."""
    parts = [p.upper() if p in _UPPER else p for p in key.split("_") if p]
    if parts and parts[0].islower():
        parts[0] = parts[0].capitalize()
    return " ".join(parts)


def readable(value: object) -> dict[str, Any]:
    """Plain data as the template draws it: a mapping as labelled entries, a list as items, the rest as text."""
    if isinstance(value, Mapping):
        return {"kind": "map", "items": [(words(str(k)), readable(v)) for k, v in value.items()
                                         if v is not None and v != [] and v != {}]}  # fmt: skip
    if isinstance(value, list):
        if all(not isinstance(v, Mapping | list) for v in value):
            return {"kind": "text", "text": ", ".join(_text(v) for v in value)}
        return {"kind": "list", "items": [readable(v) for v in value]}
    return {"kind": "text", "text": _text(value)}


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _instant(moment: str) -> str:
    try:
        return datetime.fromisoformat(moment).astimezone(UTC).isoformat()
    except ValueError:  # a date without a time
        return moment


def history(progress: Mapping[str, Any]) -> list[list[str]]:
    """The dated records of the handoff (events, and internally reviews and outcomes), oldest first:
    when, what, and the rest of the record in words."""
    rows = []
    named = ("at", "event", "decision", "outcome")
    for section in HISTORY:
        for item in progress.get(section) or []:
            at = str(item.get("at", ""))
            what = str(item.get("event") or item.get("decision") or item.get("outcome") or words(section[:-1]))
            rest = "; ".join(f"{words(k)}: {_flat(v)}" for k, v in item.items()
                             if k not in named and v not in (None, [], {}))
            rows.append((_instant(at), [when(at), what, rest]))
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def _flat(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_flat(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {_flat(v)}" for k, v in value.items())
    return _text(value)


def _sections(data: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(words(name), readable(data[name])) for name in CATEGORIES if data.get(name) not in (None, [], {})]


def internal_pages(doc: Report, deals: Sequence[DealFacts], *, names: Mapping[str, str],
                   link: Link) -> Iterator[tuple[str, str]]:  # fmt: skip
    """The internal site as (name, page): the index, then a page per dossier, each made as it is written, so a
    site holds one page and one dossier at a time. `link`: each dossier's address from a page in the deals
    folder (the index's come with the report document, from the site's top)."""
    table = deal_table(doc)
    for row, entry in zip(table["rows"], by_urgency(doc), strict=True):
        row["page"] = names[entry["path"]]
    yield INDEX, _env().get_template("site_index.html.j2").render(
        as_of=doc["as_of"], timezone=doc["timezone"], deals=table,
        due_soon=[{"text": due_soon_line(x), "page": names[x["path"]]} for x in doc["due_soon"]],
    )  # fmt: skip
    rows = {d["path"]: (d, row) for d, row in zip(by_urgency(doc), table["rows"], strict=True)}
    for deal in deals:
        _, row = rows[deal.path]
        data = plain(deal.kept().model_dump(mode="json", by_alias=True, exclude_none=True))
        assert isinstance(data, dict)
        progress = data.get("handoff") or {}
        rest = {k: v for k, v in progress.items() if k not in HISTORY}
        yield names[deal.path], _env().get_template("site_deal.html.j2").render(
            title=f"{deal.deal.account} ({deal.deal.id})", as_of=doc["as_of"],
            summary=[(h, c["text"]) for h, c in zip(table["header"], row["cells"], strict=True)],
            source=link(deal.path), source_name=row["cells"][-1]["text"],  # the path as printed: escaped
            deal=readable(data["deal"]), sections=_sections(data),
            clocks=[[c.clock.name, c.status.value, when(c.due.isoformat()) if c.due else "-",
                     when(c.done.isoformat()) if c.done else "-", f"{c.owner.value} {c.owner_name or '(none)'}"]
                    for c in deal.clocks],
            history=history(progress), records=readable(rest) if rest else None,
        )  # fmt: skip


def customer_pages(deals: Sequence[DealFacts], *, names: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """A page per dossier from the customer's view alone, as (name, page): what a customer may read of their own
    deal."""
    for deal in deals:
        data = customer_data(deal.kept())  # internal fields are absent, not hidden
        header = data.get("deal")
        account = header.get("account", "") if isinstance(header, Mapping) else ""
        progress = data.get("handoff")
        yield names[deal.path], _env().get_template("site_customer.html.j2").render(
            title=str(account), deal=readable(header or {}), sections=_sections(data),
            history=history(progress) if isinstance(progress, Mapping) else [],
        )  # fmt: skip
