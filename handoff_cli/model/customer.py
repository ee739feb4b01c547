"""Category 1: customer background and context."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from handoff_cli.model.audience import customer_safe, internal_only
from handoff_cli.model.common import Count, Day, Model, Money, Text, TextList


class LeadSource(StrEnum):
    REFERRAL = "referral"
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    PARTNER = "partner"
    EXPANSION = "expansion"
    EVENT = "event"


class Company(Model):
    industry: Annotated[Text | None, customer_safe("their own industry")] = None
    market_position: Annotated[Text | None, internal_only("our assessment of where they stand")] = None
    employees: Annotated[Count | None, customer_safe("their own size")] = None
    revenue: Annotated[Money | None, internal_only("our research into their finances")] = None
    locations: Annotated[TextList | None, customer_safe("their own sites")] = None
    organisation: Annotated[Text | None, internal_only("our map of their units and reporting lines")] = Field(
        None, description="How the company is organised: units, regions, reporting lines."
    )
    business_model: Annotated[Text | None, customer_safe("how they do business")] = None


class Strategy(Model):
    challenges: Annotated[TextList | None, internal_only("our notes from discovery")] = None
    priorities: Annotated[TextList | None, internal_only("our notes from discovery")] = None
    competitive_pressure: Annotated[Text | None, internal_only("our view of their market")] = None
    growth_plans: Annotated[Text | None, internal_only("what they told sales in confidence")] = None
    existing_vendors: Annotated[TextList | None, internal_only("vendors we may displace")] = Field(
        None, description="Tools and vendors already in place."
    )


class PurchaseMilestone(Model):
    date: Annotated[Day, internal_only("the sales cycle's history")]
    what: Annotated[Text, internal_only("the sales cycle's history")]


class Purchase(Model):
    source: Annotated[LeadSource | None, internal_only("how we found them")] = Field(
        None, description="How they found us."
    )
    sales_cycle_days: Annotated[Count | None, internal_only("our sales metric")] = None
    milestones: Annotated[list[PurchaseMilestone] | None, internal_only("the sales cycle's history")] = None
    alternatives: Annotated[TextList | None, internal_only("competitors they weighed us against")] = Field(
        None, description="Other vendors or options evaluated."
    )
    why_us: Annotated[Text | None, internal_only("our read of why we won")] = None
    why_now: Annotated[Text | None, internal_only("our read of what triggered the purchase")] = Field(
        None, description="What triggered the evaluation."
    )


class Customer(Model):
    company: Annotated[Company | None, customer_safe("their background; its own fields decide")] = None
    strategy: Annotated[Strategy | None, internal_only("our notes on their strategy")] = None
    purchase: Annotated[Purchase | None, internal_only("how the sale went")] = None
