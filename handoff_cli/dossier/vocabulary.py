"""The dossier's fixed vocabularies, free of pydantic so that command-line options can use them cheaply."""

from __future__ import annotations

from enum import StrEnum

# The years a handoff's dates can fall in. Clocks, plans and calendars add days and weeks to dates,
# which near year 1 or 9999 leaves the calendar; a year outside is a typo, not a deal.
FIRST_YEAR, LAST_YEAR = 1900, 2999


class Segment(StrEnum):
    ENTERPRISE = "enterprise"
    MID_MARKET = "mid-market"
    SMB = "smb"
    STRATEGIC = "strategic"


class Stage(StrEnum):
    PRE_CLOSE = "pre-close"
    CLOSED_WON = "closed-won"
    ONBOARDING = "onboarding"
    LIVE = "live"


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Decision(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class RejectReason(StrEnum):
    MISSING_STAKEHOLDERS = "missing-stakeholders"
    UNCLEAR_GOALS = "unclear-goals"
    UNVALIDATED_COMMITMENTS = "unvalidated-commitments"
    MISSING_TECHNICAL = "missing-technical"
    UNREALISTIC_TIMELINE = "unrealistic-timeline"
    RISKS_UNASSESSED = "risks-unassessed"
    FILLER = "filler"
    OTHER = "other"
