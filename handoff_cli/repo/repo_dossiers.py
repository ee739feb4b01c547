"""The other dossiers of the git repo a run happens in, which copied text is compared with.

A pre-commit hook is given the staged files only, and `handoff validate deals/acme.yaml` one file;
an answer pasted from a dossier committed last month must still be found. The repo's dossiers are
what `handoff validate` with no path would check (the `paths` setting), as git sees them: tracked
and untracked files alike, minus what .gitignore hides. Their results come from the result cache,
so after the first run they cost a lookup each. They are compared with, never reported.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from handoff_cli.repo.files import SUFFIXES
from handoff_cli.settings import Project


def repo_dossiers(project: Project, given: Sequence[str]) -> list[str]:
    """The repo's dossiers not among `given`, named relative to the working directory; [] outside git."""
    scopes = [str(project.root / p) for p in project.settings.paths]
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
             "--", *scopes],
            cwd=project.root, capture_output=True, check=False,
        )  # fmt: skip
    except OSError:  # git not installed: only the files of the run are compared
        return []
    if done.returncode != 0:  # not a git repo
        return []
    taken = {os.path.realpath(name) for name in given}
    here = os.getcwd()
    found: list[str] = []
    # bytes, decoded as the file system does: a name that is not UTF-8 is still a name; a file both
    # staged and changed is listed twice
    for name in dict.fromkeys(os.fsdecode(n) for n in done.stdout.split(b"\0") if n):
        full = os.path.join(project.root, name)
        hidden = any(part.startswith(".") and part not in (".", "..") for part in Path(name).parts)
        if not name.endswith(SUFFIXES) or hidden or os.path.realpath(full) in taken or not os.path.isfile(full):
            continue
        found.append(os.path.relpath(full, here) if Path(full).is_relative_to(here) else full)
    return found
