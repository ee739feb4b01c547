"""An HTML table from a header and rows of cells already escaped, for the report's HTML pages."""

from __future__ import annotations

from html import escape


def table(header: list[str], body: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in body)
    return f"<table><tr>{head}</tr>{rows}</table>"
