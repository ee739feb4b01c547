"""The one way a command changes a dossier: lock, re-read under the lock, build the change, prove it, replace.

`log` (events and outcomes), `accept` and the status writers all come through `rewrite`, so none of them
can read the file before taking its lock and lose another writer's item.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.edit.atomic_write import atomic_write
from handoff_cli.edit.file_lock import locked
from handoff_cli.edit.record import Change, proven_text
from handoff_cli.model import Dossier
from handoff_cli.settings import Project

C = TypeVar("C", bound=Change)


def rewrite(path: Path, project: Project, decide: Callable[[Dossier], C]) -> C:
    """Apply the change `decide` makes of the dossier as it is now, and return it; `decide` raises to refuse.

    `decide` reads its time through cli/options.logged_at (edit/logged_time.check_time) like every writer."""
    display = str(path)
    with locked(path, wait=project.settings.lock_wait):
        dossier, _ = load_dossier(path, project)  # an invalid dossier raises DossierInvalid: nothing is written
        change = decide(dossier)
        text = path.read_bytes().decode("utf-8")
        atomic_write(path, proven_text(text, dossier, change, display=display, max_depth=project.settings.max_depth),
                     repo=project.root)
    return change
