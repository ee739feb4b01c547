"""The customer survey's built-in days, target and grace, shared by the settings and the outcomes model."""

from __future__ import annotations

# the customer is asked at day 30 and again at day 90; under the target rating, CS looks back at that handoff
SURVEY_DAYS = (30, 90)
SURVEY_TARGET = 4.5  # the built-in survey_target
SURVEY_GRACE_DAYS = 14  # the built-in survey_grace_days: days after day 30 or 90 a survey may take to be logged
