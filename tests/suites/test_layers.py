"""Imports run one way: down the layers below, and never in a circle.

The layers, lowest first. A module may import from its own package and from any package in a lower layer;
packages that share a layer do not import each other.

    core        result types, exit codes, errors, vocabulary, field paths, durations, SLA settings
    model       the dossier's pydantic models, built on core's vocabulary
    settings    handoff.toml, which names model fields and core's SLA settings
    dossier     YAML to a checked model: it needs the models and the settings (placeholders, schema)
    repo        the files a command is given, and git
    rules       every rule, over a parsed dossier
    gate        the rules applied per segment, scored, waived; repo for a score over time
    clocks      what must happen by when, and where each deal stands
    edit        the byte-preserving writers, and `log`'s and `accept`'s refusals (they read the clocks)
    engine      a check over many files: cache, worker pool, one text form of a result
    render      documents from dossiers, through Jinja templates
    portfolio, crm   the portfolio view; CRM rows into skeletons (written with render's YAML environment)
    reporters   output formats, for the results of every layer below
    cli         the commands

`handoff_cli/__init__.py` (the version) counts as core, `__main__.py` and `entry.py` (the executable, which
answers --version before importing cli/) as cli. Every import counts, at
module level and deferred inside a function; only imports under `if TYPE_CHECKING:` are left out, since
they never run. Commands and reporters found by name (`importlib`, in cli/ and reporters/) stay inside their
own package, so the walk does not need to follow them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import handoff_cli

PACKAGE = Path(handoff_cli.__file__).parent

LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("model",),
    ("settings",),
    ("dossier",),
    ("repo",),
    ("rules",),
    ("gate",),
    ("clocks",),
    ("edit",),
    ("engine",),
    ("render",),
    ("portfolio", "crm"),
    ("reporters",),
    ("cli",),
)
RANK = {package: rank for rank, names in enumerate(LAYERS) for package in names}

Graph = Mapping[str, Iterable[str]]


def module_names() -> dict[str, Path]:
    """Every module of handoff_cli by dotted name (a package by its own name, not `.__init__`)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterable[ast.Import | ast.ImportFrom]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for body in node.orelse for n in _imports_in(body))
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from _imports(node)


def _imports_in(node: ast.AST) -> Iterable[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    yield from _imports(node)


def module_graph() -> dict[str, set[str]]:
    """Module -> the handoff_cli modules it imports (`from a import b` names module a.b when b is one)."""
    modules = module_names()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def package_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "core"  # handoff_cli/__init__.py: the version
    return "cli" if parts[1] in ("__main__", "entry") else parts[1]


def package_graph(modules: Graph) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for source, targets in modules.items():
        edges = graph.setdefault(package_of(source), set())
        edges.update(package_of(t) for t in targets if package_of(t) != package_of(source))
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted, in sorted order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def upward(packages: Graph, rank: Mapping[str, int] = RANK) -> list[str]:
    """Every package edge that does not go to a strictly lower layer, as "from -> to"."""
    return sorted(
        f"{source} -> {target}"
        for source, targets in packages.items()
        for target in targets
        if rank.get(target, len(LAYERS)) >= rank.get(source, -1)
    )


def test_every_package_has_a_layer() -> None:
    packages = {package_of(name) for name in module_names()}
    assert packages - set(RANK) == set()
    assert set(RANK) - packages == set()


def test_no_module_imports_in_a_circle() -> None:
    assert cycles(module_graph()) == []


def test_no_package_imports_in_a_circle() -> None:
    assert cycles(package_graph(module_graph())) == []


def test_every_import_runs_down_the_layers() -> None:
    assert upward(package_graph(module_graph())) == []


def test_core_imports_nothing_of_the_package() -> None:
    graph = module_graph()
    core = [name for name in graph if package_of(name) == "core"]
    assert {t for name in core for t in graph[name] if package_of(t) != "core"} == set()


def test_the_checks_catch_a_cycle_and_an_upward_import() -> None:
    modules = {
        "handoff_cli.core.a": {"handoff_cli.gate.b"},
        "handoff_cli.gate.b": {"handoff_cli.core.a", "handoff_cli.core.c"},
        "handoff_cli.core.c": set(),
    }
    assert cycles(modules) == [["handoff_cli.core.a", "handoff_cli.gate.b"]]
    packages = package_graph(modules)
    assert packages == {"core": {"gate"}, "gate": {"core"}}
    assert cycles(packages) == [["core", "gate"]]
    assert upward(packages) == ["core -> gate"]
    assert upward({"portfolio": {"crm"}, "cli": {"core"}}) == ["portfolio -> crm"]


def test_the_walk_sees_deferred_imports_and_skips_type_checking() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from handoff_cli.cli import app\n"
        "def f() -> None:\n    from handoff_cli.gate import findings\n"
    )
    assert [getattr(n, "module", None) for n in _imports(tree)] == ["typing", "handoff_cli.gate"]
