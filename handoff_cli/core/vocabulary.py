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


class DealKind(StrEnum):
    NEW = "new"  # a new customer
    EXPANSION = "expansion"  # more for an existing customer, whose CSM stays
    RENEWAL = "renewal"  # the same customer for another term


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


class DigestBy(StrEnum):
    """Whose digest messages (`handoff digest --by`): each item's own owner, or everything on a deal to one of its
    people."""

    OWNER = "owner"
    CSM = "csm"
    REP = "rep"
    CS_MANAGER = "cs-manager"


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


# Compared after normalising case, spacing and surrounding punctuation; text that is only
# punctuation ("-", "?", "...") is always filler. Hebrew, Malay, Chinese and Indonesian fillers are covered too.
DEFAULT_FILLER: tuple[str, ...] = (
    "tbd",
    "tba",
    "tbc",
    "to be determined",
    "to be confirmed",
    "to be decided",
    "to be announced",
    "n/a",
    "na",
    "n.a",
    "none yet",
    "not yet",
    "unknown",
    "pending",
    "todo",
    "to do",
    "fixme",
    "xxx",
    "see notes",
    "see crm",
    "see salesforce",
    "see hubspot",
    "see email",
    "ask rep",
    "ask sales",
    "same as above",
    "as above",
    "etc",
    "lorem ipsum",
    "placeholder",
    "fill in",
    "fill me",
    "later",
    "לא ידוע",
    "טרם",
    "יעודכן",
    "belum ada",
    "belum diketahui",
    "tidak diketahui",
    "akan dikemaskini",
    "待定",
    "未知",
    "暂无",
    "待补充",
)
