"""The .eml draft keeps every line within RFC 5322's 998 bytes and reads back as the text that went in."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from handoff_cli.render.documents import Contact
from handoff_cli.render.eml import message

REP = Contact("Jess Moreno", "jess@relay.example")
CHAMPION = Contact("Dana Whitfield", "dana@acme.example")
CSM = Contact("Kofi Mensah", "kofi@relay.example")
WHEN = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)

LONG = " ".join(["onboarding"] * 250)  # a 250-word answer is one 2,749-byte line
HEBREW = " ".join(["שלום", "עולם", "לקוח"] * 120)  # right to left, two bytes a letter
MIXED = "Café Ünïcødé — 価格 " * 80


def _draft(body: str) -> tuple[bytes, EmailMessage]:
    raw = message(
        sender=REP, to=CHAMPION, cc=CSM, subject="Welcome — שלום", body=body, date=WHEN, language="en"
    ).encode("utf-8")
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return raw, parsed


@pytest.mark.parametrize("body", [LONG, HEBREW, MIXED], ids=["long", "right-to-left", "non-ascii"])
def test_long_lines_are_encoded_and_read_back(body: str) -> None:
    raw, parsed = _draft(f"Hi Dana,\n\n{body}\n\nJess\n")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    assert parsed["Content-Transfer-Encoding"] in ("quoted-printable", "base64")
    assert parsed.get_content().replace("\r\n", "\n") == f"Hi Dana,\n\n{body}\n\nJess\n"
    assert str(parsed["Subject"]) == "Welcome — שלום"


def test_a_short_utf8_body_stays_readable_8bit() -> None:
    # the negative case: short lines need no encoding, so the draft stays readable in a text editor
    raw, parsed = _draft("Hi Dana, שלום and café.\n")
    assert parsed["Content-Transfer-Encoding"] == "8bit"
    assert "Hi Dana, שלום and café.".encode() in raw
