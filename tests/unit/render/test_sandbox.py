"""A deals repo's templates are untrusted: known sandbox escapes and symbolic links end in one line, exit 2,
with nothing run, read or written."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tests.conftest import CASES, RunCli

COMPLETE = CASES / "render" / "complete.yaml"
CALENDAR = ("{% block name %}x{% endblock %}{% block summary %}s{% endblock %}"
            "{% block description %}\n{}\n{% endblock %}")


class _Touch:
    """Unpickled, it runs a shell command: what an attacker's bytes would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def _calendar(repo: Path, line: str) -> None:
    (repo / "templates").mkdir(exist_ok=True)
    (repo / "templates" / "calendar.txt.j2").write_text(CALENDAR.replace("{}", line), encoding="utf-8")


def _refused(run_cli: RunCli, repo: Path, message: str) -> None:
    out = repo / "deal.ics"
    result = run_cli("render", "calendar", str(COMPLETE), "--out", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"handoff: error: templates/calendar.txt.j2:2: {message}\n")
    assert not out.exists()


def _unsafe(attribute: str, kind: str) -> str:
    return f"refused by the sandbox: access to attribute '{attribute}' of '{kind}' object is unsafe."


@pytest.mark.parametrize("method", ["parse_raw", "parse_file", "model_validate_json", "construct"])
def test_a_pickle_in_a_template_runs_nothing(method: str, run_cli: RunCli, deals_repo: Path) -> None:
    """The calendar's template once received the Deal model, whose class methods unpickle attacker bytes."""
    marker = deals_repo / "ran"
    payload = pickle.dumps(_Touch(marker), protocol=0).decode("ascii")
    _calendar(deals_repo, f'{{{{ deal.{method}("""{payload}""", proto="pickle", allow_pickle=True) }}}}')
    _refused(run_cli, deals_repo, f"undefined value: 'dict object' has no attribute '{method}'")
    assert not marker.exists()


@pytest.mark.parametrize(("line", "message"), [
    ("{{ ''.__class__ }}", _unsafe("__class__", "str")),
    ("{{ [].__class__.__mro__[1].__subclasses__() }}", _unsafe("__class__", "list")),
    ("{{ deal['__class__'] }}", _unsafe("__class__", "dict")),
    ("{{ event.due.__class__.__mro__ }}", _unsafe("__class__", "datetime")),
    ("{{ event.due.tzinfo }}", _unsafe("tzinfo", "datetime")),
    ("{{ lipsum.__globals__ }}", _unsafe("__globals__", "method")),
    ("{{ range.__self__ }}", _unsafe("__self__", "method")),
    ("{{ {}.get.__self__ }}", _unsafe("__self__", "builtin_function_or_method")),
    ("{{ '{0.__class__}'.format(deal) }}", _unsafe("format", "str")),
    ("{{ '{x.__class__}'.format_map({'x': 1}) }}", _unsafe("format_map", "str")),
    ("{{ '%s %s' % (deal, event) }}",
     "refused by the sandbox: formatting text with % is not allowed in templates; use the filters"),
    ("{{ deal|attr('__class__') }}", "template syntax error: No filter named 'attr'."),
    ("{{ '%s'|format(deal) }}", "template syntax error: No filter named 'format'."),
    ("{{ cycler.__init__.__globals__ }}", _unsafe("__init__", "type")),
    ("{{ cycler(1, 2).__class__ }}", _unsafe("__class__", "Cycler")),
    ("{{ joiner()._last }}", _unsafe("_last", "Joiner")),
    ("{{ namespace.__init__ }}", _unsafe("__init__", "type")),
    ("{% set ns = namespace(a=1) %}{{ ns._Namespace__attrs }}", _unsafe("_Namespace__attrs", "Namespace")),
    ("{{ dict.fromkeys }}", _unsafe("fromkeys", "type")),
    ("{{ self.__dict__ }}", _unsafe("__dict__", "TemplateReference")),
    ("{{ self.summary() }}", _unsafe("summary", "TemplateReference")),
    ("{% for x in [1] %}{{ loop._iterator }}{% endfor %}", _unsafe("_iterator", "LoopContext")),
    ("{% for x in [1] %}{{ loop.__class__ }}{% endfor %}", _unsafe("__class__", "LoopContext")),
    ("{{ range(3).__class__ }}", _unsafe("__class__", "range")),
    ("{{ (1).__class__.__subclasses__() }}", _unsafe("__class__", "int")),
    # a filter given a value it cannot take is a template error, not a crash
    ("{{ 'x' | money }}", "template error: AttributeError: 'str' object has no attribute 'amount'"),
])
def test_a_known_escape_is_refused_in_one_line(line: str, message: str, run_cli: RunCli, deals_repo: Path) -> None:
    _calendar(deals_repo, line)
    _refused(run_cli, deals_repo, message)


