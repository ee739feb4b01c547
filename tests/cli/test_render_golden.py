"""Every document rendered from the complete examples, compared byte for byte with reviewed snapshots.

The snapshots live in tests/golden/render/<dossier>/. After an intended change, regenerate them with
`HANDOFF_UPDATE_GOLDEN=1 pytest tests/cli/test_render_golden.py`, then read the diff before committing it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CASES, EXAMPLES, GOLDEN, RunCli, snapshot

SNAPSHOTS = GOLDEN / "render"
# US zone and holidays, so the snapshots show dates moved off weekends and public holidays
CONFIG = 'timezone = "America/New_York"\ncountry = "US"\n'
STAMP = "2026-11-10T09:00"
DOSSIERS = {
    "enterprise-northwind": EXAMPLES / "enterprise-northwind.yaml",
    "smb-brightleaf": EXAMPLES / "smb-brightleaf.yaml",
    "complete": CASES / "render" / "complete.yaml",
    # deal.language: de, so the customer's documents are German; the plan and internal agenda stay English
    "german": CASES / "render" / "german.yaml",
    # one deal in each other shipped language, the same way: Malay, Indonesian, Chinese for Taiwan (zh-TW, so
    # the Traditional Chinese templates) and Hebrew (right to left)
    "malay": CASES / "render" / "malay.yaml",
    "indonesian": CASES / "render" / "indonesian.yaml",
    "chinese": CASES / "render" / "chinese.yaml",
    "hebrew": CASES / "render" / "hebrew.yaml",
}
DOCUMENTS: dict[str, list[str]] = {
    "intro.txt": ["intro"],
    "intro-csm.txt": ["intro", "--from", "csm"],
    "intro.eml": ["intro", "--format", "eml", "--date", STAMP],
    "intro-csm.eml": ["intro", "--from", "csm", "--format", "eml", "--date", STAMP],
    "plan.md": ["plan"],
    "plan.html": ["plan", "--format", "html"],
    "plan-customer.md": ["plan", "--for", "customer"],
    "plan-customer.html": ["plan", "--for", "customer", "--format", "html"],
    "agenda-kickoff-csm.md": ["agenda", "--meeting", "kickoff", "--for", "csm"],
    "calendar-customer.ics": ["calendar", "--for", "customer", "--date", STAMP],
    **{f"agenda-{m}.{f}": ["agenda", "--meeting", m, "--format", f]
       for m in ("internal", "joint", "kickoff") for f in ("md", "html")},
    "calendar.ics": ["calendar", "--date", STAMP],
}
# the SMB playbook switches the internal and joint meetings off: their agendas are refused (cli/test_render.py)
OFF = {("smb-brightleaf", f"agenda-{m}.{f}") for m in ("internal", "joint") for f in ("md", "html")}
CASES_RENDERED = [(d, doc) for d in DOSSIERS for doc in DOCUMENTS if (d, doc) not in OFF]
# with US holidays, Veterans Day pushes these deals' joint meeting past the kickoff's deadline: in the plans
# and the customer's calendar the kickoff follows it, and each says so once
MOVED = {d: ("Fri 2026-11-13", "Mon 2026-11-16", "Tue 2026-11-17")
         for d in ("complete", "german", "malay", "indonesian", "chinese", "hebrew")}
# Message-ID is unique per message by design (make_msgid); it is the one part a snapshot cannot fix
MESSAGE_ID = re.compile(rb"^Message-ID: <[^>]+>\r$", re.MULTILINE)


def _normalised(raw: bytes) -> bytes:
    return MESSAGE_ID.sub(b"Message-ID: <masked@snapshot>\r", raw)


@pytest.mark.parametrize(("dossier", "document"), CASES_RENDERED)
def test_rendered_document_matches_snapshot(dossier: str, document: str, run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text(CONFIG, encoding="utf-8")
    out = deals_repo / document
    # through --out: a file keeps the CRLF line ends of .eml and .ics exactly
    result = run_cli("render", *DOCUMENTS[document][:1], str(DOSSIERS[dossier]), *DOCUMENTS[document][1:],
                     "--out", str(out))
    warning = ""
    if dossier in MOVED and document.startswith(("plan", "calendar-customer")):
        due, joint, moved = MOVED[dossier]
        warning = (f"handoff: warning: {DOSSIERS[dossier]}: the kickoff is due {due}, before the joint transition "
                   f"meeting ({joint}) that books it; this document puts it on {moved}\n")
    assert (result.exit_code, result.stderr) == (0, warning)
    assert result.stdout == f"wrote {out}\n"
    rendered = _normalised(out.read_bytes())
    assert rendered == snapshot(SNAPSHOTS / dossier / document, rendered)


def test_stdout_is_the_same_document(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text(CONFIG, encoding="utf-8")
    result = run_cli("render", "plan", str(DOSSIERS["complete"]))
    assert result.exit_code == 0
    assert result.stdout.encode() == (SNAPSHOTS / "complete" / "plan.md").read_bytes()
