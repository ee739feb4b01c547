"""Rule results and weights -> completeness per category and in total, and the minimum-score gate."""

from __future__ import annotations

from collections import defaultdict

from handoff_cli.core.codes import CODES
from handoff_cli.core.field_paths import FieldPath, dotted
from handoff_cli.core.findings import CategoryScore, Finding, Score, Severity
from handoff_cli.dossier.positions import Positions
from handoff_cli.gate.policy import Applied, Mode
from handoff_cli.model import Dossier
from handoff_cli.rules.base import SCORED, Context, Miss

SHOWN = 5  # the gate line names the costliest gaps; every gap has its own finding line too
Missed = tuple[Applied, Miss, Severity]  # a rule's miss and the severity it gets under the segment's policy


def evaluate(
    dossier: Dossier,
    applied: tuple[Applied, ...],
    ctx: Context,
    *,
    positions: Positions,
    display: str,
    waived: frozenset[str] = frozenset(),
    enforce: bool = True,
) -> tuple[Score, list[Finding]]:
    """Run every applicable rule; a rule's points shrink by the share of its checks that missed.

    A waived rule earns its points without running; when the stage does not enforce must-haves
    (pre-close), their misses warn instead of failing."""
    earned: dict[str, float] = defaultdict(float)
    possible: dict[str, float] = defaultdict(float)
    missed: list[Missed] = []
    for item in applied:
        rule = item.rule
        misses = [] if rule.code in waived else rule.run(dossier, ctx)
        lost_share = min(1.0, sum(m.cost for m in misses))
        possible[rule.category] += item.weight
        earned[rule.category] += item.weight * (1 - lost_share)
        blocking = item.mode is Mode.REQUIRED and enforce
        for miss in misses:
            missed.append((item, miss, Severity.ERROR if blocking and not miss.warn_only else Severity.WARNING))
    findings = [_finding(group, positions, display) for group in _grouped(missed)]
    categories = tuple(CategoryScore(c.value, round(earned[c], 2), possible[c]) for c in SCORED)
    return Score(categories), findings


def _grouped(missed: list[Missed]) -> list[list[Missed]]:
    """One group per finding: a miss for a list that is not answered joins the first miss at that field in
    its category, so "no commitment is listed" carries the points of every rule that needed one."""
    leads: dict[tuple[str, FieldPath], list[Missed]] = {}
    groups: list[list[Missed]] = []
    for entry in sorted(missed, key=lambda e: e[1].unanswered):  # stable: a real miss leads its field
        item, miss, _ = entry
        key = (item.rule.category.value, miss.field)
        if miss.unanswered and key in leads:
            leads[key].append(entry)
            continue
        group = [entry]
        leads.setdefault(key, group)
        groups.append(group)
    order = {id(entry): n for n, entry in enumerate(missed)}
    return sorted(groups, key=lambda g: order[id(g[0])])


def _finding(group: list[Missed], positions: Positions, display: str) -> Finding:
    (item, miss, severity), more = group[0], group[1:]
    message = miss.message
    if more:
        names = [m[0].rule.name for m in more]
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        message += f"; so {listed} earn{'s' if len(names) == 1 else ''} nothing either"
    if any(s is Severity.ERROR for _, _, s in group):
        severity = Severity.ERROR
    points = sum(i.weight * min(1.0, m.cost) for i, m, _ in group)
    line, col = positions.locate(miss.field)
    rule = item.rule
    return Finding(
        rule.code, rule.name, severity, display, line, col, dotted(miss.field), message, rule.why, round(points, 2)
    )


def gate(score: Score, min_score: float, findings: list[Finding], display: str) -> Finding | None:
    """The completeness gate: below the minimum, one error naming what is missing, costliest first."""
    if score.percent >= min_score:
        return None
    lost: dict[str, float] = defaultdict(float)
    for f in findings:
        if f.points:
            lost[f.name] += f.points
    ranked = [
        f"{name} (-{round(points, 1):g})" for name, points in sorted(lost.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    missing = ", ".join(ranked[:SHOWN]) + (f" and {len(ranked) - SHOWN} more" if len(ranked) > SHOWN else "")
    name, why = CODES["HG001"].name, CODES["HG001"].why
    message = f"completeness {score.percent:g}% is below the minimum {min_score:g}%; costliest gaps: {missing}"
    return Finding("HG001", name, Severity.ERROR, display, 1, 1, "", message, why)
