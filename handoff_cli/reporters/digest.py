"""`handoff digest` in each of its formats: text, Markdown, JSON, Slack Block Kit, Teams Adaptive Card, .eml.

Every format returns what it writes as (file name, text) pairs: one unnamed document for all but eml, one file
per person for eml. Each message shows the person's actions most urgent first, each with the deal, what, when it
is due and the dossier's path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from handoff_cli.core.printable import printable
from handoff_cli.crm.skeleton import slug
from handoff_cli.portfolio.digest import Action, Digest, Message, counts
from handoff_cli.reporters.markdown import cell

Output = tuple[str | None, str]  # (file name for eml, else None; the text)
DigestWriter = Callable[[Digest], list[Output]]

SLACK_BLOCKS = 50  # Block Kit: at most 50 blocks in a message
SLACK_HEADER = 150  # a header block's plain text
SLACK_SECTION = 3000  # a section block's text
TEAMS_VERSION = "1.4"  # the Adaptive Card version Teams renders in incoming-webhook messages
_EML = policy.SMTP.clone(max_line_length=998)  # RFC 5322's hard limit; a long action stays one line


def _due(value: datetime | date | None) -> str:
    if value is None:
        return "-"  # nothing fixes the moment: as soon as possible
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return value.isoformat()


def _heading(m: Message) -> str:
    n = len(m.actions)
    who = f"{m.person} <{m.email}>" if m.email and m.email != m.person else m.person
    return f"{who}: {n} action{'s' * (n != 1)}, most urgent first"


def _title(d: Digest) -> str:
    return f"handoff digest by {d.by.value} at {_due(d.as_of)}: {counts(d.messages)}"


def _lines(i: int, a: Action) -> list[str]:
    due = f" · due {_due(a.due)}" if a.due else ""
    indent = " " * (len(str(i)) + 4)
    return [f"  {i}. {a.kind.label} · {a.deal_id} {a.account}{due}", f"{indent}{a.what}", f"{indent}{a.path}"]


def message_lines(m: Message) -> list[str]:
    return [_heading(m), *(line for i, a in enumerate(m.actions, 1) for line in _lines(i, a))]


def text(d: Digest) -> list[Output]:
    lines = [_title(d)]
    for m in d.messages:
        lines += ["", *message_lines(m)]
    return [(None, "\n".join(printable(line) for line in lines) + "\n")]


def markdown(d: Digest) -> list[Output]:
    lines = [f"# {cell(_title(d))}"]
    for m in d.messages:
        lines += ["", f"## {cell(_heading(m))}", "", "| # | what | deal | due | dossier |", "|---|---|---|---|---|"]
        lines += [f"| {i} | **{a.kind.label}**: {cell(a.what)} | {cell(a.deal_id)} {cell(a.account)} | {_due(a.due)} | "
                  f"`{cell(a.path).replace('`', '')}` |" for i, a in enumerate(m.actions, 1)]  # fmt: skip
    return [(None, "\n".join(lines) + "\n")]


def _action(a: Action) -> dict[str, Any]:
    return {"kind": a.kind.name.lower(), "label": a.kind.label, "deal_id": a.deal_id, "account": a.account,
            "what": a.what, "due": a.due.isoformat() if a.due else None, "owner": a.owner, "path": a.path}  # fmt: skip


def document(d: Digest) -> dict[str, Any]:
    return {
        "version": 1,
        "as_of": d.as_of.isoformat(),
        "by": d.by.value,
        "messages": [{"person": m.person, "email": m.email, "actions": [_action(a) for a in m.actions]}
                     for m in d.messages],
        "skipped": [str(e) for e in d.invalid] + d.unreadable,
    }  # fmt: skip


def json_report(d: Digest) -> list[Output]:
    return [(None, json.dumps(document(d), indent=2, ensure_ascii=False) + "\n")]


def _slack_escape(text: str) -> str:
    # Slack's own three: the rest of mrkdwn in dossier text shows as typed, and <!channel> cannot ping anyone
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def slack_message(m: Message, as_of: datetime) -> dict[str, Any]:
    """One Block Kit message: a header, a line of context, a section per action; past 50 blocks, a count."""
    room = SLACK_BLOCKS - 3
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(f"Handoff digest: {m.person}", SLACK_HEADER)}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": _slack_escape(
            f"{len(m.actions)} to do at {_due(as_of)}, most urgent first")}]},
    ]  # fmt: skip
    for a in m.actions[:room]:
        body = (f"*{a.kind.label}* · {_slack_escape(a.deal_id)} {_slack_escape(a.account)}\n{_slack_escape(a.what)}\n"
                f"due {_due(a.due)} · {_slack_escape(a.path)}" if a.due else f"{_slack_escape(a.path)}")  # fmt: skip
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(body, SLACK_SECTION)}})
    if len(m.actions) > room:
        more = f"and {len(m.actions) - room} more: run `handoff digest` for all of them"
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]})
    fallback = f"Handoff digest for {m.person}: {len(m.actions)} to do"  # notifications show this one
    return {"text": _slack_escape(fallback), "blocks": blocks}


def slack(d: Digest) -> list[Output]:
    """A JSON array of messages, one per person, each a payload for chat.postMessage or an incoming webhook."""
    return [(None, json.dumps([slack_message(m, d.as_of) for m in d.messages], indent=2, ensure_ascii=False) + "\n")]


_TEAMS_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


def _teams_escape(text: str) -> str:
    # a TextBlock renders Markdown: dossier text must not turn into links, emphasis or lists
    return _TEAMS_MARKDOWN.sub(r"\\\1", text)


def teams_card(m: Message, as_of: datetime) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": _teams_escape(f"Handoff digest: {m.person}"), "weight": "Bolder",
         "size": "Medium", "wrap": True},
        {"type": "TextBlock", "text": _teams_escape(f"{len(m.actions)} to do at {_due(as_of)}, most urgent first"),
         "isSubtle": True, "wrap": True},
    ]  # fmt: skip
    for a in m.actions:
        body.append({"type": "Container", "separator": True, "items": [
            {"type": "TextBlock", "text": f"**{a.kind.label}** · {_teams_escape(a.deal_id)} {_teams_escape(a.account)}",
             "wrap": True},
            {"type": "TextBlock", "text": _teams_escape(a.what), "wrap": True},
            {"type": "FactSet", "facts": [{"title": "Due", "value": _due(a.due)},
                                          {"title": "Dossier", "value": _teams_escape(a.path)}]},
        ]})  # fmt: skip
    card = {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
            "version": TEAMS_VERSION, "body": body}  # fmt: skip
    return {"type": "message", "attachments": [
        {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}]}


def teams(d: Digest) -> list[Output]:
    """A JSON array of messages, one per person, each the body a Teams incoming webhook or workflow takes."""
    return [(None, json.dumps([teams_card(m, d.as_of) for m in d.messages], indent=2, ensure_ascii=False) + "\n")]


def _address(name: str, email: str) -> Address:
    username, _, domain = email.rpartition("@")
    return Address(display_name="" if name == email else name, username=username, domain=domain)


def eml_message(m: Message, d: Digest) -> str:
    """One RFC 5322 message to the person, ready for an SMTP relay; the same input gives the same bytes."""
    assert m.email is not None and d.sender is not None
    sender = _address("handoff", d.sender)
    msg = EmailMessage(policy=_EML)
    msg["From"] = sender
    msg["To"] = _address(m.person, m.email)
    n = len(m.actions)
    msg["Subject"] = f"Handoff digest: {n} action{'s' * (n != 1)} for you, most urgent first"
    msg["Date"] = format_datetime(d.as_of)
    # one digest per person and moment: an id made of both lets a relay drop a second send of the same one
    msg["Message-ID"] = f"<handoff-digest.{d.as_of:%Y%m%dT%H%M%S}.{slug(m.person)}@{sender.domain}>"
    msg.set_content("\n".join(printable(line) for line in message_lines(m)) + "\n", charset="utf-8")
    return msg.as_bytes(policy=policy.SMTP).decode("utf-8")


def eml(d: Digest) -> list[Output]:
    """One file per person with an email address, named after them: kofi-mensah.eml."""
    out: list[Output] = []
    taken: set[str] = set()
    for m in d.messages:
        if m.email is None:
            continue
        name, n = f"{slug(m.person)}.eml", 2
        while name in taken:
            name, n = f"{slug(m.person)}-{n}.eml", n + 1
        taken.add(name)
        out.append((name, eml_message(m, d)))
    return out


def without_email(d: Digest) -> Sequence[Message]:
    return [m for m in d.messages if m.email is None]
