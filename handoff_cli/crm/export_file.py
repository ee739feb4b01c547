"""A CRM export as it comes: in whatever encoding the CRM or Excel wrote, with `,`, `;` or tabs between cells.

Lines are numbered as an editor shows them (the first line is 1), so that after a cell holding line breaks
(a note, an address) an error still points at the line where its row starts.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Collection
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


def read_export(path: Path, *, encoding: str | None, key_columns: Collection[str]) -> Export:
    """`key_columns`: headers the mapping must find, which tell a separator that splits the header right."""
    display = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=display) from None
    text = decode(data, display, encoding)
    delimiter = _delimiter(text, key_columns)
    records = _records(text, delimiter, display)
    while records and not any(c.strip() for c in records[0][1]):  # empty lines above the header
        records = records[1:]
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
        if b"\0" not in data:  # NUL bytes are valid UTF-8, but text has none: UTF-16 without a byte-order mark
            return data.decode("utf-8")
        line = data[: data.index(b"\0")].count(b"\n") + 1
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    # Code pages differ in a few letters only: a guess that could turn "François" into "Franēois" is not
    # taken; the file is read only when every encoding it may be in reads it the same way.
    readings = {str(match) for match in charset_normalizer.from_bytes(data)}
    if len(readings) == 1:
        return next(iter(readings))
    found = "no encoding reads it as text" if not readings else "which encoding it is in cannot be told for certain"
    raise InputError(
        f"not UTF-8 text, and {found}; pass its encoding with --encoding, e.g. --encoding cp1252 for an export "
        "from Excel or a CRM on Western European Windows; nothing was written",
        path=display,
        line=line,
    )


def _decode_as(data: bytes, display: str, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except LookupError:  # an unknown name, or a codec that is no text encoding (rot13, base64)
        known = "not a text encoding Python knows, e.g. utf-8, cp1252, utf-16"
        raise ConfigError(f"--encoding {encoding}: {known}") from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"is not {encoding} text (byte 0x{data[exc.start]:02x}); pass the encoding the CRM wrote it in "
            "with --encoding; nothing was written",
            path=display,
            line=line,
        ) from None
    return text.removeprefix("\ufeff")  # `--encoding utf-8` on a file that starts with a byte-order mark


def _delimiter(text: str, key_columns: Collection[str]) -> str:
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        sniffed: str = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:  # one column, or too little to tell: the CSV default
        sniffed = ","
    # the Sniffer counts characters, and `;` in a note or `,` in 150.000,00 can outvote the real separator:
    # a separator that splits the header into the columns the mapping needs wins over the Sniffer's choice
    first_line = sample.partition("\n")[0]
    candidates: list[str] = [sniffed, *(d for d in DELIMITERS if d != sniffed)]
    for delimiter in candidates:
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        if any(name.strip() in key_columns for name in header):
            return delimiter
    return sniffed


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