def test_what_a_template_may_use_still_works(run_cli: RunCli, deals_repo: Path) -> None:
    """The allow-list is not a wall: the data, the loop, the namespace, the string and date methods it names."""
    _calendar(deals_repo, "{% set ns = namespace(n=0) %}{% for k, v in deal.items() %}{% set ns.n = ns.n + 1 %}"
                          "{% endfor %}{{ ns.n }} {{ deal.account.upper() }} {{ event.due.date().isoformat() }} "
                          "{{ cycler('a', 'b').next() }}{{ range(3) | join }}{{ 'x' ~ 'y' }}")
    result = run_cli("render", "calendar", str(COMPLETE), "--date", "2026-11-10T09:00")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "DESCRIPTION:3 ZOË'S BIKES 2026-11-07 a012xy" in result.stdout


SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- not for documents"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path.parent / f"{tmp_path.name}-secret"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _intro(repo: Path, text: str) -> None:
    (repo / "templates").mkdir(exist_ok=True)
    (repo / "templates" / "intro_email.txt.j2").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("how", [
    None, "{% include 'k.j2' %}", "{% import 'k.j2' as k %}{{ k }}", "{% from 'k.j2' import x %}",
    "{% extends 'k.j2' %}",
])
def test_a_template_that_is_a_symbolic_link_is_refused(
    how: str | None, secret: Path, run_cli: RunCli, deals_repo: Path
) -> None:
    (deals_repo / "templates").mkdir()
    link = "intro_email.txt.j2" if how is None else "k.j2"
    (deals_repo / "templates" / link).symlink_to(secret)
    if how is not None:
        _intro(deals_repo, f"Subject: {{% block subject %}}x{{% endblock %}}\n{how}\n")
    result = run_cli("render", "intro", str(COMPLETE))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"handoff: error: templates/{link}: refused: a template may not be a symbolic link\n")


def test_a_template_in_a_linked_folder_is_refused(secret: Path, run_cli: RunCli, deals_repo: Path) -> None:
    _intro(deals_repo, "Subject: {% block subject %}x{% endblock %}\n{% include 'keys/id.j2' %}\n")
    (secret.parent / "keys").mkdir(exist_ok=True)
    (secret.parent / "keys" / "id.j2").write_text(SECRET, encoding="utf-8")
    (deals_repo / "templates" / "keys").symlink_to(secret.parent / "keys")
    result = run_cli("render", "intro", str(COMPLETE))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "handoff: error: templates/keys: refused: a template may not be a symbolic link\n")


@pytest.mark.parametrize("name", ["../k.j2", "k", "/etc/passwd"])
def test_a_name_outside_the_folder_or_without_j2_is_not_found(
    name: str, secret: Path, run_cli: RunCli, deals_repo: Path
) -> None:
    _intro(deals_repo, f"Subject: {{% block subject %}}x{{% endblock %}}\n{{% include '{name}' %}}\n")
    result = run_cli("render", "intro", str(COMPLETE))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"handoff: error: templates/intro_email.txt.j2:2: template {name} not found; "
                             "`handoff templates list` shows what there is\n")
    assert SECRET not in result.stdout + result.stderr


def test_a_regular_template_may_include_another(run_cli: RunCli, deals_repo: Path) -> None:
    _intro(deals_repo, "Subject: {% block subject %}x{% endblock %}\n{% include 'k.j2' %}\n")
    (deals_repo / "templates" / "k.j2").write_text("Hi {{ intro.champion.name }}\n", encoding="utf-8")
    result = run_cli("render", "intro", str(COMPLETE))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Subject: xHi Chloé Champion\n", "")
