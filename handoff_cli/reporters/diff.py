"""`handoff diff` in each of its formats: text for a terminal, Markdown for a pull-request comment (one collapsible
section per dossier), JSON for scripts."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from handoff_cli.core.printable import printable
from handoff_cli.portfolio.dossier_diff import DiffDocument, DossierChange
from handoff_cli.reporters.markdown import cell

DiffWriter = Callable[[DiffDocument], str]
AFTER_SIGNATURE = "after signature"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} %"


def score_line(c: DossierChange) -> str | None:
    """'score 86.8 % → 95.4 % (+ economic-buyer-named, - soft-promise-validated)', or None when nothing moved."""
    rules = [*(f"+ {r}" for r in c.gained), *(f"- {r}" for r in c.lost)]
    why = f" ({', '.join(rules)})" if rules else ""
    if c.score_before is None and c.score_after is None:
        return None
    if c.score_before is None or c.score_after is None:
        return f"score {_pct(c.score_after if c.score_before is None else c.score_before)}"
    if c.score_before == c.score_after and not rules:
        return None
    return f"score {_pct(c.score_before)} → {_pct(c.score_after)}{why}"


def lines_of(c: DossierChange) -> list[str]:
    out = [f"{s.text} · {AFTER_SIGNATURE}" if s.after_signature else s.text for s in c.said]
    score = score_line(c)
    out += [score] if score else []
    out += [f"clock newly breached: {b}" for b in c.newly_breached]
    return out


def _title(c: DossierChange) -> str:
    deal = f" · {c.deal_id} {c.account}" if c.deal_id else ""
    return f"{c.path}{deal}"


def _summary(doc: DiffDocument) -> str:
    n = len(doc.changes)
    return f"handoff diff {doc.base} → {doc.head}: {n} dossier{'s' * (n != 1)} changed"


def text(doc: DiffDocument) -> str:
    lines = [_summary(doc)]
    for c in doc.changes:
        lines += ["", _title(c), *(f"  {line}" for line in lines_of(c))]
    return "\n".join(printable(line) for line in lines) + "\n"


def markdown(doc: DiffDocument) -> str:
    """One <details> per dossier, open when a promise or the go-live changed after signature."""
    lines = [f"### {cell(_summary(doc))}", ""]
    for c in doc.changes:
        late = any(s.after_signature for s in c.said)
        score = score_line(c)
        brief = f" · {html.escape(score)}" if score else ""
        flag = " · ⚠ changed after signature" if late else ""
        lines += [f"<details{' open' if late else ''}><summary><code>{html.escape(c.path)}</code>"
                  f"{html.escape(_title(c).removeprefix(c.path))}{brief}{flag}</summary>", ""]  # fmt: skip
        for s in c.said:
            lines.append(f"- {cell(s.text)}" + (f" **{AFTER_SIGNATURE}**" if s.after_signature else ""))
        if score:
            lines.append(f"- {cell(score)}")
        lines += [f"- clock newly breached: {cell(b)}" for b in c.newly_breached]
        lines += ["", "</details>", ""]
    return "\n".join(lines)


def document(doc: DiffDocument) -> dict[str, Any]:
    return {
        "version": 1,
        "base": doc.base,
        "head": doc.head,
        "as_of": doc.as_of.isoformat(),
        "dossiers": [{
            "path": c.path, "old_path": c.old_path, "status": c.status, "deal_id": c.deal_id, "account": c.account,
            "changes": [{"text": s.text, "after_signature": s.after_signature} for s in c.said],
            "score": {"before": c.score_before, "after": c.score_after, "gained": c.gained, "lost": c.lost},
            "newly_breached": c.newly_breached, "valid": c.invalid is None,
        } for c in doc.changes],
    }  # fmt: skip


def json_report(doc: DiffDocument) -> str:
    return json.dumps(document(doc), indent=2, ensure_ascii=False) + "\n"
