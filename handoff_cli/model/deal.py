"""The deal being handed over: who bought, what it is worth, when it was signed, who owns it."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from handoff_cli.core.language_tags import language_tag
from handoff_cli.model.common import Line, Model, Moment, Money, Person, Segment, Stage
from handoff_cli.model.region import HolidayCalendar, TimeZoneName


class Deal(Model):
    id: Line = Field(description="The CRM's deal id, kept as text (leading zeros stay).")
    account: Line = Field(description="The customer's company name.")
    segment: Segment
    stage: Stage | None = Field(None, description="Where the deal is; closed-won when omitted.")
    value: Money | None = Field(None, description="Annual contract value.")
    signed_at: Moment | None = Field(
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
    language: Annotated[str, AfterValidator(language_tag)] | None = Field(
        None, description="The customer's language for the documents they receive (BCP 47: de, de-AT, en-GB); "
        "default: `language` in handoff.toml."
    )

    @property
    def effective_stage(self) -> Stage:
        return self.stage or Stage.CLOSED_WON
