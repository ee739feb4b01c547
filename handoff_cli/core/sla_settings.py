"""[sla] in handoff.toml: clock targets as durations, owners, and per-segment tables.

Targets are written as durations: "24 hours", "30 minutes", "7 days" (calendar days in the
configured timezone) or "5 business days" (weekends and public holidays skipped), or "off"
for a clock a segment's playbook does not use.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from handoff_cli.core.vocabulary import Segment


class Unit(StrEnum):
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    BUSINESS_DAYS = "business days"


class Owner(StrEnum):
    REP = "rep"
    CSM = "csm"


_DURATION = re.compile(r"(\d+(?:\.\d+)?) ?(minute|hour|day|business day)s?")


def _duration(value: str) -> str:
    match = _DURATION.fullmatch(value.strip())
    if value.strip() != "off" and (match is None or (match[2].endswith("day") and "." in match[1])):
        raise ValueError(f"'{value}' is not a duration; write e.g. '48 hours', '7 days', '5 business days' or 'off'")
    return value.strip()


Duration = Annotated[str, AfterValidator(_duration)]


class ClockSetting(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    within: Duration | None = Field(None, description="Target, e.g. '48 hours', '5 business days', or 'off'.")
    owner: Owner | None = Field(None, description="Who owns the step that stops the clock: rep or csm.")


class ClockTable(BaseModel):
    """One optional setting per clock; what is left out keeps the built-in default (or the [sla.clocks] one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    internal_meeting: ClockSetting | None = None
    intro_email: ClockSetting | None = None
    first_contact: ClockSetting | None = None
    joint_meeting: ClockSetting | None = None
    kickoff: ClockSetting | None = None
    first_value: ClockSetting | None = None
    qbr_scheduled: ClockSetting | None = None


class SlaSettings(BaseModel):
    """[sla] in handoff.toml: defaults < [sla.clocks] < [sla.segments.<segment>], clock by clock."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at_risk: float = Field(0.25, gt=0, lt=1, description="An open clock with less than this share left is at risk.")
    clocks: ClockTable = Field(default_factory=ClockTable)
    segments: dict[Segment, ClockTable] = Field(
        default_factory=dict, description="A segment's own clock settings, over the built-in playbook and [sla.clocks]."
    )


def parse(within: str) -> tuple[float, Unit]:
    """'5 business days' -> (5.0, Unit.BUSINESS_DAYS); only for values the model has already checked."""
    match = _DURATION.fullmatch(within)
    assert match is not None
    return float(match[1]), Unit(match[2] + "s")
