"""Read a dossier file into plain data and the position of every key, turning YAML trouble into findings.

Every scalar is kept as the text that was typed (null aside), so YAML 1.1 surprises such as
`NO` -> false or `0123` -> 83 cannot happen here: the schema decides what each value means.
The YAML is composed, never constructed, so no tag can build an object and no alias is expanded.
A clean file is read by libyaml (fastload.py); the careful pure-Python composer (compose.py) reads
the rest and is the only source of load findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handoff_cli.fastload import fast_load
from handoff_cli.findings import Finding, Severity
from handoff_cli.positions import Positions

# code -> (name, why); listed by `handoff rules --all` and in the README's error table
LOAD_CODES: dict[str, tuple[str, str]] = {
    "HY001": ("yaml-syntax", "the file must be YAML before anything in it can be checked"),
    "HY002": ("encoding", "dossiers are UTF-8 text without a byte-order mark, so every tool reads the same thing"),
    "HY003": ("duplicate-key", "with a key written twice, one of the answers is silently thrown away"),
    "HY004": ("anchor-alias", "anchors and aliases hide where a value comes from and can blow up a file's size"),
    "HY005": (
        "forbidden-tag",
        "tags can ask a YAML loader to build objects; a dossier holds only text, numbers and dates",
    ),
    "HY006": ("merge-key", "merge keys (<<) copy values invisibly from elsewhere in the file"),
    "HY007": ("empty-file", "an empty dossier tells the CSM nothing"),
    "HY008": ("not-a-mapping", "a dossier is a mapping of sections (schema:, deal:, customer:, …)"),
    "HY009": ("several-documents", "one file holds one deal's dossier"),
    "HY010": ("file-too-large", "a dossier is a few hundred lines; a huge file is a mistake or an attack"),
    "HY011": ("too-deep", "no dossier field nests this deeply; deep nesting is a mistake or an attack"),
    "HY012": ("complex-key", "keys are plain names such as `deal` or `why_now`"),
}


@dataclass(frozen=True, slots=True)
class Loaded:
    data: Any
    positions: Positions


def load_file(path: Path, display: str, *, max_bytes: int, max_depth: int) -> tuple[Loaded | None, list[Finding]]:
    """Read and compose one dossier; I/O errors are the caller's (they are not the file's content)."""
    size = path.stat().st_size
    if size > max_bytes:
        return None, [
            finding(display, "HY010", 1, 1, f"file is {size} bytes, over the limit of {max_bytes} (max_file_bytes)")
        ]
    return load_bytes(path.read_bytes(), display, max_depth=max_depth)


def load_bytes(raw: bytes, display: str, *, max_depth: int) -> tuple[Loaded | None, list[Finding]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [
            finding(display, "HY002", 1, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        msg = f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8"
        return None, [finding(display, "HY002", line, col, msg)]
    return load_text(text, display, max_depth=max_depth)


def load_text(text: str, display: str, *, max_depth: int) -> tuple[Loaded | None, list[Finding]]:
    fast = fast_load(text, max_depth)
    if fast is not None:
        return Loaded(*fast), []
    from handoff_cli.compose import compose_text  # only files with something to report pay for it

    return compose_text(text, display, max_depth=max_depth)


def finding(display: str, code: str, line: int, col: int, message: str) -> Finding:
    name, why = LOAD_CODES[code]
    return Finding(code, name, Severity.ERROR, display, line, col, "", message, why)
