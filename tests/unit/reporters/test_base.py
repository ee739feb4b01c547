"""The one JSON writer: orjson's bytes, the same text the standard library writes, and the standard library itself
for a document orjson refuses."""

from __future__ import annotations

import io
import json
import os

from rich.console import Console

from handoff_cli.reporters.base import write_json

DOCUMENT = {"version": 1, "as_of": "2026-12-01T09:00:00+00:00", "score": 95.4, "rate": 0.1, "none": None,
            "flag": True, "empty": [], "nothing": {}, "names": ["Müller GmbH", "晨光烘焙", "שלום"],
            "nested": {"by_segment": {"smb": {"handoffs": 3, "mean": 87.25}}}}  # fmt: skip


def _written(document: object, stream: io.TextIOBase) -> str:
    write_json(Console(file=stream, color_system=None), document)
    stream.seek(0)
    return stream.read()


def test_a_document_reads_as_the_standard_library_writes_it() -> None:
    expected = json.dumps(DOCUMENT, indent=2, ensure_ascii=False) + "\n"
    assert _written(DOCUMENT, io.StringIO()) == expected  # a text stream
    binary = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert _written(DOCUMENT, binary) == expected  # a stream with bytes beneath: the bytes go there


def test_a_file_name_that_is_not_utf8_is_escaped_as_everywhere() -> None:
    name = os.fsdecode(b"c\xff.yaml")  # a lone surrogate, which orjson refuses
    assert _written({"path": name}, io.StringIO()) == '{\n  "path": "c\\\\xff.yaml"\n}\n'
