"""A real git repo whose dossier's score goes up, then down, for `handoff history` and `validate --no-regress`.

main:    1. deals/brightleaf.yaml without either stakeholder's email (94.1, fails)   2. complete (100)
feature: 3. renamed to deals/brightleaf-plants.yaml, the economic buyer's email dropped (97.1)
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import EXAMPLES

COMPLETE = (EXAMPLES / "smb-brightleaf.yaml").read_text(encoding="utf-8")
# stakeholder emails are on the SMB checklist (HS206): each one missing costs half its 3 points of 51
NO_BUYER_EMAIL = COMPLETE.replace("    email: joost@brightleaf.example\n", "", 1)
THIN = NO_BUYER_EMAIL.replace("    email: sanne@brightleaf.example\n", "", 1)
NOW = "deals/brightleaf-plants.yaml"


def git(repo: Path, *args: str, author: str = "T", date: str = "2026-11-01T09:00:00+00:00") -> str:
    env = dict(os.environ)
    for who in ("AUTHOR", "COMMITTER"):
        env |= {f"GIT_{who}_NAME": author, f"GIT_{who}_EMAIL": "t@example.com", f"GIT_{who}_DATE": date}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def three_commits(repo: Path) -> Path:
    git(repo, "init", "-q", "-b", "main")
    (repo / "deals").mkdir()
    dossier = repo / "deals" / "brightleaf.yaml"
    for text, author, day, message in ((THIN, "Ann Lee", "10", "first draft"), (COMPLETE, "Ben Okafor", "12", "fill")):
        dossier.write_text(text, encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", message, author=author, date=f"2026-11-{day}T09:00:00+00:00")
    git(repo, "switch", "-q", "-c", "feature")
    git(repo, "mv", "deals/brightleaf.yaml", NOW)
    (repo / NOW).write_text(NO_BUYER_EMAIL, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "rename, drop an email", author="Ann Lee", date="2026-11-14T16:30:00+01:00")
    return repo
