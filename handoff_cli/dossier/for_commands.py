"""One dossier file -> a valid Dossier, for commands that use a dossier rather than check it (render, sla, log)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from handoff_cli.core.errors import DossierInvalid, InputError
from handoff_cli.core.field_paths import dotted
from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.bare_dates import bare_dates
from handoff_cli.dossier.empty_required import explain, settle
from handoff_cli.dossier.hidden_text import hidden_text
from handoff_cli.dossier.placeholders import patterns, strip_filler
from handoff_cli.dossier.positions import Positions
from handoff_cli.dossier.reader import load_bytes, load_file
from handoff_cli.dossier.schema_check import validate
from handoff_cli.dossier.yaml_codes import Loaded
from handoff_cli.model import Dossier
from handoff_cli.settings import Project


class Parsed(NamedTuple):
    dossier: Dossier | None  # None: the file could not be read as a dossier (see findings)
    positions: Positions | None
    findings: list[Finding]  # the file's problems (errors) and its placeholders (warnings), in file order
    data: Any = None  # the answers as typed, before placeholders are taken out
    typed_positions: Positions | None = None  # where each of `data` is; `positions` follow the dossier's lists


def parse(path: Path, display: str, project: Project, raw: bytes | None = None) -> Parsed:
    """Read, take placeholder answers out, and match the schema: the one way every command reads a dossier.

    `raw`: the file's bytes when the caller has read them already (to key a cache by them)."""
    settings = project.settings
    try:
        if raw is None:
            loaded, problems = load_file(path, display, max_bytes=settings.max_file_bytes, max_depth=settings.max_depth)
        else:
            loaded, problems = load_bytes(raw, display, max_depth=settings.max_depth)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=display) from None
    if loaded is None:
        return Parsed(None, None, problems)
    data, placeholders = strip_filler(loaded.data, loaded.positions, patterns(tuple(settings.filler)), display)
    settled = settle(data, loaded.positions)
    dossier, problems = validate(Loaded(settled.data, settled.positions), display)
    unreadable = {dotted(p) for p in settled.unreadable}  # said once, as the empty answer it is
    problems = [p for p in problems if p.field not in unreadable]
    if unreadable:
        dossier = None
    placeholders = explain(settled, placeholders, loaded.positions, display)
    moments = bare_dates(data, loaded.positions, display)
    hidden = hidden_text(data, loaded.positions, display, {p.field for p in problems})
    found = sorted(
        [*problems, *placeholders, *moments, *hidden, *loaded.warnings], key=lambda f: (f.line, f.col, f.code)
    )
    return Parsed(dossier, settled.positions if dossier else None, found, loaded.data, loaded.positions)


def load_dossier(
    path: Path, project: Project, *, raw: bytes | None = None, display: str | None = None
) -> tuple[Dossier, Positions]:
    """`raw` and `display`: a dossier that is not a file (read from stdin), and the name it goes by."""
    display = display or str(path)
    if raw is None and not path.is_file():
        raise InputError("not a regular file" if path.exists() else "no such file", path=display)
    dossier, positions, findings, *_ = parse(path, display, project, raw)
    if dossier is None or positions is None:
        errors = [f for f in findings if f.severity is Severity.ERROR]
        raise DossierInvalid(display, errors, repeats=project.settings.repeats)
    return dossier, positions
