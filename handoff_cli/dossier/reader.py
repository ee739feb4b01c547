"""Read a dossier file into plain data and the position of every key, turning YAML trouble into findings.

Every scalar is kept as the text that was typed (null aside), so YAML 1.1 surprises such as
`NO` -> false or `0123` -> 83 cannot happen here: the schema decides what each value means.
The YAML is composed, never constructed, so no tag can build an object and no alias is expanded.
A clean file is read by libyaml (fast_reader.py); the careful pure-Python composer
(careful_reader.py) reads the rest and is the only source of load findings.
"""

from __future__ import annotations

from pathlib import Path

from handoff_cli.core.findings import Finding
from handoff_cli.dossier.comment_spacing import comment_warnings
from handoff_cli.dossier.fast_reader import fast_load
from handoff_cli.dossier.yaml_codes import Loaded, finding


def load_file(path: Path, display: str, *, max_bytes: int, max_depth: int) -> tuple[Loaded | None, list[Finding]]:
    """Read and compose one dossier; I/O errors are the caller's (they are not the file's content)."""
    size = path.stat().st_size
    if size > max_bytes:
        return None, [
            finding(display, "HY010", 1, 1, f"file is {size} bytes, over the limit of {max_bytes} (max_file_bytes)")
        ]
    return load_bytes(path.read_bytes(), display, max_depth=max_depth)


def load_bytes(raw: bytes, display: str, *, max_depth: int) -> tuple[Loaded | None, list[Finding]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        msg = f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8"
        return None, [finding(display, "HY002", line, col, msg)]
    return load_text(text, display, max_depth=max_depth)


def load_text(text: str, display: str, *, max_depth: int) -> tuple[Loaded | None, list[Finding]]:
    # a byte-order mark is legal YAML and what many Windows editors write; positions count without it
    text = text.removeprefix("\ufeff")
    fast = fast_load(text, max_depth)
    if fast is not None:
        loaded: Loaded | None = Loaded(*fast)
        problems: list[Finding] = []
    else:
        from handoff_cli.dossier.careful_reader import compose_text  # only files with something to report pay

        loaded, problems = compose_text(text, display, max_depth=max_depth)
    if loaded is None:
        return None, problems
    return Loaded(loaded.data, loaded.positions, tuple(comment_warnings(text, display))), problems
