"""[render] in handoff.toml: the bounds of one rendered document (render/limits.py enforces them)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RenderSettings(BaseModel):
    """[render] in handoff.toml: the bounds of one document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_output_bytes: int = Field(
        1_048_576, ge=1024, le=64 * 1_048_576,
        description="Largest document a template may write (UTF-8 bytes); no string or list built on the way "
        "may be longer either (characters, items).")
    max_seconds: float = Field(10.0, ge=0.1, le=600, description="Wall-clock time one template may run.")
