"""`handoff score` for people: one table per deal, and with --explain every missing item and its cost."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from handoff_cli.core.findings import CheckResult, FileResult, capped
from handoff_cli.core.printable import printable
from handoff_cli.reporters.text import finding_line, summary_line, total_line
from handoff_cli.rules import BY_CODE

GATE = "HG001"  # below-min-score: the gate's own finding (core/codes.py), not a rule's


def report(result: CheckResult, console: Console, *, explain: bool) -> None:
    for file in result.files:
        if file.score is None:
            for finding in capped(file.findings, result.repeats):
                console.print(finding if isinstance(finding, str) else finding_line(finding))
        else:
            console.print(_table(file))
            if explain:
                _explain(file, console)
        console.print(summary_line(file))
        if file.score is not None and not file.passed:
            console.print(_decided_by(file))
        console.print()
    if len(result.files) > 1:
        console.print(total_line(result))


def _table(file: FileResult) -> Table:
    assert file.score is not None
    # a Text, not a str: rich would read a file name such as `[red]x.yaml` as markup
    table = Table(title=Text(f"{file.deal_id} · {file.segment} · {printable(file.path)}"), title_justify="left")
    table.add_column("category")
    table.add_column("score", justify="right")
    table.add_column("points", justify="right")
    table.add_column("missing")
    for cat in file.score.categories:
        if not cat.possible:  # the segment's playbook asks nothing of this category
            table.add_row(cat.category, Text("-", style="dim"), "-", Text(f"not asked of {file.segment}", style="dim"))
            continue
        missing = sorted({f.name for f in file.findings if f.points and _category_of(f.code) == cat.category})
        style = "green" if cat.percent >= file.min_score else "red"
        table.add_row(
            cat.category, Text(f"{cat.percent:g}%", style=style), f"{cat.earned:g}/{cat.possible:g}", ", ".join(missing)
        )
    total = file.score
    style = "bold green" if total.percent >= file.min_score else "bold red"
    table.add_row(
        Text("total", style="bold"),
        Text(f"{total.percent:g}%", style=style),
        f"{round(total.earned, 2):g}/{total.possible:g}",
        f"min {file.min_score:g}",
    )
    return table


def _decided_by(file: FileResult) -> Text:
    """Why an incomplete verdict: a score at or above the minimum is still incomplete while a must-have
    rule (an error under the segment's playbook) is missed, and the table alone does not show which."""
    reasons = []
    if any(f.code == GATE for f in file.errors):
        reasons.append(f"below the minimum {file.min_score:g}")
    rules = sorted({f"{f.name} ({f.code})" for f in file.errors if f.code in BY_CODE})
    if rules:
        reasons.append(f"must-have rule{'s' * (len(rules) != 1)} missed: {', '.join(rules)}")
    others = sorted({f"{f.name} ({f.code})" for f in file.errors if f.code != GATE and f.code not in BY_CODE})
    if others:
        reasons.append(f"error{'s' * (len(others) != 1)}: {', '.join(others)}")
    return Text(f"  incomplete because: {'; '.join(reasons)}", style="red")


def _explain(file: FileResult, console: Console) -> None:
    costly = sorted((f for f in file.findings if f.points), key=lambda f: (-f.points, f.line))
    for finding in costly:
        console.print(Text.assemble((f"  -{finding.points:g} ", "bold red"), finding_line(finding)))
        console.print(Text(f"      why: {finding.why}", style="dim"))


def _category_of(code: str) -> str:
    return BY_CODE[code].category.value if code in BY_CODE else ""
