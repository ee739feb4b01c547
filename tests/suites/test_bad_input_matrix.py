"""Every command that reads a dossier or a settings file, on every broken input shipped, as a real process.

Each run must end within the time limit with exit 1 or 2, print no traceback, name the file it
stopped at, and leave every file in its folder byte for byte as it was. The command list comes from
the Typer app, so a new command fails `test_every_command_has_a_recipe` until it is added here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup

from handoff_cli.cli import app
from tests.conftest import AS_OF, CASES, EXAMPLES, ROOT

TIMEOUT = 20  # seconds; a run that takes longer counts as a hang
PAST = "2026-11-20T10:00:00+00:00"
DEAL = "{deal}"  # where the dossier's file name goes in a command line
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's tree of no files, in every repository


@dataclass(frozen=True)
class Recipe:
    """How to run one command against a bad input; None: the command never reads that kind of input."""

    dossier: tuple[str, ...] | None
    config: tuple[str, ...] | None
    repo: bool = False  # the inputs must be committed to a git repository


RECIPES: dict[str, Recipe] = {
    "validate": Recipe(("validate", DEAL, "--as-of", AS_OF), ("validate", DEAL, "--as-of", AS_OF)),
    "score": Recipe(("score", DEAL, "--as-of", AS_OF), ("score", DEAL, "--as-of", AS_OF)),
    "sla": Recipe(("sla", DEAL, "--as-of", AS_OF), ("sla", DEAL, "--as-of", AS_OF)),
    "log": Recipe(("log", DEAL, "kickoff", "--at", PAST), ("log", DEAL, "kickoff", "--at", PAST)),
    "accept": Recipe(
        ("accept", DEAL, "--by", "kofi@relay.example", "--rating", "4", "--as-of", PAST),
        ("accept", DEAL, "--by", "kofi@relay.example", "--rating", "4", "--as-of", PAST),
    ),
    "mark": Recipe(("mark", DEAL, "commitments", "Shopify", "done", "--at", PAST),
                   ("mark", DEAL, "commitments", "Shopify", "done", "--at", PAST)),
    "report": Recipe(("report", DEAL, "--as-of", AS_OF), ("report", DEAL, "--as-of", AS_OF)),
    # json: the text table shows commits, not the file's name
    "history": Recipe(
        ("history", DEAL, "--format", "json", "--as-of", AS_OF),
        ("history", DEAL, "--as-of", AS_OF),
        repo=True,
    ),
    "render intro": Recipe(("render", "intro", DEAL), ("render", "intro", DEAL)),
    "render plan": Recipe(("render", "plan", DEAL), ("render", "plan", DEAL)),
    "render agenda": Recipe(
        ("render", "agenda", DEAL, "--meeting", "kickoff"), ("render", "agenda", DEAL, "--meeting", "kickoff")
    ),
    "render calendar": Recipe(("render", "calendar", DEAL), ("render", "calendar", DEAL)),
    "rules": Recipe(None, ("rules",)),
    "templates list": Recipe(None, ("templates", "list")),
    "templates copy": Recipe(None, ("templates", "copy", "intro_email.txt.j2")),
    "init": Recipe(None, ("init", "new.yaml", "--account", "Initech", "--segment", "smb")),
    # the mapping is read first; a bad handoff.toml must still stop the import before anything is written
    "import crm": Recipe(None, ("import", "crm", "hubspot-deals.csv", "--map", "hubspot", "--out", "deals")),
    # against git's empty tree, so that the committed file is an added dossier whose head is read
    "diff": Recipe(
        ("diff", EMPTY_TREE, DEAL, "--as-of", AS_OF), ("diff", EMPTY_TREE, DEAL, "--as-of", AS_OF), repo=True
    ),
    "digest": Recipe(("digest", DEAL, "--as-of", AS_OF), ("digest", DEAL, "--as-of", AS_OF)),
    # --out: an invalid dossier or settings file must leave no write-back file behind
    "export crm": Recipe(("export", "crm", DEAL, "--as-of", AS_OF, "--out", "back.csv"),
                         ("export", "crm", DEAL, "--as-of", AS_OF, "--out", "back.csv")),
    "schema": Recipe(None, None),  # prints the JSON Schema: reads neither a dossier nor handoff.toml
}


def commands(group: TyperGroup, prefix: str = "") -> Iterator[str]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, TyperGroup):
            yield from commands(command, f"{prefix}{name} ")
        else:
            yield prefix + name


COMMANDS = sorted(commands(typer.main.get_group(app)))
BAD_DOSSIERS = sorted([*(CASES / "invalid").glob("*.yaml"), *(EXAMPLES / "invalid").glob("*.yaml")])
BAD_CONFIGS: dict[str, bytes] = {
    "toml-syntax": b'min_score = 95\ntimezone = "UTC\n',
    "unknown-setting": b"min_scor = 90\n",
    "ill-typed": b'min_score = 95\n[sla.clocks.kickoff]\nwithin = "7 dayz"\n',
    "not-utf8": b'timezone = "Europe/Z\xfcrich"\n',
}


@dataclass(frozen=True)
class Case:
    command: str
    kind: str  # "dossier" or "config"
    input: str  # a bad dossier's path relative to the repo, or a BAD_CONFIGS name

    @property
    def id(self) -> str:
        return f"{self.command}|{self.input}"


def _cases() -> list[Case]:
    cases: list[Case] = []
    for command in COMMANDS:
        recipe = RECIPES.get(command)
        if recipe is None:
            continue
        if recipe.dossier is not None:
            cases += [Case(command, "dossier", str(p.relative_to(ROOT))) for p in BAD_DOSSIERS]
        if recipe.config is not None:
            cases += [Case(command, "config", name) for name in BAD_CONFIGS]
    return cases


CASES_RUN = _cases()


@dataclass(frozen=True)
class Outcome:
    exit_code: int | None  # None: killed at the time limit
    stdout: str
    stderr: str
    before: dict[str, str]
    after: dict[str, str]
    named: str  # the file a line of the output must name


def _hashes(folder: Path) -> dict[str, str]:
    """Every file's digest, git's own bookkeeping aside."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(folder).parts
    }


