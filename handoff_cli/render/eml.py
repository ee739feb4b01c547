"""The intro email as an RFC 5322 message (.eml) that a mail client opens as an unsent draft."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from handoff_cli.render.documents import Contact


def _address(who: Contact) -> Address:
    if not who.email:
        raise ValueError(f"{who.name} has no email; needs.INTRO_EML should have caught it")
    username, _, domain = who.email.rpartition("@")
    return Address(display_name=who.name, username=username, domain=domain)


def message(*, sender: Contact, to: Contact, cc: Contact, subject: str, body: str, date: datetime,
            language: str) -> str:
    """The message as text with CRLF line ends, as RFC 5322 wants them.

    `date` comes from the command line (default: now), so the same input gives the same bytes;
    only Message-ID is unique per call, which is what it is for.
    """
    msg = EmailMessage(policy=policy.SMTP)  # CRLF line ends, RFC 2047 for non-ASCII names
    msg["From"] = _address(sender)
    msg["To"] = _address(to)
    msg["Cc"] = _address(cc)
    msg["Subject"] = subject.strip()
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = make_msgid(domain=_address(sender).domain)
    # Outlook and Apple Mail open a message with this header as a draft to send, not a received mail
    msg["X-Unsent"] = "1"
    # 8bit keeps the UTF-8 body readable in the file; every line stays far below RFC 5322's 998 limit
    msg.set_content(body, charset="utf-8", cte="8bit")
    # RFC 3282; after set_content, which clears every Content-* header
    msg["Content-Language"] = language
    return msg.as_bytes().decode("utf-8")
