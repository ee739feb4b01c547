"""Which rules apply to which segment, as errors or as warnings, with how many points each is worth."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handoff_cli.core.errors import ConfigError
from handoff_cli.model.common import Segment
from handoff_cli.rules import RULES, Rule, lookup
from handoff_cli.settings import Project


class Mode(StrEnum):
    OFF = "off"
    SCORED = "scored"  # a miss costs points and warns
    REQUIRED = "required"  # a miss costs points and is an error on its own


@dataclass(frozen=True, slots=True)
class Applied:
    rule: Rule
    mode: Mode
    weight: float


def build(project: Project) -> dict[Segment, tuple[Applied, ...]]:
    """Resolve every rule for every segment: the rule's own points and segments, then [weights] (one number
    for every segment the rule applies to), then [segments.X] require/skip."""
    settings = project.settings
    weights = {_rule(project, ref, "weights").code: w for ref, w in settings.weights.items()}
    plan: dict[Segment, tuple[Applied, ...]] = {}
    for segment in Segment:
        policy = settings.segments.get(segment)
        required = {_rule(project, r, "require").code for r in policy.require} if policy else set()
        skipped = {_rule(project, r, "skip").code for r in policy.skip} if policy else set()
        applied = []
        for rule in RULES:
            mode = _default_mode(rule, segment)
            if rule.code in required:
                mode = Mode.REQUIRED
            if rule.code in skipped:
                mode = Mode.OFF
            if mode is not Mode.OFF:
                applied.append(Applied(rule, mode, weights.get(rule.code, rule.weight_for(segment))))
        plan[segment] = tuple(applied)
    return plan


def _default_mode(rule: Rule, segment: Segment) -> Mode:
    if segment not in rule.applies:
        return Mode.OFF
    return Mode.REQUIRED if segment in rule.required else Mode.SCORED


def _rule(project: Project, ref: str, setting: str) -> Rule:
    try:
        return lookup(ref)
    except KeyError as exc:
        raise ConfigError(f"{setting}: {exc.args[0]}", path=project.source or "defaults") from None