def _commit_all(folder: Path) -> None:
    git = ["git", "-c", "user.name=Matrix", "-c", "user.email=matrix@example.com", "-c", "commit.gpgsign=false"]
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "the bad input"]):
        subprocess.run([*git, *step], cwd=folder, check=True, capture_output=True)


def _prepare(case: Case, folder: Path) -> tuple[list[str], str]:
    """A folder holding the inputs, with a .git so no settings are found above it; the argv to run there."""
    folder.mkdir(parents=True)
    recipe = RECIPES[case.command]
    if case.kind == "dossier":
        assert recipe.dossier is not None
        source = ROOT / case.input
        shutil.copyfile(source, folder / source.name)
        argv, named = [a.replace(DEAL, source.name) for a in recipe.dossier], source.name
    else:
        assert recipe.config is not None
        (folder / "handoff.toml").write_bytes(BAD_CONFIGS[case.input])
        shutil.copyfile(EXAMPLES / "midmarket-acme.yaml", folder / "acme.yaml")
        shutil.copyfile(EXAMPLES / "crm" / "hubspot-deals.csv", folder / "hubspot-deals.csv")
        argv, named = [a.replace(DEAL, "acme.yaml") for a in recipe.config], "handoff.toml"
    if recipe.repo:
        _commit_all(folder)
    else:
        (folder / ".git").mkdir()
    return argv, named


def _run(case: Case, folder: Path, base_env: dict[str, str]) -> Outcome:
    argv, named = _prepare(case, folder)
    before = _hashes(folder)
    env = {k: v for k, v in base_env.items() if k not in {"HANDOFF_DEBUG", "GITHUB_ACTIONS"}}
    env |= {
        "NO_COLOR": "1",
        "PYTHONPATH": os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
        # a result cache of its own, outside the folder: a cached answer would hide what the code does
        "HANDOFF_CACHE_DIR": str(folder.with_name(folder.name + "-cache")),
    }
    try:
        done = subprocess.run(
            [sys.executable, "-m", "handoff_cli", *argv],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
        code, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        code, out, err = None, str(exc.stdout or ""), str(exc.stderr or "")
    return Outcome(code, out, err, before, _hashes(folder), named)



@pytest.fixture(scope="module")
def outcomes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Future[Outcome]]]:
    """Start every selected case at once on a small pool; each test then waits for its own."""
    chosen = [
        item.callspec.params.get("case")
        for item in request.session.items
        if isinstance(item, pytest.Function) and hasattr(item, "callspec") and item.module is sys.modules[__name__]
    ]
    selected = {case.id for case in chosen if isinstance(case, Case)}
    root = tmp_path_factory.mktemp("matrix")
    # copied before any thread starts: other tests' fixtures change os.environ while the cases run,
    # and iterating it during a change raises
    base_env = dict(os.environ)
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {
            c.id: pool.submit(_run, c, root / f"{i:03d}", base_env)
            for i, c in enumerate(CASES_RUN)
            if c.id in selected
        }
        yield futures
        for future in futures.values():
            future.cancel()


def test_every_command_has_a_recipe() -> None:
    assert [c for c in COMMANDS if c not in RECIPES] == [], "add the new command to RECIPES"
    assert {"validate", "score", "sla", "log", "report", "render plan", "rules", "templates list"} <= set(COMMANDS)


@pytest.mark.parametrize("case", CASES_RUN, ids=lambda c: c.id)
def test_bad_input_gets_a_clean_refusal(case: Case, outcomes: dict[str, Future[Outcome]]) -> None:
    run = outcomes[case.id].result()
    shown = f"exit {run.exit_code}\n--- stdout\n{run.stdout}--- stderr\n{run.stderr}"
    assert run.exit_code is not None, f"still running after {TIMEOUT} s\n{shown}"
    expected = frozenset({1, 2}) if case.kind == "dossier" else frozenset({2})
    assert run.exit_code in expected, shown
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, shown
    assert "Usage:" not in run.stderr, f"the recipe's command line is out of date\n{shown}"
    assert run.after == run.before, f"files changed: {shown}"
    assert any(run.named in line for line in (run.stdout + run.stderr).splitlines()), shown
    if case.kind == "config":
        # a settings file that cannot be used stops every command the same way: one line, file and line first
        assert run.stderr.startswith("handoff: error: ") and run.stderr.count("\n") == 1, shown
