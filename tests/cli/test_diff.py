"""`handoff diff`: a dossier's change in words, on a git repo with one commit per kind of change; changes to
commitments or the go-live after signature are marked; renames are one change; md has one <details> per dossier."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.builders import dossier_yaml
from tests.conftest import AS_OF, EXAMPLES, RunCli
from tests.gitrepo import git

ACME = (EXAMPLES / "midmarket-acme.yaml").read_text(encoding="utf-8")  # signed 2026-11-04T14:05-07:00
START = "  start: 2026-11-30\n"
GENESYS = '  - {what: Genesys CTI connector, kind: verbal, due: 2027-02-28}\n'
PREPAY = '  - {what: "Annual prepay, net-30, 10% discount"'
END_USERS = ACME[ACME.index("  - name: Support agents"):ACME.index("\ngoals:\n")]
BUYER = ("  - name: Dana Price\n    role: economic-buyer\n    title: CFO\n    email: dana.price@acme-outdoor.example\n"
         "    budget: Signed the order form\n")  # fmt: skip
INTRO = "    - {event: intro_email, at: 2026-11-09T08:45:00-07:00, by: Jess Moreno}\n"

# (message, commit date, change to the file as the commit before left it)
STEPS = [
    ("commitment added", "2026-11-20T09:00:00+00:00", lambda t: t.replace(PREPAY, GENESYS + PREPAY)),
    ("go-live moved", "2026-11-20T10:00:00+00:00",
     lambda t: t.replace("  go_live: 2027-04-15\n", "  go_live: 2027-06-30\n")),
    ("stakeholder removed", "2026-11-20T11:00:00+00:00", lambda t: t.replace(END_USERS, "")),
    ("economic buyer named", "2026-11-20T12:00:00+00:00", lambda t: t.replace("\ngoals:\n", BUYER + "\ngoals:\n")),
    ("CSM changed", "2026-11-20T13:00:00+00:00",
     lambda t: t.replace("csm: {name: Kofi Mensah, email: kofi.mensah@relay.example}",
                         "csm: {name: Ada Lovelace, email: ada@relay.example}")),
    ("intro email taken out", "2026-11-20T14:00:00+00:00", lambda t: t.replace(INTRO, "")),
]  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """main: the Acme dossier with a go-live, committed before signature; feature: one commit per change, then a
    rename."""
    git(tmp_path, "init", "-q", "-b", "main")
    shutil.copy(EXAMPLES / "handoff.toml", tmp_path / "handoff.toml")
    (tmp_path / "deals").mkdir()
    dossier = tmp_path / "deals" / "acme.yaml"
    dossier.write_text(ACME.replace(START, START + "  go_live: 2027-04-15\n"), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base", date="2026-11-01T09:00:00+00:00")
    git(tmp_path, "switch", "-q", "-c", "feature")
    for message, date, change in STEPS:
        dossier.write_text(change(dossier.read_text(encoding="utf-8")), encoding="utf-8")
        git(tmp_path, "commit", "-q", "-am", message, date=date)
    git(tmp_path, "mv", "deals/acme.yaml", "deals/acme-outdoor.yaml")
    git(tmp_path, "commit", "-q", "-m", "rename", date="2026-11-21T09:00:00+00:00")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def changes(run_cli: RunCli, *args: str) -> list[str]:
    run = run_cli("diff", *args, "--as-of", AS_OF)
    assert (run.exit_code, run.stderr) == (0, "")
    return run.stdout.splitlines()


@pytest.mark.parametrize(
    ("commit", "said"),
    [
        ("HEAD~6", ["  commitment added: 'Genesys CTI connector' (verbal, not validated, due 2027-02-28) · after "
                    "signature", "  score 89.4 % → 88.5 % (- commitment-provenance)"]),
        ("HEAD~5", ["  go-live moved 2027-04-15 → 2027-06-30 · after signature"]),
        ("HEAD~4", ["  stakeholder removed: Support agents (38 full-time, about 20 seasonal), end user",
                    "  score 88.5 % → 86.5 % (- end-users-described)"]),
        ("HEAD~3", ["  stakeholder added: Dana Price, economic buyer",
                    "  score 86.5 % → 89.8 % (+ economic-buyer-named, - stakeholder-goals)"]),
        ("HEAD~2", ["  CSM changed: Kofi Mensah → Ada Lovelace"]),
        ("HEAD~1", ["  clock newly breached: intro email to the customer (intro_email), due 2026-11-06 21:05+00:00"]),
    ],
    ids=[step[0] for step in STEPS],
)
def test_each_kind_of_change_in_words(run_cli: RunCli, repo: Path, commit: str, said: list[str]) -> None:
    lines = changes(run_cli, f"{commit}~1", commit)
    assert lines[:3] == [f"handoff diff {commit}~1 → {commit}: 1 dossier changed", "",
                         "deals/acme.yaml · HS-88412 Acme Outdoor Supply"]  # fmt: skip
    assert lines[3:] == said


def test_a_rename_is_one_change_with_nothing_else_said(run_cli: RunCli, repo: Path) -> None:
    assert changes(run_cli, "HEAD~1", "HEAD")[2:] == ["deals/acme-outdoor.yaml · HS-88412 Acme Outdoor Supply",
                                                      "  renamed from deals/acme.yaml"]  # fmt: skip


def test_the_whole_branch_by_default_against_the_merge_base(run_cli: RunCli, repo: Path) -> None:
    (repo / "deals" / "acme-outdoor.yaml").write_text(
        (repo / "deals" / "acme-outdoor.yaml").read_text().replace("due: 2027-05-15", "due: 2027-06-15"))
    lines = changes(run_cli)
    base = git(repo, "merge-base", "main", "HEAD").strip()[:7]
    assert lines == [
        f"handoff diff main (merge base {base}) → the work tree: 1 dossier changed",
        "",
        "deals/acme-outdoor.yaml · HS-88412 Acme Outdoor Supply",
        "  renamed from deals/acme.yaml",
        "  CSM changed: Kofi Mensah → Ada Lovelace",
        "  stakeholder added: Dana Price, economic buyer",
        "  stakeholder removed: Support agents (38 full-time, about 20 seasonal), end user",
        "  commitment added: 'Genesys CTI connector' (verbal, not validated, due 2027-02-28) · after signature",
        "  go-live moved 2027-04-15 → 2027-06-30 · after signature",
        "  score 89.4 % → 89.8 % (+ economic-buyer-named, - commitment-provenance, - end-users-described, "
        "- stakeholder-goals)",
        "  clock newly breached: intro email to the customer (intro_email), due 2026-11-06 21:05+00:00",
    ]


def test_markdown_has_one_collapsible_section_per_dossier(run_cli: RunCli, repo: Path) -> None:
    (repo / "deals" / "new.yaml").write_text(dossier_yaml(id="D-9", account="Initech <b>"))
    run = run_cli("diff", "main", "--as-of", AS_OF, "--format", "md")
    assert run.exit_code == 0
    md = run.stdout
    assert md.count("<details") == 2 and md.count("</details>") == 2
    assert ("<details open><summary><code>deals/acme-outdoor.yaml</code> · HS-88412 Acme Outdoor Supply · score "
            "89.4 % → 89.8 % (+ economic-buyer-named, - commitment-provenance, - end-users-described, - "
            "stakeholder-goals) · ⚠ changed after signature</summary>") in md  # fmt: skip
    assert "- go-live moved 2027-04-15 → 2027-06-30 **after signature**" in md
    # an added dossier: closed, and its text cannot inject HTML into the comment
    assert "<details><summary><code>deals/new.yaml</code> · D-9 Initech &lt;b&gt; · score " in md


def test_json_says_each_change_and_whether_it_came_after_signature(run_cli: RunCli, repo: Path) -> None:
    doc = json.loads(run_cli("diff", "main", "HEAD", "--as-of", AS_OF, "-f", "json").stdout)
    [acme] = doc["dossiers"]
    assert (acme["path"], acme["old_path"], acme["status"]) == ("deals/acme-outdoor.yaml", "deals/acme.yaml", "renamed")
    late = [c["text"] for c in acme["changes"] if c["after_signature"]]
    assert late == ["commitment added: 'Genesys CTI connector' (verbal, not validated, due 2027-02-28)",
                    "go-live moved 2027-04-15 → 2027-06-30"]  # fmt: skip
    assert acme["score"] == {"before": 89.4, "after": 89.8, "gained": ["economic-buyer-named"],
                             "lost": ["commitment-provenance", "end-users-described", "stakeholder-goals"]}  # fmt: skip


def test_before_signature_a_promise_is_not_marked(run_cli: RunCli, deals_repo: Path) -> None:
    open_deal = dict(stage="pre-close", signed_at=None, expected_close="2027-01-15")
    path = deals_repo / "deal.yaml"
    path.write_text(dossier_yaml(**open_deal))
    git(deals_repo, "add", "-A")
    git(deals_repo, "commit", "-q", "-m", "draft")
    path.write_text(dossier_yaml(sections={"commitments": [{"what": "SSO", "kind": "scope", "due": "2027-02-01"}],
                                           "implementation": {"go_live": "2027-03-01"}}, **open_deal))  # fmt: skip
    doc = json.loads(run_cli("diff", "HEAD", "--as-of", AS_OF, "-f", "json").stdout)
    said = doc["dossiers"][0]["changes"]
    assert said == [
        {"text": "commitment added: 'SSO' (scope, not validated, due 2027-02-01)", "after_signature": False},
        {"text": "go-live set: 2027-03-01", "after_signature": False},
    ]


def test_nothing_changed_and_paths_narrow_it(run_cli: RunCli, repo: Path) -> None:
    assert changes(run_cli, "HEAD", "HEAD") == ["handoff diff HEAD → HEAD: 0 dossiers changed"]
    (repo / "other").mkdir()
    assert changes(run_cli, "main", "HEAD", "other") == ["handoff diff main → HEAD: 0 dossiers changed"]


def test_an_invalid_head_is_said_and_exits_1(run_cli: RunCli, repo: Path) -> None:
    (repo / "deals" / "acme-outdoor.yaml").write_text(ACME.replace("segment: mid-market", "segment: mid market"))
    run = run_cli("diff", "HEAD", "--as-of", AS_OF)
    assert run.exit_code == 1
    assert run.stdout.splitlines()[3] == (
        "  not a valid dossier at the work tree (1 problem(s)); run `handoff validate deals/acme-outdoor.yaml`")
    assert run.stderr.splitlines()[-1].startswith("handoff: error: deals/acme-outdoor.yaml: not a valid dossier")


def test_outside_git_and_an_unknown_revision_are_one_line(
    run_cli: RunCli, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, repo: Path
) -> None:
    unknown = run_cli("diff", "nosuch", "HEAD")
    assert (unknown.exit_code, unknown.stderr) == (2, "handoff: error: nosuch: neither a git revision nor a file or "
                                                      "folder\n")  # fmt: skip
    outside = tmp_path_factory.mktemp("outside")
    monkeypatch.chdir(outside)
    run = run_cli("diff")
    assert run.exit_code == 2 and run.stderr.startswith("handoff: error: not inside a git repository")
