"""Where templates come from: the deals repo's folder, then the packaged one, read as regular files only.

A deals repo is untrusted input: a template that is a symbolic link, or that resolves outside its
folder, could print any file the renderer can read (a key, a token) into a document. Such a template
is refused by name, however it is reached: rendered, included, imported or extended.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateNotFound
from jinja2.loaders import split_template_path

from handoff_cli.core.errors import HandoffError
from handoff_cli.settings import Project

SUFFIX = ".j2"


class TemplateProblem(HandoffError):
    """A template is missing, malformed, refused, refers to something undefined or went past a limit."""


def packaged_dir() -> Path:
    """The default templates shipped inside the package (from the top-level templates/ when built)."""
    installed = Path(str(files("handoff_cli").joinpath("templates")))
    if installed.is_dir():
        return installed
    # an editable install maps no data: use the source tree's templates/ beside the package
    return Path(__file__).resolve().parents[2] / "templates"


def search_path(project: Project) -> list[Path]:
    """Where a template name is looked up, first match wins: the deals repo's folder, then the packaged one."""
    repo = project.root / project.settings.templates_dir
    return [repo, packaged_dir()] if repo.is_dir() else [packaged_dir()]


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


class Folders(BaseLoader):
    """Templates by name from the folders in order; `..`, links and files outside a folder are refused."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        if not template.endswith(SUFFIX):
            raise TemplateNotFound(template)
        pieces = split_template_path(template)  # TemplateNotFound for `..`
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            # a link anywhere below the folder is how a name can resolve outside it: none is followed
            for step in range(1, len(pieces) + 1):
                if folder.joinpath(*pieces[:step]).is_symlink():
                    raise TemplateProblem("refused: a template may not be a symbolic link",
                                          path=shown(folder.joinpath(*pieces[:step])))
            if not path.is_file():
                continue
            return _read(path), str(path), _unchanged(path)
        raise TemplateNotFound(template)


def _read(path: Path) -> str:
    # O_NOFOLLOW: a link put in place after the check above is refused by the kernel, not followed
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise TemplateProblem(f"refused: cannot read it: {exc.strerror}", path=shown(path)) from None
    with open(fd, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateProblem("not valid UTF-8", path=shown(path)) from None


def _unchanged(path: Path) -> Callable[[], bool]:
    mtime = path.stat().st_mtime

    def check() -> bool:
        try:
            return path.stat().st_mtime == mtime
        except OSError:
            return False

    return check
