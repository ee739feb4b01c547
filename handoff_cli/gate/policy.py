"""Which rules apply to which segment and deal kind, as errors or as warnings, with how many points each is worth."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handoff_cli.core.config_errors import key_position, value_position
from handoff_cli.core.errors import ConfigError
from handoff_cli.core.vocabulary import DealKind
from handoff_cli.model.common import Segment
from handoff_cli.rules import RULES, Rule, lookup
from handoff_cli.settings import KindPolicy, Project, SegmentPolicy, from_here


class Mode(StrEnum):
    OFF = "off"
    SCORED = "scored"  # a miss costs points and warns
    REQUIRED = "required"  # a miss costs points and is an error on its own


@dataclass(frozen=True, slots=True)
class Applied:
    rule: Rule
    mode: Mode
    weight: float


Plan = dict[tuple[Segment, DealKind], tuple[Applied, ...]]


def build(project: Project) -> Plan:
    """Resolve every rule for every segment and deal kind: the rule's own points, segments and kinds, then
    [weights] (one number for every segment the rule applies to), then [segments.X] require/skip, then
    [kinds.Y] require/skip. A rule its kind does not ask for stays off unless [kinds.Y] requires it: an
    expansion's own rules mean nothing for a new logo, whatever a segment's list says."""
    settings = project.settings
    weights = {_rule(project, ref, "weights", ("weights", ref)).code: w for ref, w in settings.weights.items()}
    by_segment = {s: _named(project, "segments", s.value, settings.segments.get(s)) for s in Segment}
    by_kind = {k: _named(project, "kinds", k.value, settings.kinds.get(k)) for k in DealKind}
    plan: Plan = {}
    for segment in Segment:
        seg_required, seg_skipped = by_segment[segment]
        for kind in DealKind:
            kind_required, kind_skipped = by_kind[kind]
            applied = []
            for rule in RULES:
                mode = _default_mode(rule, segment) if kind in rule.kinds else Mode.OFF
                if rule.code in seg_required and kind in rule.kinds:
                    mode = Mode.REQUIRED
                if rule.code in seg_skipped:
                    mode = Mode.OFF
                if rule.code in kind_required:
                    mode = Mode.REQUIRED
                if rule.code in kind_skipped:
                    mode = Mode.OFF
                if mode is not Mode.OFF:
                    applied.append(Applied(rule, mode, weights.get(rule.code, rule.weight_for(segment))))
            plan[segment, kind] = tuple(applied)
    return plan


def _default_mode(rule: Rule, segment: Segment) -> Mode:
    if segment not in rule.applies:
        return Mode.OFF
    return Mode.REQUIRED if segment in rule.required else Mode.SCORED


def _named(
    project: Project, table: str, key: str, policy: SegmentPolicy | KindPolicy | None
) -> tuple[set[str], set[str]]:
    """The codes a [segments.X] or [kinds.Y] table requires and skips."""
    if policy is None:
        return set(), set()
    where = f"{table}.{key}"
    required = {_rule(project, r, "require", where).code for r in policy.require}
    skipped = {_rule(project, r, "skip", where).code for r in policy.skip}
    return required, skipped


def _rule(project: Project, ref: str, setting: str, where: str | tuple[str, str]) -> Rule:
    try:
        return lookup(ref)
    except KeyError as exc:
        line, col = _position(project, ref, where)
        path = from_here(project.source) if project.source else "defaults"
        raise ConfigError(f"{setting}: {exc.args[0]}", path=path, line=line, col=col) from None


def _position(project: Project, ref: str, where: str | tuple[str, str]) -> tuple[int | None, int]:
    """Where the unknown rule is written: rule names are checked here, after the file has loaded."""
    if project.source is None:
        return None, 1
    try:
        text = project.source.read_text(encoding="utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        return None, 1
    return key_position(text, where) if isinstance(where, tuple) else value_position(text, where, ref)
