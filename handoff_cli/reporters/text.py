"""Findings as `path:line:col: severity: CODE name: message` lines, then one summary line per file."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console
from rich.text import Text

from handoff_cli.core.findings import CheckResult, FileResult, Finding, Severity, capped
from handoff_cli.core.printable import printable

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def report(result: CheckResult, console: Console, *, explain: bool) -> None:
    if console.is_terminal:
        for line in _lines(result, explain):
            console.print(line)
        return
    # no terminal, no styling: the same characters written at once, since laying out ten thousand
    # lines one by one through the console would take longer than reading the files from the cache
    console.file.write("".join(f"{line.plain}\n" for line in _lines(result, explain)))


def _lines(result: CheckResult, explain: bool) -> Iterator[Text]:
    for file in result.files:
        for finding in capped(file.findings, result.repeats):
            if isinstance(finding, str):
                yield Text(finding, style="dim")
                continue
            yield finding_line(finding)
            if explain and finding.why:
                yield Text(f"    why: {finding.why}", style="dim")
        yield summary_line(file)
    if len(result.files) > 1:
        yield total_line(result)


def total_line(result: CheckResult) -> Text:
    """The run's last line, for validate and score alike."""
    ok = result.ok
    return Text(f"checked {len(result.files)} dossiers: {ok} ok, {len(result.files) - ok} need work")


def finding_line(finding: Finding) -> Text:
    """The same characters as Finding.text(), with colour where the console allows it."""
    return Text.assemble(
        (f"{printable(finding.path)}:{finding.line}:{finding.col}:", "bold"),
        " ",
        (f"{finding.severity}: {finding.code} {finding.name}", STYLE[finding.severity]),
        f": {printable(finding.message)}",
    )


def summary_line(file: FileResult) -> Text:
    errors, warnings = len(file.errors), len(file.warnings)
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if file.score is None:
        return Text.assemble((f"{printable(file.path)}: ", "bold"), ("invalid", "bold red"), f" · {counts}")
    verdict = ("ok", "bold green") if file.passed else ("incomplete", "bold red")
    # at pre-close the rep is still filling the dossier in, so the gate is off by default: say so
    stage = " at pre-close" if file.stage == "pre-close" else ""
    score = f" · {file.score.percent:g}% complete (min {file.min_score:g}{stage}) · {counts}"
    if file.waived:  # kept in view so an accepted gap is never forgotten
        waivers = ", ".join(f"{w.code} until {w.expires}" for w in file.waived)
        score += f" · {len(file.waived)} waiver{'s' * (len(file.waived) != 1)}: {waivers}"
    return Text.assemble((f"{printable(file.path)}: ", "bold"), verdict, score)
