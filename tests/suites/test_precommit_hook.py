"""The hooks of .pre-commit-hooks.yaml: the manifest's entries on good and bad dossiers, then real pre-commit in a
temporary deals repo refusing an incomplete dossier and accepting a complete one."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import AS_OF, EXAMPLES, ROOT, RunCli

MANIFEST = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
HOOKS = {hook["id"]: hook for hook in MANIFEST}
# the `handoff` script of the environment running the tests, as pre-commit's own env would have it
HANDOFF = str(Path(sys.executable).with_name("handoff"))
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.egg-info", ".*_cache", "build", "dist", ".hypothesis"
)


def test_manifest_declares_both_hooks() -> None:
    assert list(HOOKS) == ["handoff-validate", "handoff-sla"]
    validate = HOOKS["handoff-validate"]
    assert (validate["entry"], validate["language"], validate["types"], validate["files"]) == (
        "handoff validate",
        "python",
        ["yaml"],
        "^deals/",
    )
    assert validate["require_serial"] is True
    sla = HOOKS["handoff-sla"]
    assert (sla["entry"], sla["stages"], sla["always_run"], sla["pass_filenames"]) == (
        "handoff sla",
        ["manual"],
        True,
        False,
    )


@pytest.mark.parametrize(
    ("hook", "example", "exit_code"),
    [
        ("handoff-validate", "smb-brightleaf.yaml", 0),
        ("handoff-validate", "midmarket-acme.yaml", 1),
        ("handoff-validate", "invalid/duplicate-key.yaml", 1),
        # no clock breached, but both commitments are past due and not marked done: an overdue item fails too
        ("handoff-sla", "smb-brightleaf.yaml", 1),
        ("handoff-sla", "midmarket-acme.yaml", 1),
    ],
)
def test_each_entry_on_good_and_bad_examples(hook: str, example: str, exit_code: int, tmp_path: Path) -> None:
    # the entry as pre-commit runs it; the file stands in for the staged names or the hook's `args`. Run
    # outside any git repo, so that this checkout's other YAML files are not indexed for copied text
    command = shlex.split(HOOKS[hook]["entry"])
    done = subprocess.run(
        [HANDOFF, *command[1:], str(EXAMPLES / example), "--as-of", AS_OF], capture_output=True, text=True, cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (exit_code, "")


def run(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)


def test_real_precommit_refuses_incomplete_accepts_complete_and_sees_text_copied_from_the_repo(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    env.pop("GITHUB_ACTIONS", None)
    # pre-commit clones a hook repo at a commit: commit a copy of this working tree, never the checkout itself
    hooks_repo = tmp_path / "handoff-src"
    shutil.copytree(ROOT, hooks_repo, ignore=COPY_IGNORE)
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        assert run(hooks_repo, "git", *step, env=env).returncode == 0
    rev = run(hooks_repo, "git", "rev-parse", "HEAD", env=env).stdout.strip()

    deals = tmp_path / "deals-repo"
    (deals / "deals").mkdir(parents=True)
    (deals / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks_repo}\n    rev: {rev}\n    hooks:\n      - id: handoff-validate\n"
    )
    assert run(deals, "git", "init", "-q", "-b", "main", env=env).returncode == 0
    assert run(deals, sys.executable, "-m", "pre_commit", "install", env=env).returncode == 0

    # a skeleton marked closed-won: required items missing, so the gate blocks it
    monkeypatch.chdir(deals)
    assert run_cli("init", "deals/acme.yaml", "--account", "Acme Corp", "--segment", "mid-market").exit_code == 0
    bad = deals / "deals" / "acme.yaml"
    bad.write_text(bad.read_text().replace("stage: pre-close", "stage: closed-won"))
    finding = run_cli("validate", "deals/acme.yaml").stdout.splitlines()[0]
    assert finding.startswith("deals/acme.yaml:1:1: error: HG001 below-min-score: completeness ")

    run(deals, "git", "add", "-A", env=env)
    refused = run(deals, "git", "commit", "-m", "acme", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "handoff validate" in output and "Failed" in output
    assert finding in output.splitlines()
    assert run(deals, "git", "rev-parse", "--verify", "-q", "HEAD", env=env).returncode != 0  # nothing committed

    run(deals, "git", "rm", "-q", "--cached", "deals/acme.yaml", env=env)
    bad.unlink()
    shutil.copy(EXAMPLES / "smb-brightleaf.yaml", deals / "deals" / "brightleaf.yaml")
    run(deals, "git", "add", "-A", env=env)
    accepted = run(deals, "git", "commit", "-m", "brightleaf", env=env)
    hook_says = accepted.stdout + accepted.stderr  # git shows the hook's report on stderr
    assert accepted.returncode == 0, hook_says
    assert any(line.startswith("handoff validate") and line.endswith("Passed") for line in hook_says.splitlines())

    # only the copy is staged, its original was committed before: the hook still compares the two (HF002)
    config = deals / ".pre-commit-config.yaml"
    config.write_text(config.read_text() + "        verbose: true\n")  # show a passing hook's output
    copy = deals / "deals" / "brightleaf-copy.yaml"
    copy.write_text((EXAMPLES / "smb-brightleaf.yaml").read_text().replace("SUB-20931", "SUB-20932")
                    .replace("account: Brightleaf Plants B.V.", "account: Greenleaf Plants B.V."))
    run(deals, "git", "add", "deals/brightleaf-copy.yaml", ".pre-commit-config.yaml", env=env)
    copied = run(deals, "git", "commit", "-m", "copy", env=env)
    hook_says = copied.stdout + copied.stderr
    assert copied.returncode == 0, hook_says  # copied text warns, it does not block
    assert (
        "deals/brightleaf-copy.yaml:24:14: warning: HF002 copied-text: customer.purchase.why_now: the same text as in "
        "deals/brightleaf.yaml; write what is true of this deal"
    ) in hook_says.splitlines()
    assert "deals/brightleaf.yaml:" not in hook_says  # the committed file is compared with, not reported

    # no tags: `pre-commit autoupdate` moves rev to the newest commit's sha, as the README says
    (hooks_repo / "NEWS").write_text("a later commit\n")
    for step in (["add", "-A"], ["commit", "-q", "-m", "later"]):
        assert run(hooks_repo, "git", *step, env=env).returncode == 0
    newest = run(hooks_repo, "git", "rev-parse", "HEAD", env=env).stdout.strip()
    assert run(deals, sys.executable, "-m", "pre_commit", "autoupdate", env=env).returncode == 0
    assert f"rev: {newest}" in config.read_text()
