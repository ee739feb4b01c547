"""Running a template: every way a (possibly user-written) template can fail becomes one line naming file and line."""

from __future__ import annotations

import os
import traceback
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Template, TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from handoff_cli.core.errors import HandoffError
from handoff_cli.core.field_paths import did_you_mean
from handoff_cli.core.language_tags import DEFAULT_LANGUAGE
from handoff_cli.render.environment import packaged_dir, search_path
from handoff_cli.render.template_language import choose, split
from handoff_cli.settings import Project

SUFFIX = ".j2"


class TemplateProblem(HandoffError):
    """A template is missing, malformed, refers to something undefined or was refused by the sandbox."""


def render(env: SandboxedEnvironment, name: str, context: Mapping[str, object], *, block: str | None = None) -> str:
    """The whole template, or one `{% block %}` of it (the intro's subject and body), rendered with `context`."""
    template = _load(env, name)
    try:
        if block is None:
            return template.render(context)
        if block not in template.blocks:
            raise TemplateProblem(f"template has no {{% block {block} %}}", path=shown(template.filename or name))
        return "".join(template.blocks[block](template.new_context(dict(context))))
    except SecurityError as exc:
        raise _located(exc, name, f"refused by the sandbox: {exc}") from None
    except UndefinedError as exc:
        raise _located(exc, name, f"undefined value: {exc}") from None
    except TemplateError as exc:
        raise _located(exc, name, f"template error: {exc}") from None
    # a user template can still do arithmetic on text or index past a list's end
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
        raise _located(exc, name, f"template error: {type(exc).__name__}: {exc}") from None


def _load(env: SandboxedEnvironment, name: str) -> Template:
    try:
        return env.get_template(name)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"template syntax error: {exc.message}", path=shown(exc.filename or name),
                              line=exc.lineno) from None
    except TemplateNotFound as exc:
        raise TemplateProblem(f"template {exc.name} not found; `handoff templates list` shows what there is") from None


def _located(exc: BaseException, name: str, message: str) -> TemplateProblem:
    """Jinja rewrites tracebacks so template frames carry the template's file and line: use the innermost one."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(SUFFIX)]
    if not frames:
        return TemplateProblem(message, path=name)
    return TemplateProblem(message, path=shown(frames[-1].filename), line=frames[-1].lineno)


def shown(filename: str | Path) -> str:
    """A template's path relative to the working directory when it lies in the deals repo (../ included),
    else as is: a packaged default lives wherever handoff is installed."""
    path = Path(filename)
    if not path.is_absolute() or path.is_relative_to(packaged_dir()):
        return str(filename)
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(filename)


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
