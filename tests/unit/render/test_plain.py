"""What a template can reach: every document's context, walked object by object, holds plain data only.

The contexts are caught where Jinja receives them (Template.new_context), for every document, variant and
shipped language, so the test sees exactly what a user's template would see.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import jinja2
import pytest

from handoff_cli.render.documents import Criterion, Line
from handoff_cli.render.plain import Withheld
from handoff_cli.render.sandbox import readable
from tests.conftest import CASES, EXAMPLES, RunCli

DOSSIERS = [*sorted(EXAMPLES.glob("*.yaml")), CASES / "render" / "complete.yaml"]
LANGUAGES = ("en", "de")
DOCUMENTS = (
    ("intro", "--from", "rep"), ("intro", "--from", "csm"), ("intro", "--from", "csm", "--format", "eml"),
    ("plan",), ("plan", "--format", "html"), ("plan", "--for", "customer"), ("calendar",),
    ("calendar", "--for", "customer"), ("agenda", "--meeting", "kickoff", "--for", "csm"),
    *(("agenda", "--meeting", m, "--format", f) for m in ("internal", "joint", "kickoff") for f in ("md", "html")),
)
LEAVES = (str, bool, int, float, Decimal, date, type(None))  # datetime is a date
VALUES = (Line, Criterion)


def _walk(value: object, where: str) -> Iterator[str]:
    """Each problem found under `value`: a type off the list, or something callable."""
    if callable(value):
        yield f"{where}: callable {type(value).__name__}"
    elif isinstance(value, LEAVES):
        return
    elif type(value) in (dict, Withheld):  # Withheld: the customer's view, a dict and nothing more
        for key, item in value.items():
            if type(key) is not str:
                yield f"{where}: key {key!r}"
            yield from _walk(item, f"{where}.{key}")
    elif type(value) in (list, tuple):
        for n, item in enumerate(value):  # type: ignore[arg-type]
            yield from _walk(item, f"{where}[{n}]")
    elif isinstance(value, VALUES):
        # what the sandbox lets a template read on it: its fields, and they are plain data
        for attribute in sorted(readable(value) or ()):
            yield from _walk(getattr(value, attribute), f"{where}.{attribute}")
    else:
        yield f"{where}: {type(value).__module__}.{type(value).__name__} is not plain data"


@pytest.fixture
def contexts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, object]]]:
    caught: list[tuple[str, dict[str, object]]] = []
    original = jinja2.Template.new_context

    def catch(self: jinja2.Template, vars: dict[str, object] | None = None, *args: object, **kwargs: object) -> object:
        caught.append((self.name or "?", dict(vars or {})))
        return original(self, vars, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Template, "new_context", catch)
    return caught


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_context_is_plain_data(
    language: str, contexts: list[tuple[str, dict[str, object]]], run_cli: RunCli, deals_repo: Path
) -> None:
    (deals_repo / "handoff.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
    rendered: set[tuple[str, ...]] = set()
    for source in DOSSIERS:
        deal = deals_repo / source.name
        shutil.copy(source, deal)
        for document in DOCUMENTS:
            args = ["render", document[0], str(deal), *document[1:]]
            if document[0] in ("calendar",) or "eml" in document:
                args += ["--date", "2026-11-10T09:00"]
            before = len(contexts)
            result = run_cli(*args)
            # a document the deal cannot have (an SMB joint meeting, a missing champion) is refused, not rendered
            assert result.exit_code in (0, 1) or "playbook has no" in result.stderr, result.stderr
            if result.exit_code == 0:
                assert len(contexts) > before
                rendered.add(document)
    assert rendered == set(DOCUMENTS)  # each document rendered from at least one dossier
    problems = [p for name, context in contexts for p in _walk(context, name)]
    assert problems == []


def test_the_walker_finds_a_model_a_method_and_a_class() -> None:
    from handoff_cli.model.common import Person

    found = list(_walk({"deal": Person(name="x"), "f": str.upper, "k": Line, "ok": [Line("a", "b", {"d": 1})]}, "c"))
    assert found == ["c.deal: handoff_cli.model.common.Person is not plain data", "c.f: callable method_descriptor",
                     "c.k: callable type"]
