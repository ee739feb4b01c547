"""A CRM export as it comes: in whatever encoding the CRM or Excel wrote, with `,`, `;` or tabs between cells.

Lines are numbered as an editor shows them (the first line is 1), so that after a cell holding line breaks
(a note, an address) an error still points at the line where its row starts.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from handoff_cli.core.errors import ConfigError, InputError

DELIMITERS = ",;\t|"
_SNIFF_CHARS = 64 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SEPARATOR_NAMES = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # where the row starts
    cells: dict[str, str]


@dataclass(frozen=True, slots=True)
class Export:
    header: list[str]
    header_line: int
    delimiter: str
    rows: list[Row]

    @property
    def separator(self) -> str:
        return _SEPARATOR_NAMES[self.delimiter]


def read_export(path: Path, *, encoding: str | None) -> Export:
    display = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=display) from None
    text = decode(data, display, encoding)
    delimiter = _delimiter(text)
    records = _records(text, delimiter, display)
    if not records:
        raise InputError("is empty: a CRM export starts with a line of column names; nothing was written", path=display)
    (header_line, header), body = records[0], _without_footer(records[1:])
    names = [name.strip() for name in header]
    rows = [Row(line, dict(zip(names, cells, strict=False))) for line, cells in body if any(c.strip() for c in cells)]
    return Export(names, header_line, delimiter, rows)


def decode(data: bytes, display: str, encoding: str | None) -> str:
    """The text, from --encoding, a byte-order mark, UTF-8, or the one reading every likely encoding agrees on."""
    if encoding is not None:
        return _decode_as(data, display, encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, display, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    # Windows code pages differ in a few letters only: a guess that could turn "François" into "Franēois"
    # is not taken; the file is read only when every plausible encoding reads it the same way.
    readings: dict[str, list[str]] = {}
    for match in charset_normalizer.from_bytes(data):
        readings.setdefault(str(match), []).append(match.encoding)
    if len(readings) == 1:
        return next(iter(readings))
    if not readings:
        found = "no encoding reads it as text"
    else:
        names = [names[0] for names in readings.values()][:3]
        found = f"it reads differently as {' or '.join(names)}"
    raise InputError(
        f"not UTF-8 text, and {found}; pass the encoding the CRM wrote it in with --encoding "
        "(a Western European Windows or Excel export: --encoding cp1252); nothing was written",
        path=display,
        line=line,
    )


def _decode_as(data: bytes, display: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ConfigError(f"--encoding {encoding}: not an encoding Python knows, e.g. utf-8, cp1252, utf-16") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"is not {encoding} text (byte 0x{data[exc.start]:02x}); pass the encoding the CRM wrote it in "
            "with --encoding; nothing was written",
            path=display,
            line=line,
        ) from None
    return text.removeprefix("\ufeff")  # `--encoding utf-8` on a file that starts with a byte-order mark


def _delimiter(text: str) -> str:
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:  # one column, or too little to tell: the CSV default
        return ","


def _records(text: str, delimiter: str, display: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, start = [], 1
    try:
        for cells in reader:
            records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"not a readable CSV file ({exc}); nothing was written", path=display, line=start) from None
    return records


def _without_footer(records: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Drop the footer a Salesforce report export ends with: after an empty line, lines of one cell each
    (the report's name, copyright, "Generated By: …", the company)."""
    end = len(records)
    while end and len(records[end - 1][1]) <= 1:
        end -= 1
    tail = records[end:]
    if any(cells and cells[0].strip() for _, cells in tail) and not any(c.strip() for c in tail[0][1]):
        return records[:end]
    return records
