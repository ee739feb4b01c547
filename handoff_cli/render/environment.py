"""The Jinja environment: the sandbox, strict about undefined values, repo templates before packaged ones."""

from __future__ import annotations

import json
import re

from jinja2 import StrictUndefined, select_autoescape

from handoff_cli.core.language_tags import DEFAULT_LANGUAGE
from handoff_cli.render import locale_format
from handoff_cli.render.compiled import COMPILED
from handoff_cli.render.documents import day, moment
from handoff_cli.render.loader import Folders, search_path
from handoff_cli.render.sandbox import Sandbox
from handoff_cli.render.template_language import choose, names_in
from handoff_cli.settings import Project

WORDS = "words.txt.j2"


def environment(project: Project, language: str = DEFAULT_LANGUAGE, *, html: bool = False) -> Sandbox:
    """The environment for a document in `language` (its filters format for that locale), HTML or not."""
    pages = select_autoescape(["html", "htm", "html.j2", "htm.j2"])
    # user templates are untrusted: the sandbox lets them read plain data and nothing else (render/sandbox.py)
    env = Sandbox(
        project.settings.render,
        loader=Folders(search_path(project)),
        undefined=StrictUndefined,
        # template names end in .j2, so "html" alone would never match `plan_30_60_90.html.j2`; the words
        # macros are escaped when the page is HTML: a macro called from an escaping template is trusted as markup
        autoescape=lambda name: pages(name) or (html and name is not None and name.startswith("words.")),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=COMPILED[html],
    )
    # the English defaults' own forms, `Mon 2026-11-16` and `Tue 2026-11-10 16:30 EST`
    env.add_filters({"yaml": yaml_scalar, "day": day, "moment": moment, "comment": comment_text})
    locale = locale_format.locale_for(language)
    env.add_filters(locale_format.filters(locale))
    env.globals["language"] = language
    env.globals["direction"] = locale_format.direction(locale)
    # the shared wording of a document's lines, in the same language: `{% import words as words %}`
    env.globals["words"] = choose(WORDS, language, names_in(search_path(project))).name
    return env


# JSON leaves these raw, but YAML reads U+0085/U+2028/U+2029 as line breaks and refuses the other
# non-printable ones in a stream (YAML 1.2, 5.1 Character Set): written as \uXXXX escapes they read back
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_scalar(value: object) -> str:
    """A value as a YAML scalar that reads back exactly: JSON's double-quoted strings are valid YAML."""
    if not isinstance(value, str):
        return json.dumps(value)
    quoted = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def comment_text(value: object) -> str:
    """A value inside a `# comment`: on one line, since a line break would end the comment."""
    return _CONTROL.sub("\ufffd", " ".join(str(value).split()))
