"""The deal being handed over: who bought, what it is worth, when it was signed, who owns it."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from handoff_cli.core.language_tags import written_language_tag
from handoff_cli.core.vocabulary import DealKind
from handoff_cli.model.audience import customer_safe, internal_only
from handoff_cli.model.common import Day, Line, Model, Moment, Money, Person, Segment, Stage, Text
from handoff_cli.model.region import HolidayCalendars, TimeZoneName


class Deal(Model):
    id: Annotated[Line, internal_only("our CRM's id")] = Field(
        description="The CRM's deal id, kept as text (leading zeros stay)."
    )
    account: Annotated[Line, customer_safe("their company's name")] = Field(description="The customer's company name.")
    segment: Annotated[Segment, internal_only("our sales classification")]
    kind: Annotated[DealKind, internal_only("our sales classification")] = Field(
        DealKind.NEW, description="new (a new customer), expansion (more for an existing one) or renewal; "
        "each has its own clocks."
    )
    scope: Annotated[Text | None, customer_safe("what they are adding")] = Field(
        None, description="An expansion's new scope: the products, seats, teams or business units it adds."
    )
    terms: Annotated[Text | None, internal_only("our summary; their contract states the terms")] = Field(
        None, description="A renewal's terms: the new term's length, price and what changed from the last one."
    )
    stage: Annotated[Stage | None, internal_only("our pipeline stage")] = Field(
        None, description="Where the deal is; closed-won when omitted."
    )
    value: Annotated[Money | None, internal_only("our pipeline figure; their contract states the price")] = Field(
        None, description="Annual contract value."
    )
    signed_at: Annotated[Moment | None, customer_safe("they signed it")] = Field(
        None, description="Contract signature; without an offset it is read in the deal's time zone."
    )
    expected_close: Annotated[Day | None, internal_only("our sales forecast")] = Field(
        None, description="An open deal's expected signature date: how far the sale is, and when CS is due to join."
    )
    timezone: Annotated[TimeZoneName | None, customer_safe("where their meetings are held")] = Field(
        None, description="The deal's IANA time zone, e.g. Europe/Berlin; overrides `timezone` in handoff.toml."
    )
    holidays: Annotated[HolidayCalendars | None, customer_safe("their public holidays")] = Field(
        None,
        description="The deal's public holidays: a country or country-subdivision code such as DE, US-NY or GB-SCT, "
        "or a list of them for a deal run from several regions ([JP, US-NY]: a business day is a working day in "
        "all of them); overrides `country` and `subdivision` in handoff.toml.",
    )
    sales_rep: Annotated[Person | None, customer_safe("the rep they bought from")] = None
    csm: Annotated[Person | None, customer_safe("their primary contact from now on")] = None
    cs_manager: Annotated[Person | None, internal_only("our staffing")] = None
    language: Annotated[
        Annotated[str, AfterValidator(written_language_tag)] | None, customer_safe("the language of what they receive")
    ] = Field(
        None,
        description="The customer's language for the documents they receive (BCP 47: de, de-AT, en-GB); "
        "default: `language` in handoff.toml.",
    )

    @property
    def effective_stage(self) -> Stage:
        return self.stage or Stage.CLOSED_WON
