"""Running a template: every way a (possibly user-written) template can fail becomes one line naming file and line."""

from __future__ import annotations

import traceback
from collections.abc import Generator, Mapping
from pathlib import Path
from typing import cast

from jinja2 import Template, TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.core.language_tags import DEFAULT_LANGUAGE
from handoff_cli.render.limits import LimitReached
from handoff_cli.render.loader import SUFFIX, TemplateProblem, packaged_dir, search_path, shown
from handoff_cli.render.plain import plain
from handoff_cli.render.sandbox import Sandbox
from handoff_cli.render.template_language import choose, split
from handoff_cli.settings import Project

_NOT_FOUND = "template {} not found; `handoff templates list` shows what there is"


def render(env: Sandbox, name: str, context: Mapping[str, object], *, block: str | None = None) -> str:
    """The whole template, or one `{% block %}` of it (the intro's subject and body), rendered with `context`,
    which reaches the template as plain data only."""
    template = _load(env, name)
    if block is not None and block not in template.blocks:
        raise TemplateProblem(f"template has no {{% block {block} %}}", path=shown(template.filename or name))
    data = plain(dict(context))
    assert isinstance(data, dict)
    try:
        with env.budget.running():
            return _collect(env, template, block, data)
    except LimitReached as exc:
        raise _located(exc, name, str(exc)) from None
    except SecurityError as exc:
        raise _located(exc, name, f"refused by the sandbox: {exc}") from None
    except UndefinedError as exc:
        raise _located(exc, name, f"undefined value: {exc}") from None
    except TemplateNotFound as exc:  # included, imported or extended
        raise _located(exc, name, _NOT_FOUND.format(exc.name)) from None
    except TemplateError as exc:
        raise _located(exc, name, f"template error: {exc}") from None
    except MemoryError as exc:
        raise _located(exc, name, "over the limit: ran out of memory") from None
    except RecursionError as exc:
        raise _located(exc, name, "over the limit: recursion too deep (a template that includes itself?)") from None
    # a user template can still do arithmetic on text, index past a list's end or give a filter the wrong value
    except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError) as exc:
        raise _located(exc, name, f"template error: {type(exc).__name__}: {exc}") from None


def _collect(env: Sandbox, template: Template, block: str | None, data: dict[str, object]) -> str:
    """The output, chunk by chunk, stopped where it passes the size limit; errors point at template lines."""
    context = template.new_context(data)
    render_func = template.root_render_func if block is None else template.blocks[block]
    # Jinja's render functions are generators, though typed as iterators
    chunks = cast(Generator[str, None, None], render_func(context))
    out: list[str] = []
    size = 0
    try:
        for chunk in chunks:
            size += len(chunk.encode("utf-8", "surrogatepass"))
            try:
                env.budget.document(size)
            except LimitReached as exc:
                chunks.throw(exc)  # raised where the template wrote the chunk, so the error names that line
            out.append(chunk)
    except Exception:
        env.handle_exception()  # re-raises with the template's own file and line in the traceback
    return "".join(out)


def _load(env: Sandbox, name: str) -> Template:
    try:
        return env.get_template(name)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"template syntax error: {exc.message}", path=shown(exc.filename or name),
                              line=exc.lineno) from None
    except TemplateNotFound as exc:
        raise TemplateProblem(_NOT_FOUND.format(exc.name)) from None


def _located(exc: BaseException, name: str, message: str) -> TemplateProblem:
    """Jinja rewrites tracebacks so template frames carry the template's file and line: use the innermost one."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(SUFFIX)]
    if not frames:
        return TemplateProblem(message, path=name)
    return TemplateProblem(message, path=shown(frames[-1].filename), line=frames[-1].lineno)


def available(project: Project) -> dict[str, tuple[Path, str]]:
    """Template name -> (the file it resolves to, "repo" or "packaged"); the first folder in the search path wins."""
    found: dict[str, tuple[Path, str]] = {}
    packaged = packaged_dir()
    for folder in search_path(project):
        for path in sorted(folder.glob(f"*{SUFFIX}")):
            found.setdefault(path.name, (path, "packaged" if folder == packaged else "repo"))
    return dict(sorted(found.items()))


def resolved(project: Project, tag: str) -> dict[str, tuple[Path, str, str]]:
    """Template name -> (the file a document in language `tag` comes from, that file's language, its source)."""
    files = available(project)
    found: dict[str, tuple[Path, str, str]] = {}
    for name in sorted({split(file_name)[0] for file_name in files}):
        pick = choose(name, tag, set(files)).name
        if pick in files:  # else only translations exist, none for this language
            path, source = files[pick]
            found[name] = (path, split(pick)[1] or DEFAULT_LANGUAGE, source)
    return found


def packaged(name: str) -> Path:
    """A packaged default by name; unknown names get a did-you-mean."""
    names = sorted(p.name for p in packaged_dir().glob(f"*{SUFFIX}"))
    if name not in names:
        raise TemplateProblem(f"no packaged template named '{name}'{did_you_mean(name, names)}")
    return packaged_dir() / name


def packaged_in(name: str, tag: str) -> Path:
    """The packaged template for `name` in language `tag`, else the packaged default (English)."""
    files = {p.name for p in packaged_dir().glob(f"*{SUFFIX}")}
    return packaged_dir() / choose(name, tag, files).name
