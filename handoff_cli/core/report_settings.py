"""[report] in handoff.toml: how `handoff report` links each deal to its dossier."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class ReportSettings(BaseModel):
    """[report] in handoff.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    link: str | None = Field(
        None,
        description="Address of a dossier, {path} standing for its path from the repository's top, e.g. "
        "https://github.com/acme/deals/blob/main/{path}; unset: the path relative to the report.",
    )

    @field_validator("link")
    @classmethod
    def _an_address(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if "{path}" not in value:
            raise ValueError("the link needs {path} where the dossier's path goes")
        # an http(s) address or a relative one: never javascript:, data: or a file: a reader's browser would run
        scheme = _SCHEME.match(value)
        if scheme and scheme.group(0).lower() not in ("http:", "https:"):
            raise ValueError(f"the link must be an http or https address, not {scheme.group(0)}")
        if any(ch.isspace() or ord(ch) < 32 for ch in value):
            raise ValueError("the link may not hold spaces or control characters")
        return value
