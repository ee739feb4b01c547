"""The composite GitHub Action at the repo root: its shape, that every handoff command line it runs exists in
the CLI, that its validate step really annotates a changed dossier, and that the documented workflow gives
the SARIF upload the permission it needs."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from handoff_cli.cli import command
from tests.conftest import AS_OF, EXAMPLES, ROOT
from tests.gitrepo import git

ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}")


def _step(name: str) -> dict[str, Any]:
    return next(step for step in STEPS if step.get("name") == name)


def _handoff_lines(script: str) -> list[list[str]]:
    """Each `handoff ...` command line of a step's script, continuation lines joined, as words."""
    joined = re.sub(r"\\\n\s*", " ", script)
    lines = [line.split("#")[0].strip() for line in joined.splitlines()]
    return [shlex.split(line.split("||")[0].split(">")[0]) for line in lines if line.startswith("handoff ")]


def test_the_action_is_composite_with_described_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "base", "python-version", "sarif", "sarif-file"}
    for name, spec in ACTION["inputs"].items():
        assert spec["description"].strip() and isinstance(spec["default"], str), name
    used = {m.strip().removeprefix("inputs.") for text in map(str, STEPS) for m in EXPRESSION.findall(text)}
    assert {name for name in ACTION["inputs"] if not any(name in u for u in used)} == set(), "an input is never used"


def test_scripts_take_inputs_from_the_environment_only() -> None:
    for step in STEPS:
        if "run" in step:
            assert step["shell"] == "bash", step
            assert EXPRESSION.search(step["run"]) is None, f"an expression spliced into a script: {step['name']}"


def test_handoff_is_installed_from_the_actions_own_checkout() -> None:
    assert STEPS[0]["uses"].startswith("actions/setup-python@")
    assert _step("Install handoff")["run"].strip() == 'python -m pip install --quiet "$GITHUB_ACTION_PATH"'


def test_every_command_line_exists_in_the_cli() -> None:
    root = command()
    found = [words for step in STEPS if "run" in step for words in _handoff_lines(step["run"])]
    assert [words[:2] for words in found] == [["handoff", "validate"], ["handoff", "validate"]]
    for words in found:
        sub = root.commands[words[1]]
        options = {opt for param in sub.params for opt in param.opts}
        assert "--base" in options and "${HANDOFF_BASE:+--base" in words  # --base only when a ref is known
        for i, word in enumerate(words):
            if word.startswith("--"):
                assert word in options, word
            if word == "--format":
                param = next(p for p in sub.params if "--format" in p.opts)
                assert words[i + 1] in getattr(param.type, "choices", ()), words[i + 1]
    formats = {words[words.index("--format") + 1] for words in found}
    assert formats == {"github", "sarif"}


def test_the_sarif_steps_run_only_when_asked() -> None:
    write, upload = _step("Write SARIF"), _step("Upload SARIF")
    assert write["if"] == upload["if"] == "inputs.sarif == 'true'"
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert [s.get("name") for s in STEPS].index("Upload SARIF") < [s.get("name") for s in STEPS].index(
        "Validate changed dossiers"
    ), "the annotations step fails the job, so the upload comes first"


def test_the_validate_step_annotates_a_changed_dossier(tmp_path: Path) -> None:
    repo = tmp_path / "deals-repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "deals").mkdir()
    (repo / "deals" / "acme.yaml").write_bytes((EXAMPLES / "midmarket-acme.yaml").read_bytes())
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "acme")
    git(repo, "switch", "-q", "-c", "feature")
    (repo / "deals" / "new.yaml").write_text("schema: 1\ndeal:\n  id: N-1\n  acount: Newco\n", encoding="utf-8")
    step = _step("Validate changed dossiers")
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin:/bin",
        "HANDOFF_CACHE_DIR": str(tmp_path / "cache"),
        "HANDOFF_PATHS": ACTION["inputs"]["paths"]["default"],
        "HANDOFF_BASE": "main",  # what the expression gives for a pull request into main, less the remote
    }
    script = step["run"].replace("--format github", f"--format github --as-of {AS_OF}")
    done = subprocess.run(["bash", "-c", script], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert "::error file=deals/new.yaml,line=4,col=3,title=HV001 unknown-key::" in done.stdout
    assert "acme.yaml" not in done.stdout  # unchanged since main: not checked


def _workflow_job() -> dict[str, Any]:
    """The validate job of the workflow docs/ci.md shows for the action."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b and "uses: <" in yaml.safe_dump(b))
    job: dict[str, Any] = workflow["jobs"]["validate"]
    return job


def test_the_documented_workflow_gives_the_upload_its_permission() -> None:
    job = _workflow_job()
    assert job["permissions"]["security-events"] == "write"
    checkout, action = job["steps"][0], job["steps"][1]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    assert set(action["with"]) <= set(ACTION["inputs"]) and action["with"]["sarif"] == "true"


def test_the_docs_site_links_the_repo_shows_the_version_and_keeps_wide_tables_in_their_box() -> None:
    from handoff_cli import __version__

    site = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert site["site_url"].startswith("https://") and site["repo_url"].startswith("https://")  # sitemap, repo link
    assert f"handoff {__version__}" in site["copyright"]
    assert "__pycache__/" in site["exclude_docs"].split()
    css = "".join((ROOT / "docs" / name).read_text(encoding="utf-8") for name in site["extra_css"])
    assert re.search(r"table:not\(\[class\]\) \{[^}]*overflow-x: auto", css)
