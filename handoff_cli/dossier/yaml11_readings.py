"""Plain values that YAML 1.1 readers (PyYAML, many older tools) read differently from handoff's YAML 1.2.

handoff keeps every value as typed, but a dossier is also read by other tools: to them `0777` is the
octal 511, `1:20` the base-60 number 80, a bare `=` a special value, and a `?` inside a flow list ends
the text and breaks the file. Each such value gets a warning (HY015) at its place; the file is still
read. yes/no/on/off are left to the schema, which refuses them where a yes/no field is meant.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.yaml_codes import finding

# cheap first look over the whole file: a flow collection holding a `?`, or a value that starts like
# a 1.1 number (leading 0, digits then `:` or `_`, 0b) or is a bare `=`
_CANDIDATE = re.compile(
    r"[\[{][^\n]*\?|(?:^|[:\-,\[{])[ \t]*[-+]?(?:0[0-9_b]|[0-9][0-9_]*[:_]|=[ \t]*(?:$|#|,|]))", re.MULTILINE
)
_NUMBERISH = re.compile(r"[-+]?(?:0[0-9_]+|0b[01_]+|[0-9][0-9_]*[:_][0-9_:.]*)|=")
_SCANNER: type[yaml.BaseLoader] | type[yaml.CBaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def yaml11_warnings(text: str, display: str) -> list[Finding]:
    if not _CANDIDATE.search(text):
        return []  # the common case costs one regular-expression pass
    found: list[Finding] = []
    flow, previous = 0, None
    try:
        for token in yaml.scan(text, Loader=_SCANNER):
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                flow += 1
            elif isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken):
                flow -= 1
            elif isinstance(token, yaml.ScalarToken) and token.plain and not isinstance(previous, yaml.KeyToken):
                message = _reading(token.value, in_flow=flow > 0)
                if message:
                    mark = token.start_mark
                    found.append(finding(display, "HY015", mark.line + 1, mark.column + 1, message, Severity.WARNING))
            previous = token
    except yaml.YAMLError:
        return []  # the reader reports what is wrong with the file
    return found


def _reading(value: str, *, in_flow: bool) -> str | None:
    """What a YAML 1.1 reader makes of this plain value, when that differs from the text as typed."""
    if in_flow and "?" in value:
        return (
            f"'{value}' in a flow list or mapping: YAML 1.1 readers end the text at '?' and cannot read the file; "
            "write the list as a block (one '- ' item per line) or quote the item"
        )
    if not _NUMBERISH.fullmatch(value):
        return None
    old = _as_yaml11(value)
    if old is None or isinstance(old, bool) or _as_yaml12(value) == old:
        return None
    shown = "a special value" if old is _VALUE else repr(old)
    return f"'{value}': YAML 1.1 readers read this unquoted value as {shown}; quote it if it is meant as text"


_VALUE = object()  # what `=` resolves to in YAML 1.1, which no constructor builds


def _as_yaml11(value: str) -> Any:
    if value == "=":  # the 1.1 resolver's whole pattern for its `value` type
        return _VALUE
    try:
        return yaml.safe_load(value)
    except yaml.YAMLError:
        return None


def _as_yaml12(value: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).load(value)
    except YAMLError:  # `=`: ruamel keeps 1.1's `value` type and has no constructor for it either
        return None
