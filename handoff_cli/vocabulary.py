"""The dossier's fixed vocabularies, free of pydantic so that command-line options can use them cheaply."""

from __future__ import annotations

from enum import StrEnum


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
