"""The deal being handed over: who bought, what it is worth, when it was signed, who owns it."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from handoff_cli.model.common import Model, Money, Person, Segment, Stage, Text
from handoff_cli.model.region import HolidayCalendar, TimeZoneName


class Deal(Model):
    id: Text = Field(description="The CRM's deal id, kept as text (leading zeros stay).")
    account: Text = Field(description="The customer's company name.")
    segment: Segment
    stage: Stage | None = Field(None, description="Where the deal is; closed-won when omitted.")
    value: Money | None = Field(None, description="Annual contract value.")
    signed_at: datetime | None = Field(
        None, description="Contract signature; without an offset it is read in the deal's time zone."
    )
    timezone: TimeZoneName | None = Field(
        None, description="The deal's IANA time zone, e.g. Europe/Berlin; overrides `timezone` in handoff.toml."
    )
    holidays: HolidayCalendar | None = Field(
        None,
        description="The deal's public holidays: a country or country-subdivision code such as DE, US-NY or GB-SCT;"
        " overrides `country` and `subdivision` in handoff.toml.",
    )
    sales_rep: Person | None = None
    csm: Person | None = None
    cs_manager: Person | None = None

    @property
    def effective_stage(self) -> Stage:
        return self.stage or Stage.CLOSED_WON
