"""`handoff sla` over many files: the dossiers from the result cache and the worker pool (engine/dossiers.py), the
clocks computed from them one deal at a time (clocks/table.py), nothing of a dossier held once its rows are in."""

from __future__ import annotations

from collections.abc import Sequence

from handoff_cli.clocks.evaluate import SlaResult
from handoff_cli.clocks.table import add_deal, finish
from handoff_cli.engine.dossiers import read_dossiers
from handoff_cli.engine.runner import Plan


def sla_all(names: Sequence[str], plan: Plan, *, items: bool) -> SlaResult:
    """As clocks/table.sla_table for files; an invalid one listed with its problems, an unreadable one skipped."""
    result = SlaResult(plan.as_of, plan.project.settings.timezone, overdue=[] if items else None)
    for read in read_dossiers(names, plan, checks=False, skipped=result.unreadable):
        if read.dossier is None:
            assert read.invalid is not None
            result.invalid.append(read.invalid)
            continue
        add_deal(result, read.dossier, plan.project, path=read.name, lines=read.lines)
    return finish(result)
