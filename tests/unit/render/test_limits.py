"""A template's bounds ([render] in handoff.toml): each ends the render with one line naming the template, the
line and the limit, exit 2, and writes nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import CASES, RunCli

COMPLETE = CASES / "render" / "complete.yaml"
HEAD = "Subject: {% block subject %}x{% endblock %}\n"
STRING = "over the limit: a string of {} characters; at most {} (render.max_output_bytes)"


def _over(run_cli: RunCli, repo: Path, body: str, message: str, *, settings: str = "") -> None:
    (repo / "handoff.toml").write_text(settings, encoding="utf-8")
    (repo / "templates").mkdir(exist_ok=True)
    (repo / "templates" / "intro_email.txt.j2").write_text(HEAD + body, encoding="utf-8")
    out = repo / "intro.txt"
    result = run_cli("render", "intro", str(COMPLETE), "--out", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"handoff: error: templates/intro_email.txt.j2:{message}\n")
    assert not out.exists()


@pytest.mark.parametrize(("body", "message"), [
    ("{{ 'A' * 10**8 }}\n", "2: " + STRING.format("100,000,000", "1,048,576")),
    ("\n{{ 10**12 * 'A' }}\n", "3: " + STRING.format("1,000,000,000,000", "1,048,576")),
    ("{{ ['A'] * 10**7 }}\n", "2: over the limit: a sequence of 10,000,000 items; at most 1,048,576 "
                              "(render.max_output_bytes)"),
    ("{% set a = 'A' * 10**6 %}{{ a + a }}\n", "2: " + STRING.format("2,000,000", "1,048,576")),
    ("{% set a = 'A' * 10**6 %}{{ a ~ a }}\n", "2: " + STRING.format("2,000,000", "1,048,576")),
    # doubling by recursion stops at the first string over the limit, not at 2 ** 40 characters
    ("{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s }}{% endmacro %}\n{{ d('ab', 40) }}\n",
     "2: " + STRING.format("2,097,152", "1,048,576")),
    ("{{ range(10**9) | list }}\n", "2: over the limit: a range of 1,000,000,000 items; at most 1,048,576 "
                                    "(render.max_output_bytes)"),
    ("{{ lipsum(n=10**5) }}\n", "2: over the limit: lipsum(n=100000, max=100); at most 100 of each"),
    ("{{ 2 ** (10**7) }}\n", "2: over the limit: 2 ** 10000000 is a number of more than 65,536 bits"),
])
def test_a_value_too_large_is_refused_before_it_is_built(
    body: str, message: str, run_cli: RunCli, deals_repo: Path
) -> None:
    _over(run_cli, deals_repo, body, message)


def test_a_filter_result_too_large_is_refused(run_cli: RunCli, deals_repo: Path) -> None:
    _over(run_cli, deals_repo, "{{ ('A' * 1000) | replace('A', 'B' * 1000) }}\n",
          "2: " + STRING.format("1,000,000", "1,024"), settings="[render]\nmax_output_bytes = 1024\n")


def test_the_document_may_not_pass_its_size(run_cli: RunCli, deals_repo: Path) -> None:
    _over(run_cli, deals_repo, "{% for i in range(100) %}\n{{ 'x' * 100 }}\n{% endfor %}\n",
          "3: over the limit: the document passed 4,096 bytes (render.max_output_bytes)",
          settings="[render]\nmax_output_bytes = 4096\n")


def test_the_default_output_limit_is_one_mebibyte(run_cli: RunCli, deals_repo: Path) -> None:
    _over(run_cli, deals_repo, "{% for i in range(2000) %}{{ 'x' * 1000 }}{% endfor %}\n",
          "2: over the limit: the document passed 1,048,576 bytes (render.max_output_bytes)")


def test_a_document_just_under_the_limit_is_written(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text("[render]\nmax_output_bytes = 4096\n", encoding="utf-8")
    (deals_repo / "templates").mkdir()
    # 4,096 bytes exactly: "Subject: x" and 4,086 more
    (deals_repo / "templates" / "intro_email.txt.j2").write_text(HEAD + "{{ 'é' * 2043 }}", encoding="utf-8")
    result = run_cli("render", "intro", str(COMPLETE))
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(result.stdout.encode()) == 4096


@pytest.mark.parametrize("body", [
    "{% for a in range(10**6) %}{% for b in range(10**6) %}{% endfor %}{% endfor %}\n",
    # nothing is written and nothing is called inside: the loop itself checks the clock
    "{% set s = 'A' * 10**6 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}\n",
])
def test_nested_loops_stop_at_the_time_limit(body: str, run_cli: RunCli, deals_repo: Path) -> None:
    started = time.monotonic()
    _over(run_cli, deals_repo, body, "2: over the limit: ran longer than 0.5 seconds (render.max_seconds)",
          settings="[render]\nmax_seconds = 0.5\n")
    assert time.monotonic() - started < 5


def test_deep_macro_recursion_is_a_limit(run_cli: RunCli, deals_repo: Path) -> None:
    _over(run_cli, deals_repo, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(0) }}\n",
          "2: over the limit: calls nested deeper than 64")


def test_a_template_that_includes_itself_is_a_limit(run_cli: RunCli, deals_repo: Path) -> None:
    _over(run_cli, deals_repo, "{% include 'intro_email.txt.j2' %}\n",
          "2: over the limit: recursion too deep (a template that includes itself?)")


def test_running_out_of_memory_names_the_line(run_cli: RunCli, deals_repo: Path) -> None:
    # a million references to one string of a million characters: the list is small, its join is not
    _over(run_cli, deals_repo, "{% set a = ['A' * 10**6] * 10**6 %}\n{{ a | join }}\n",
          "3: over the limit: ran out of memory")


@pytest.mark.parametrize(("setting", "message"), [
    ("max_output_bytes = 10",
     "setting 'render.max_output_bytes': 10 is out of range; write a number from 1024 to 67108864"),
    ("max_seconds = 0", "setting 'render.max_seconds': 0 is out of range; write a number from 0.1 to 600"),
    ("max_seconds = 3601", "setting 'render.max_seconds': 3601 is out of range; write a number from 0.1 to 600"),
])
def test_limits_out_of_range_are_config_errors(setting: str, message: str, run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text(f"[render]\n{setting}\n", encoding="utf-8")
    result = run_cli("render", "intro", str(COMPLETE))
    assert (result.exit_code, result.stderr) == (2, f"handoff: error: handoff.toml:2:1: {message}\n")
