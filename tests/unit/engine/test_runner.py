"""Many dossiers at once: the same output byte for byte with or without the cache and with any number of
workers; the cache misses whenever the content, the settings or the moment of the check matter."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AS_OF, EXAMPLES, ROOT, Run, RunCli

_spec = importlib.util.spec_from_file_location("generate", ROOT / "bench" / "generate.py")
assert _spec and _spec.loader
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)



@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated dossiers (more than are checked in-process), some incomplete or invalid."""
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "60", str(folder), "--seed", "3"], check=True)
    return folder


def _validate(folder: Path, *args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handoff_cli", "validate", "deals", "--as-of", AS_OF, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"HANDOFF_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.mark.parametrize("format", ["text", "json", "sarif"])
def test_output_is_identical_across_workers_and_cache(corpus: Path, tmp_path: Path, format: str) -> None:
    runs = {
        "one process, no cache": _validate(corpus, "-f", format, "-j", "1", "--no-cache", cache=tmp_path),
        "two workers, no cache": _validate(corpus, "-f", format, "-j", "2", "--no-cache", cache=tmp_path),
        "two workers, cold cache": _validate(corpus, "-f", format, "-j", "2", cache=tmp_path),
        "one process, warm cache": _validate(corpus, "-f", format, "-j", "1", cache=tmp_path),
        "three workers, warm cache": _validate(corpus, "-f", format, "-j", "3", cache=tmp_path),
    }
    first = runs["one process, no cache"]
    assert first.returncode == 1 and first.stderr == ""  # the corpus holds incomplete and invalid dossiers
    for name, run in runs.items():
        assert (run.returncode, run.stdout, run.stderr) == (first.returncode, first.stdout, first.stderr), name
    assert (tmp_path / "results.sqlite3").is_file()


def test_concurrent_runs_share_the_cache_safely(corpus: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "handoff_cli", "validate", "deals", "--as-of", AS_OF, "-j", "1"]
    env = {"HANDOFF_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.Popen(command, cwd=corpus, env=env, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = {run.communicate()[0] for run in runs}
    assert len(outputs) == 1 and [run.returncode for run in runs] == [1, 1, 1]
    assert _validate(corpus, cache=tmp_path).stdout == outputs.pop()


def test_an_unusable_cache_folder_is_skipped(corpus: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    run = _validate(corpus, cache=blocked)
    assert (run.returncode, run.stderr) == (1, "")
    assert run.stdout == _validate(corpus, "--no-cache", cache=tmp_path).stdout


def _copy_example(deals_repo: Path, name: str = "enterprise-northwind.yaml") -> Path:
    target = deals_repo / name
    shutil.copy(EXAMPLES / name, target)
    return target


def test_an_edited_file_is_checked_afresh(run_cli: RunCli, deals_repo: Path) -> None:
    path = _copy_example(deals_repo)
    assert run_cli("validate", path.name, "--as-of", AS_OF).exit_code == 0
    path.write_text(path.read_text().replace("  account: Northwind Freight Group\n", ""))
    run = run_cli("validate", path.name, "--as-of", AS_OF)
    assert run.exit_code == 1
    assert (
        run.stdout.splitlines()[0] == "enterprise-northwind.yaml:5:1: error: HV002 missing-key: 'account' is "
                                      "required in deal"
    )


def test_a_settings_change_is_not_served_from_the_cache(run_cli: RunCli, deals_repo: Path) -> None:
    path = _copy_example(deals_repo)

    def summary(*args: str) -> str:
        return run_cli("validate", path.name, "--as-of", AS_OF, *args).stdout.splitlines()[-1]

    assert summary() == "enterprise-northwind.yaml: ok · 100% complete (min 95) · 0 errors, 0 warnings"
    (deals_repo / "handoff.toml").write_text("min_score = 50\n")
    assert summary() == "enterprise-northwind.yaml: ok · 100% complete (min 50) · 0 errors, 0 warnings"
    assert (
        summary("--min-score", "99") == "enterprise-northwind.yaml: ok · 100% complete (min 99) · 0 errors, 0 warnings"
    )


def test_a_cached_result_is_not_used_once_a_date_in_the_file_has_passed(run_cli: RunCli, deals_repo: Path) -> None:
    path = _copy_example(deals_repo)
    text = path.read_text()
    waiver = "  waivers:\n    - {rule: HS202, reason: Founder signs, approved_by: Tomás Ortega, expires: 2026-12-31}\n"
    path.write_text(text.replace("handoff:\n", "handoff:\n" + waiver, 1))
    before = run_cli("validate", path.name, "--as-of", "2026-12-30T12:00:00+00:00")
    assert "1 waiver: HS202 until 2026-12-31" in before.stdout
    after = run_cli("validate", path.name, "--as-of", "2027-01-01T12:00:00+00:00")
    assert "HW001" in after.stdout and "waiver" not in after.stdout.splitlines()[-1]
    again = run_cli("validate", path.name, "--as-of", "2026-12-30T18:00:00+00:00")
    assert again.stdout == before.stdout  # inside the first result's window: the same answer


PASTED = "Zendesk renewal on 2027-03-31 and a chief-executive commitment to the two at-risk shippers before peak 2027"


def _pasted_pair(folder: Path) -> tuple[Path, int, int]:
    """Two dossiers in `folder` whose why_now is the same text: (the first, its why_now line, the second's)."""
    first = _copy_example(folder)
    second = _copy_example(folder, "midmarket-acme.yaml")
    lines = second.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("    why_now:"))
    lines[at] = f"    why_now: {PASTED}\n"
    second.write_text("".join(lines))
    original = 1 + next(i for i, line in enumerate(first.read_text().splitlines()) if line.startswith("    why_now:"))
    return first, original, at + 1


def _copied(run: Run) -> list[str]:
    return [line for line in run.stdout.splitlines() if "HF002" in line]


def test_text_pasted_between_deals_is_flagged_in_both_with_the_other_file_named(
    run_cli: RunCli, deals_repo: Path
) -> None:
    _first, original, at = _pasted_pair(deals_repo)
    run = run_cli("validate", ".", "--as-of", AS_OF)
    assert _copied(run) == [
        f"enterprise-northwind.yaml:{original}:14: warning: HF002 copied-text: customer.purchase.why_now: the same "
        "text as in "
        f"midmarket-acme.yaml; write what is true of this deal",
        f"midmarket-acme.yaml:{at}:14: warning: HF002 copied-text: customer.purchase.why_now: the same text as in "
        f"enterprise-northwind.yaml; write what is true of this deal",
    ]


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_in_a_git_repo_one_file_is_compared_with_every_dossier_of_the_repo(
    run_cli: RunCli, deals_repo: Path, cache: list[str]
) -> None:
    first, original, _at = _pasted_pair(deals_repo)
    alone = run_cli("validate", first.name, "--as-of", AS_OF, *cache)
    assert _copied(alone) == [
        f"enterprise-northwind.yaml:{original}:14: warning: HF002 copied-text: customer.purchase.why_now: the same "
        "text as in "
        f"midmarket-acme.yaml; write what is true of this deal",
    ]
    # the other dossier is compared with, not reported
    assert [line for line in alone.stdout.splitlines() if "midmarket-acme.yaml:" in line.split(" ")[0]] == []
    assert alone.stdout.splitlines()[-1].startswith("enterprise-northwind.yaml: ")


def test_outside_a_git_repo_only_the_files_of_the_run_are_compared(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first, _original, _at = _pasted_pair(tmp_path)
    alone = run_cli("validate", first.name, "--as-of", AS_OF)
    assert (alone.exit_code, _copied(alone)) == (0, [])


def test_a_dossier_gitignore_hides_is_not_compared(run_cli: RunCli, deals_repo: Path) -> None:
    first, _original, _at = _pasted_pair(deals_repo)
    (deals_repo / ".gitignore").write_text("midmarket-acme.yaml\n")
    assert _copied(run_cli("validate", first.name, "--as-of", AS_OF)) == []


def test_the_finding_says_how_many_dossiers_were_compared_when_one_could_not_be_read(
    run_cli: RunCli, deals_repo: Path
) -> None:
    first, original, _at = _pasted_pair(deals_repo)
    (deals_repo / "broken.yaml").write_text("deal: [unclosed\n")
    alone = run_cli("validate", first.name, "--as-of", AS_OF)
    assert _copied(alone) == [
        f"enterprise-northwind.yaml:{original}:14: warning: HF002 copied-text: customer.purchase.why_now: the same "
        "text as in "
        f"midmarket-acme.yaml; write what is true of this deal (compared with 2 of 3 dossiers: 1 could not be read)",
    ]


@pytest.mark.parametrize(("setting", "found"), [("given", 0), ("off", 0), ("repo", 1)])
def test_the_copied_text_setting_chooses_what_a_one_file_run_is_compared_with(
    run_cli: RunCli, deals_repo: Path, setting: str, found: int
) -> None:
    first, _original, _at = _pasted_pair(deals_repo)
    (deals_repo / "handoff.toml").write_text(f'copied_text = "{setting}"\n')
    assert len(_copied(run_cli("validate", first.name, "--as-of", AS_OF))) == found


@pytest.mark.parametrize(("setting", "found"), [("off", 0), ("given", 2)])
def test_given_compares_the_files_of_the_run_and_off_compares_none(
    run_cli: RunCli, deals_repo: Path, setting: str, found: int
) -> None:
    _pasted_pair(deals_repo)
    (deals_repo / "handoff.toml").write_text(f'copied_text = "{setting}"\n')
    assert len(_copied(run_cli("validate", ".", "--as-of", AS_OF))) == found


def test_an_unknown_copied_text_setting_is_refused(run_cli: RunCli, deals_repo: Path) -> None:
    path = _copy_example(deals_repo)
    (deals_repo / "handoff.toml").write_text('min_score = 90\ncopied_text = "all"\n')
    run = run_cli("validate", path.name, "--as-of", AS_OF)
    assert (run.exit_code, run.stdout) == (2, "")
    refused = "handoff: error: handoff.toml:2:1: setting 'copied_text': Input should be 'repo', 'given' or 'off'\n"
    assert run.stderr == refused
