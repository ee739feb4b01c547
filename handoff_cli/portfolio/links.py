"""Where the report links each deal's dossier: a path relative to the page by default, or the address that
`[report] link` builds from the dossier's path in the repository (e.g. the repo's web view)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from urllib.parse import quote

from handoff_cli.portfolio.deal_table import Link

PLACEHOLDER = "{path}"


def dossier_links(*, pattern: str | None, root: Path, page_folder: Path | None) -> Link:
    """`pattern`: `[report] link`, with {path} the dossier's path from the repository's top; without one, the
    dossier's path relative to `page_folder` (the folder the page is written to; None: the current folder).

    Either way the path is percent-encoded, so a space, `#` or `?` in a file name stays part of the path;
    the page escapes the address again as an HTML attribute."""

    top, base = root.resolve(), (page_folder or Path.cwd()).resolve()

    @cache  # the dossiers of a repo sit in a few folders: each is resolved once, not once per file
    def folder(name: str) -> Path:
        return Path(name).resolve()

    @cache  # a report asks for each deal's link in several sections
    def link(path: str) -> str:
        given = Path(path)
        where = given.resolve() if given.is_symlink() else folder(os.path.dirname(path) or ".") / given.name
        if pattern is not None:
            try:
                inside = where.relative_to(top).as_posix()
            except ValueError:  # outside the repository: no address in its web view
                inside = where.as_posix()
            return pattern.replace(PLACEHOLDER, quote(inside, safe="/"))
        return quote(Path(os.path.relpath(where, base)).as_posix(), safe="/")

    return link
