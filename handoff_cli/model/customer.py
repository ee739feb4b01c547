"""Category 1: customer background and context."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from handoff_cli.model.common import Count, Day, Model, Money, Text, TextList


class LeadSource(StrEnum):
    REFERRAL = "referral"
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    PARTNER = "partner"
    EXPANSION = "expansion"
    EVENT = "event"


class Company(Model):
    industry: Text | None = None
    market_position: Text | None = None
    employees: Count | None = None
    revenue: Money | None = None
    locations: TextList | None = None
    organisation: Text | None = Field(
        None, description="How the company is organised: units, regions, reporting lines."
    )
    business_model: Text | None = None


class Strategy(Model):
    challenges: TextList | None = None
    priorities: TextList | None = None
    competitive_pressure: Text | None = None
    growth_plans: Text | None = None
    existing_vendors: TextList | None = Field(None, description="Tools and vendors already in place.")


class PurchaseMilestone(Model):
    date: Day
    what: Text


class Purchase(Model):
    source: LeadSource | None = Field(None, description="How they found us.")
    sales_cycle_days: Count | None = None
    milestones: list[PurchaseMilestone] | None = None
    alternatives: TextList | None = Field(None, description="Other vendors or options evaluated.")
    why_us: Text | None = None
    why_now: Text | None = Field(None, description="What triggered the evaluation.")


class Customer(Model):
    company: Company | None = None
    strategy: Strategy | None = None
    purchase: Purchase | None = None
