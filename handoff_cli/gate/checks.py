"""Check dossiers: load, match the schema, run the rules, score, gate. Records results; never prints."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

from handoff_cli.core.findings import FileResult, Finding
from handoff_cli.core.moments import deal_zone
from handoff_cli.dossier.for_commands import Parsed, parse
from handoff_cli.dossier.positions import Positions
from handoff_cli.gate.policy import Plan, build
from handoff_cli.gate.scoring import evaluate, gate
from handoff_cli.gate.waivers import sort_waivers
from handoff_cli.model import Dossier
from handoff_cli.rules.base import Context
from handoff_cli.settings import Project


class Inspection(NamedTuple):
    """A check's result, with what was read: the answers as typed, where each one is, and the zone its naive
    times were read in (the deal's, or the repo's when the file is no dossier)."""

    result: FileResult
    data: Any
    positions: Positions | None
    zone: tzinfo


@dataclass(frozen=True)
class Checker:
    """Everything a check needs besides the file, resolved once per run."""

    project: Project
    plan: Plan
    ctx: Context
    min_score: float | None = None  # --min-score, over every segment's own threshold

    @classmethod
    def create(cls, project: Project, *, as_of: datetime, min_score: float | None = None) -> Checker:
        settings = project.settings
        ctx = Context(as_of, settings.tz, settings.min_words, settings.go_live_weeks)
        return cls(project, build(project), ctx, min_score)

    def check_file(self, path: Path, display: str | None = None) -> FileResult:
        return self.inspect(path, display).result

    def inspect(self, path: Path, display: str | None = None, raw: bytes | None = None) -> Inspection:
        display = display or str(path)
        parsed = parse(path, display, self.project, raw)
        return Inspection(self.check_parsed(parsed, display), parsed.data, parsed.typed_positions, self.zone(parsed))

    def zone(self, parsed: Parsed) -> tzinfo:
        """The zone the file's dates are read in: its deal's, else the settings'."""
        return self.ctx.tz if parsed.dossier is None else deal_zone(self.project.settings, parsed.dossier.deal)

    def check_parsed(self, parsed: Parsed, display: str) -> FileResult:
        """The result of a file already read: the file's own problems, then the rules if it is a dossier."""
        if parsed.dossier is None or parsed.positions is None:
            return FileResult(display, parsed.findings)
        result = self.check_dossier(parsed.dossier, parsed.positions, display)
        result.findings = sorted([*result.findings, *parsed.findings], key=_order)
        return result

    def check_dossier(self, dossier: Dossier, positions: Positions, display: str) -> FileResult:
        settings = self.project.settings
        segment, stage = dossier.deal.segment, dossier.deal.effective_stage
        min_score = self.min_score if self.min_score is not None else settings.min_score_for(segment, stage)
        ctx = replace(self.ctx, tz=deal_zone(settings, dossier.deal))
        today = ctx.as_of.astimezone(ctx.tz).date()
        waived, findings = sort_waivers(dossier, today, positions, display)
        score, missed = evaluate(
            dossier,
            self.plan[segment, dossier.deal.kind],
            ctx,
            positions=positions,
            display=display,
            waived=frozenset(w.code for w in waived),
            enforce=settings.enforced(stage),
        )
        findings = sorted([*findings, *missed], key=_order)
        blocked = gate(score, min_score, findings, display)
        if blocked:
            findings.insert(0, blocked)
        signed = dossier.deal.signed_at
        return FileResult(display, findings, score, min_score, dossier.deal.id, segment.value, stage.value, waived,
                          None if signed is None else ctx.aware(signed).isoformat())  # fmt: skip


def _order(finding: Finding) -> tuple[int, int, str]:
    return finding.line, finding.col, finding.code
