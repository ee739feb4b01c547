"""Comments that follow a value after a single space: legal YAML, and the usual way a value loses its end.

`street: Main St #1` reads as `Main St` plus a comment. yamllint's convention asks for two spaces
before such a comment, so one space is taken as a value that was meant to go on; a warning (HY014)
at the `#` says so, and the file is still read.
"""

from __future__ import annotations

import re

import yaml

from handoff_cli.core.findings import Finding, Severity
from handoff_cli.dossier.yaml_codes import finding

# a `#` after exactly one space or tab that follows something other than blank: a candidate
_CANDIDATE = re.compile(r"(?<=[^ \t\n])[ \t]#")
_SCANNER: type[yaml.BaseLoader] | type[yaml.CBaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def comment_warnings(text: str, display: str) -> list[Finding]:
    candidates = [m.start() + 1 for m in _CANDIDATE.finditer(text)]
    if not candidates:
        return []  # the common case costs one regular-expression pass
    covered = _token_spans(text)
    found: list[Finding] = []
    for pos in candidates:
        if any(start <= pos < end for start, end in covered):
            continue  # inside a quoted or block value: part of the text, not a comment
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        message = (
            "a comment one space after a value: what follows the # is not part of the value; "
            "put two spaces before a comment, or quote the value if the # belongs to it"
        )
        found.append(finding(display, "HY014", line, col, message, Severity.WARNING))
    return found


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Where each token (scalar, indicator) lies, as character offsets; comments are not tokens."""
    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=_SCANNER):
            if token.start_mark.index < token.end_mark.index:
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass
    return spans
