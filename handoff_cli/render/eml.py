"""The intro email as an RFC 5322 message (.eml) that a mail client opens as an unsent draft."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from handoff_cli.render.documents import Contact

# The body's transfer encoding is chosen against RFC 5322's hard limit of 998 bytes a line, not the
# 78 it recommends: a paragraph of an answer is one line, and 8bit keeps it readable in the file
_BODY = policy.SMTP.clone(max_line_length=998)


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
    msg = EmailMessage(policy=_BODY)
    msg["From"] = _address(sender)
    msg["To"] = _address(to)
    msg["Cc"] = _address(cc)
    msg["Subject"] = subject.strip()
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = make_msgid(domain=_address(sender).domain)
    # Outlook and Apple Mail open a message with this header as a draft to send, not a received mail
    msg["X-Unsent"] = "1"
    # the email package picks the transfer encoding: 8bit while every line fits, else quoted-printable
    # or base64, whichever is shorter; RFC 2047 encodes non-ASCII names in the headers
    msg.set_content(body, charset="utf-8")
    # RFC 3282; after set_content, which clears every Content-* header
    msg["Content-Language"] = language
    return msg.as_bytes(policy=policy.SMTP).decode("utf-8")  # CRLF line ends, headers folded at 78
