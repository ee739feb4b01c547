"""GitHub Actions workflow commands: every finding (or late SLA clock) becomes an annotation on the pull request.

A line `::error file=deals/acme.yaml,line=14,col=3,title=HS201 champion-named::no stakeholder …` is picked
up by the runner and shown inline on the diff; warnings use `::warning`. Plain summary lines follow, for
the job log. Escaping follows the workflow-command rules: in the message `%`, CR and LF are percent-encoded;
in a property value `:` and `,` are too, since they would end the value.
"""

from __future__ import annotations

from rich.console import Console

from handoff_cli.clocks.evaluate import ClockStatus, SlaResult, Status
from handoff_cli.clocks.overdue import Late
from handoff_cli.core.findings import CheckResult, Finding, capped
from handoff_cli.core.printable import printable
from handoff_cli.reporters.clocks import counts, detail, overdue_count
from handoff_cli.reporters.text import summary_line

_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY = {**_DATA, ":": "%3A", ",": "%2C"}


def escape_data(text: str) -> str:
    # character by character, so the `%` of an escape just written is never escaped again; what the
    # runner would not decode (an ESC, a bidi override) is then shown as a visible escape, as in text
    return printable("".join(_DATA.get(c, c) for c in text))


def escape_property(text: str) -> str:
    return printable("".join(_PROPERTY.get(c, c) for c in text))


def command(level: str, message: str, **props: str | int | None) -> str:
    """One workflow command; properties that are None are left out (a file-level annotation has no line)."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {given}::{escape_data(message)}" if given else f"::{level}::{escape_data(message)}"


def annotation(finding: Finding, *, explain: bool) -> str:
    message = f"{finding.message}\n\nwhy: {finding.why}" if explain and finding.why else finding.message
    return command(
        finding.severity.value,
        message,
        file=finding.path,
        line=finding.line,
        col=finding.col,
        title=f"{finding.code} {finding.name}",
    )


def report(result: CheckResult, console: Console, *, explain: bool) -> None:
    # console.out, not print: rich must neither wrap nor interpret markup in a workflow command
    for file in result.files:
        for finding in capped(file.findings, result.repeats):
            shown = command("notice", finding) if isinstance(finding, str) else annotation(finding, explain=explain)
            console.out(shown, highlight=False)
        console.out(summary_line(file).plain, highlight=False)


# SLA states worth an annotation: a breach fails the job, a clock at risk warns while there is still time
SLA_LEVEL = {Status.BREACHED: "error", Status.AT_RISK: "warning"}


def sla_message(row: ClockStatus) -> str:
    owner = f"{row.owner.value} {row.owner_name or '(none)'}"
    return (
        f"{row.deal_id} {row.account}: {row.clock.title} (within {row.clock.target}) is {row.status.value}, "
        f"{detail(row)}; next step: {owner}"
    )


def overdue_message(late: Late) -> str:
    """An item past due and still owed, as one annotation or SARIF result says it."""
    i = late.item
    return (f"{i.deal_id} {i.account}: {SECTION_NOUN[i.list]} '{i.title}' was due {i.due.isoformat()}, "
            f"{late.days} day{'s' * (late.days != 1)} overdue; owner {i.owner or '(none)'}, "
            f"escalation {i.escalation or '(none)'}")


SECTION_NOUN = {"commitments": "commitment", "milestones": "milestone", "checklist": "checklist item"}


def sla_report(result: SlaResult, console: Console) -> None:
    for row in result.shown:
        level = SLA_LEVEL.get(row.status)
        if level is not None:
            console.out(command(level, sla_message(row), file=row.path, title=f"SLA {row.clock.name}"), highlight=False)
    for late in result.overdue or ():  # each fails the job as a breach does, at the item's line
        i = late.item
        console.out(command("error", overdue_message(late), file=i.path, line=i.line, col=i.col,
                            title=f"SLA overdue {SECTION_NOUN[i.list]}"), highlight=False)  # fmt: skip
    for skipped in result.invalid:  # a dossier the clocks could not read fails the job like a breach does
        console.out(command("error", skipped.message, file=str(skipped.path), title="SLA invalid-dossier"),
                    highlight=False)
    console.out(counts(result), highlight=False)
    if result.overdue:
        console.out(overdue_count(result.overdue), highlight=False)
