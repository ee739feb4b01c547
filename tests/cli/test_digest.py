"""`handoff digest`: one message per person, most urgent first, with the deal, what, due and the dossier; nobody
with nothing to do gets a message; Slack and Teams payloads hold their documented required fields and limits;
.eml messages are one per person, as an SMTP relay takes them."""

from __future__ import annotations

import email
import json
import shutil
from email import policy
from pathlib import Path
from typing import Any

import pytest

from tests.builders import dossier_yaml
from tests.conftest import AS_OF, EXAMPLES, GOLDEN, RunCli, snapshot

SIGNED = "2026-11-09T09:00:00+00:00"
LATER = "2026-11-15T12:00:00+00:00"  # the first contact is long breached, the kickoff due in under a day


def busy_deal(**deal: Any) -> str:
    """A signed deal with one of each kind of action, at LATER."""
    return dossier_yaml(sections={
        "commitments": [{"what": "SSO before go-live", "kind": "scope", "owner": "Olga Owner", "due": "2026-11-12"}],
        "handoff": {
            "events": [{"event": "internal_meeting", "at": "2026-11-09T10:00:00+00:00"}],
            "reviews": [{"decision": "rejected", "by": "carl@relay.example", "at": "2026-11-10T09:00:00+00:00",
                         "reasons": ["unclear-goals"]}],
            "outcomes": [{"outcome": "customer_survey", "at": "2026-11-12T09:00:00+00:00", "rating": 3}],
        },
    }, **deal)  # fmt: skip


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "repo"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("invalid", "crm"))
    (folder / ".git").mkdir()
    monkeypatch.chdir(folder)
    return folder


def kinds(doc: dict[str, Any]) -> dict[str, list[str]]:
    return {m["person"]: [a["kind"] for a in m["actions"]] for m in doc["messages"]}


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_the_examples_by_owner(run_cli: RunCli, examples: Path, fmt: str) -> None:
    run = run_cli("digest", ".", "--by", "owner", "--as-of", AS_OF, "--format", fmt)
    assert run.exit_code == 0
    assert run.stdout == snapshot(GOLDEN / "digest" / f"examples-by-owner.{fmt}", run.stdout)


def test_each_kind_goes_to_its_owner_most_urgent_first(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(busy_deal())
    run = run_cli("digest", "deal.yaml", "--as-of", LATER, "--format", "json")
    doc = json.loads(run.stdout)
    assert run.exit_code == 0 and doc["by"] == "owner"
    assert kinds(doc) == {  # the rep's clocks and the rejected handoff; the CSM's clocks and the survey
        "Carl CSM": ["clock_breached", "clock_at_risk", "low_survey"],
        "Olga Owner": ["overdue"],
        "Rita Rep": ["clock_breached", "rejected", "clock_at_risk"],
    }
    olga = doc["messages"][1]["actions"][0]
    assert olga == {"kind": "overdue", "label": "overdue", "deal_id": "D-1", "account": "Initech",
                    "what": "commitment 'SSO before go-live' is 3 d overdue", "due": "2026-11-12",
                    "owner": "Olga Owner", "path": "deal.yaml"}  # fmt: skip


def test_by_a_role_everything_on_their_deals_goes_to_them(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(busy_deal(cs_manager={"name": "Mia Manager", "email": "mia@relay.example"}))
    by_csm = json.loads(run_cli("digest", "deal.yaml", "--by", "csm", "--as-of", LATER, "-f", "json").stdout)
    assert kinds(by_csm) == {"Carl CSM": ["clock_breached", "clock_breached", "overdue", "rejected", "clock_at_risk",
                                          "clock_at_risk", "low_survey"]}  # fmt: skip
    by_manager = run_cli("digest", "deal.yaml", "--by", "cs-manager", "--as-of", LATER)
    assert by_manager.stdout.splitlines()[2] == "Mia Manager <mia@relay.example>: 7 actions, most urgent first"
    by_rep = json.loads(run_cli("digest", "deal.yaml", "--by", "rep", "--as-of", LATER, "-f", "json").stdout)
    assert list(kinds(by_rep)) == ["Rita Rep"]


def test_text_names_the_deal_what_due_and_dossier(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(busy_deal())
    run = run_cli("digest", "deal.yaml", "--as-of", LATER)
    assert run.stdout.splitlines()[:9] == [
        "handoff digest by owner at 2026-11-15 12:00+00:00: 7 actions for 3 people",
        "",
        "Carl CSM: 3 actions, most urgent first",
        "  1. clock breached · D-1 Initech · due 2026-11-11 09:00+00:00",
        "     first CS contact (first_contact) was due, late by 4 d 3 h; escalate to (no cs_manager or "
        "escalation_owner set)",
        "     deal.yaml",
        "  2. clock at risk · D-1 Initech · due 2026-11-16 09:00+00:00",
        "     implementation kickoff (kickoff) is due soon, 21 h left",
        "     deal.yaml",
    ]


@pytest.mark.parametrize(
    "deal",
    [
        {"stage": "pre-close", "signed_at": None, "expected_close": "2027-03-01"},
        {"kind": "expansion"},
        {"kind": "renewal"},
        {},
    ],
    ids=["pre-close", "expansion", "renewal", "new"],
)
def test_a_deal_with_nothing_due_sends_no_message(run_cli: RunCli, deals_repo: Path, deal: dict[str, Any]) -> None:
    (deals_repo / "deal.yaml").write_text(dossier_yaml(sections={"customer": {"purchase": {"sales_cycle_days": 90}}},
                                                       **deal))  # fmt: skip
    just_signed = "2026-11-09T10:00:00+00:00"
    text = run_cli("digest", "deal.yaml", "--as-of", just_signed)
    assert (text.exit_code, text.stdout) == (0, "handoff digest by owner at 2026-11-09 10:00+00:00: 0 actions for "
                                                "0 people\n")  # fmt: skip
    assert text.stderr == "handoff: nothing needs anyone's action at 2026-11-09T10:00:00+00:00\n"
    assert run_cli("digest", "deal.yaml", "--as-of", just_signed, "-f", "slack").stdout == "[]\n"
    assert run_cli("digest", "deal.yaml", "--as-of", just_signed, "-f", "teams").stdout == "[]\n"
    eml = run_cli("digest", "deal.yaml", "--as-of", just_signed, "-f", "eml", "--out", "outbox",
                  "--from", "handoff@relay.example")  # fmt: skip
    assert (eml.exit_code, eml.stdout, list((deals_repo / "outbox").glob("*"))) == (0, "", [])


def test_only_people_with_something_due_get_a_message(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "busy.yaml").write_text(busy_deal())
    quiet = dossier_yaml(id="D-2", csm={"name": "Quinn Quiet"}, sales_rep={"name": "Rita Rep"},
                         signed_at="2026-11-15T11:00:00+00:00")  # fmt: skip
    (deals_repo / "quiet.yaml").write_text(quiet)
    doc = json.loads(run_cli("digest", ".", "--by", "csm", "--as-of", LATER, "-f", "json").stdout)
    assert [m["person"] for m in doc["messages"]] == ["Carl CSM"]


def test_a_pre_close_deal_past_the_engagement_point_with_gaps_is_the_reps(run_cli: RunCli, deals_repo: Path) -> None:
    deal = dossier_yaml(stage="pre-close", signed_at=None, expected_close="2026-11-30",
                        value={"amount": 150000, "currency": "USD"},
                        sections={"customer": {"purchase": {"sales_cycle_days": 90}}})  # fmt: skip
    (deals_repo / "open.yaml").write_text(deal)
    doc = json.loads(run_cli("digest", "open.yaml", "--as-of", AS_OF, "-f", "json").stdout)
    [message] = doc["messages"]
    [action] = message["actions"]
    assert (message["person"], action["kind"], action["due"]) == ("Rita Rep", "pre_close_gaps", "2026-11-30")
    assert action["what"].startswith("the sale is ~93% done with ")
    assert action["what"].endswith("; CS is due to engage now: the sale is ~93% done (expected close 2026-11-30)")
    early = json.loads(run_cli("digest", "open.yaml", "--as-of", "2026-10-01T12:00:00+00:00", "-f", "json").stdout)
    assert early["messages"] == []  # at ~37 % of the sale the gaps are the rep's work in progress


# Block Kit's documented fields and limits (api.slack.com/reference/block-kit/blocks, /composition-objects)
SLACK_TEXT_TYPES = {"plain_text", "mrkdwn"}


def slack_valid(message: dict[str, Any]) -> None:
    assert set(message) <= {"text", "blocks"} and isinstance(message["text"], str) and message["text"]
    blocks = message["blocks"]
    assert isinstance(blocks, list) and 0 < len(blocks) <= 50
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            assert block["text"]["type"] == "plain_text" and 0 < len(block["text"]["text"]) <= 150
        elif kind == "section":
            assert block["text"]["type"] in SLACK_TEXT_TYPES and 0 < len(block["text"]["text"]) <= 3000
        elif kind == "context":
            assert 0 < len(block["elements"]) <= 10
            assert all(e["type"] in SLACK_TEXT_TYPES and e["text"] for e in block["elements"])
        else:
            raise AssertionError(f"unexpected block type {kind}")


# Adaptive Cards (adaptivecards.io/explorer): the top-level card needs type and version; a TextBlock needs text, a
# FactSet its facts, each with a title and a value, a Container its items; Teams takes it as a message attachment
def card_element_valid(element: dict[str, Any]) -> None:
    kind = element["type"]
    allowed = {
        "TextBlock": ({"text"}, {"type", "text", "wrap", "weight", "size", "isSubtle"}),
        "FactSet": ({"facts"}, {"type", "facts"}),
        "Container": ({"items"}, {"type", "items", "separator"}),
    }
    required, known = allowed[kind]
    assert required <= set(element) and set(element) <= known, element
    if kind == "TextBlock":
        assert isinstance(element["text"], str) and element["text"]
    if kind == "FactSet":
        facts = element["facts"]
        assert facts and all(set(f) == {"title", "value"} for f in facts)
        assert all(isinstance(v, str) and v for f in facts for v in f.values())
    if kind == "Container":
        for item in element["items"]:
            card_element_valid(item)


def teams_valid(message: dict[str, Any]) -> None:
    assert message["type"] == "message"
    [attachment] = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4"
    assert card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    assert set(card) == {"$schema", "type", "version", "body"}
    for element in card["body"]:
        card_element_valid(element)


def test_slack_and_teams_payloads_hold_their_required_fields(run_cli: RunCli, examples: Path) -> None:
    for by in ("owner", "csm", "rep", "cs-manager"):
        slack = json.loads(run_cli("digest", ".", "--by", by, "--as-of", AS_OF, "-f", "slack").stdout)
        teams = json.loads(run_cli("digest", ".", "--by", by, "--as-of", AS_OF, "-f", "teams").stdout)
        people = json.loads(run_cli("digest", ".", "--by", by, "--as-of", AS_OF, "-f", "json").stdout)["messages"]
        assert len(slack) == len(teams) == len(people) > 0
        for s, t, p in zip(slack, teams, people, strict=True):
            slack_valid(s)
            teams_valid(t)
            assert s["blocks"][0]["text"]["text"] == f"Handoff digest: {p['person']}"
            assert len(s["blocks"]) == len(p["actions"]) + 2
            assert len(t["attachments"][0]["content"]["body"]) == len(p["actions"]) + 2


def test_dossier_text_cannot_ping_link_or_format_in_chat(run_cli: RunCli, deals_repo: Path) -> None:
    title = "<!channel> [click](http://evil.example) & *now*"
    deal = dossier_yaml(sections={"commitments": [{"what": title, "kind": "scope", "due": "2026-11-12"}]})
    (deals_repo / "deal.yaml").write_text(deal)
    [slack] = json.loads(run_cli("digest", "deal.yaml", "--by", "csm", "--as-of", LATER, "-f", "slack").stdout)
    texts = [b["text"]["text"] for b in slack["blocks"] if b["type"] == "section"]
    overdue = next(t for t in texts if "overdue" in t)
    assert "&lt;!channel&gt; [click](http://evil.example) &amp; *now*" in overdue and "<" not in overdue
    [teams] = json.loads(run_cli("digest", "deal.yaml", "--by", "csm", "--as-of", LATER, "-f", "teams").stdout)
    whats = [e["items"][1]["text"] for e in teams["attachments"][0]["content"]["body"] if e["type"] == "Container"]
    assert r"commitment 'SSO" not in whats and any(
        r"\<\!channel\> \[click\]\(http://evil\.example\) & \*now\*" in w for w in whats)


def test_a_long_digest_stays_within_slacks_50_blocks(run_cli: RunCli, deals_repo: Path) -> None:
    items = [{"what": f"Promise {i:02}", "kind": "scope", "due": "2026-11-12"} for i in range(60)]
    (deals_repo / "deal.yaml").write_text(dossier_yaml(sections={"commitments": items}))
    [slack] = json.loads(run_cli("digest", "deal.yaml", "--by", "csm", "--as-of", LATER, "-f", "slack").stdout)
    slack_valid(slack)
    assert len(slack["blocks"]) == 50
    assert slack["blocks"][-1]["elements"][0]["text"] == "and 18 more: run `handoff digest` for all of them"


def test_eml_one_message_per_person_with_an_address(run_cli: RunCli, examples: Path) -> None:
    args = ("digest", ".", "--by", "cs-manager", "--as-of", AS_OF, "-f", "eml", "--out", "outbox",
            "--from", "handoff@relay.example")  # fmt: skip
    run = run_cli(*args)
    assert run.exit_code == 0
    assert run.stdout.splitlines() == ["wrote outbox/rachel-adeyemi.eml", "wrote outbox/tomas-ortega.eml"]
    assert run.stderr == ("handoff: warning: no email address for (no CS manager) in any dossier; no message "
                          "written for them\n")  # fmt: skip
    raw = (examples / "outbox" / "tomas-ortega.eml").read_bytes()
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert (msg["From"], msg["To"], msg["Subject"], msg["Date"], msg["Message-ID"]) == (
        "handoff <handoff@relay.example>", "Tomás Ortega <tomas.ortega@relay.example>",
        "Handoff digest: 9 actions for you, most urgent first", "Mon, 23 Nov 2026 12:00:00 +0000",
        "<handoff-digest.20261123T120000.tomas-ortega@relay.example>")  # fmt: skip
    body = msg.get_body().get_content()
    assert body.splitlines()[:2] == ["Tomás Ortega <tomas.ortega@relay.example>: 9 actions, most urgent first",
                                     "  1. clock breached · HS-88412 Acme Outdoor Supply · due 2026-11-06 21:05+00:00"]
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # SMTP line ends throughout
    again = run_cli(*args)  # nothing is replaced without --force, and nothing is half-written
    assert (again.exit_code, again.stderr) == (2, "handoff: error: outbox/rachel-adeyemi.eml: already exists; pass "
                                                  "--force to overwrite it; nothing was written\n")  # fmt: skip
    assert run_cli(*args, "--force").exit_code == 0
    assert (examples / "outbox" / "tomas-ortega.eml").read_bytes() == raw  # the same input, the same bytes


def test_an_owner_written_as_an_address_gets_mail_and_a_malformed_one_a_warning(
    run_cli: RunCli, deals_repo: Path
) -> None:
    items = [{"what": "SSO", "kind": "scope", "due": "2026-11-12", "owner": "ops@initech.example"},
             {"what": "SCIM", "kind": "scope", "due": "2026-11-12", "owner": "ops@@initech"}]  # fmt: skip
    (deals_repo / "deal.yaml").write_text(dossier_yaml(sections={"commitments": items}))
    run = run_cli("digest", "deal.yaml", "--as-of", LATER, "-f", "eml", "--out", "outbox", "--from", "h@relay.example")
    assert run.exit_code == 0
    assert sorted(p.name for p in (deals_repo / "outbox").iterdir()) == ["ops-initech-example.eml"]
    assert "no email address for ops@@initech in any dossier" in run.stderr
    msg = email.message_from_bytes((deals_repo / "outbox" / "ops-initech-example.eml").read_bytes(),
                                   policy=policy.default)  # fmt: skip
    assert msg["To"] == "ops@initech.example"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--from", "handoff@relay.example"), "--format eml writes one file per person: name their folder with --out"),
        (("--out", "outbox"), "--format eml needs --from EMAIL, the address the messages are sent from"),
    ],
)
def test_eml_needs_a_folder_and_a_sender(run_cli: RunCli, examples: Path, extra: tuple[str, ...], message: str) -> None:
    run = run_cli("digest", ".", "--as-of", AS_OF, "-f", "eml", *extra)
    assert (run.exit_code, run.stderr) == (2, f"handoff: error: {message}\n")
    assert not (examples / "outbox").exists()


def test_out_writes_the_payload_once(run_cli: RunCli, examples: Path) -> None:
    run = run_cli("digest", ".", "--as-of", AS_OF, "-f", "slack", "--out", "digest.json")
    assert (run.exit_code, run.stdout) == (0, "wrote digest.json\n")
    printed = run_cli("digest", ".", "--as-of", AS_OF, "-f", "slack").stdout
    assert (examples / "digest.json").read_text() == printed
    refused = run_cli("digest", ".", "--as-of", AS_OF, "-f", "slack", "--out", "digest.json")
    assert refused.exit_code == 2


def test_an_invalid_dossier_is_named_and_the_others_still_covered(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "busy.yaml").write_text(busy_deal())
    (deals_repo / "bad.yaml").write_text(dossier_yaml(id="D-2", segment="mid market"))
    run = run_cli("digest", ".", "--as-of", LATER, "-f", "json")
    assert run.exit_code == 1 and len(json.loads(run.stdout)["messages"]) == 3
    assert run.stderr.splitlines()[-1] == ("handoff: error: bad.yaml: not a valid dossier (1 problem(s)); run "
                                           "`handoff validate bad.yaml`")  # fmt: skip


def test_a_survey_not_logged_in_its_grace_is_owed_by_the_csm(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(dossier_yaml())
    # day 30 after signature plus 14 days' grace has passed, day 90 has not come
    doc = json.loads(run_cli("digest", "deal.yaml", "--as-of", "2027-01-10T12:00:00+00:00", "-f", "json").stdout)
    owed = [a for m in doc["messages"] for a in m["actions"] if a["kind"] == "survey_owed"]
    assert owed == [{"kind": "survey_owed", "label": "survey owed", "deal_id": "D-1", "account": "Initech",
                     "what": "day-30 customer survey, not logged within the 14 days' grace after day 30",
                     "due": "2026-12-09", "owner": "Carl CSM", "path": "deal.yaml"}]  # fmt: skip
    # the same words as `handoff sla` gives it
    sla = json.loads(run_cli("sla", "deal.yaml", "--as-of", "2027-01-10T12:00:00+00:00", "-f", "json").stdout)
    assert [f["owed"] for f in sla["follow_ups"]] == [owed[0]["what"]]


def test_a_survey_logged_in_time_and_rated_well_owes_nothing(run_cli: RunCli, deals_repo: Path) -> None:
    survey = {"outcome": "customer_survey", "at": "2026-12-10T09:00:00+00:00", "rating": 5}
    (deals_repo / "deal.yaml").write_text(dossier_yaml(sections={"handoff": {"outcomes": [survey]}}))
    doc = json.loads(run_cli("digest", "deal.yaml", "--as-of", "2027-01-10T12:00:00+00:00", "-f", "json").stdout)
    assert not [a for m in doc["messages"] for a in m["actions"] if "survey" in a["kind"]]


def test_a_low_survey_says_what_sla_says(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "deal.yaml").write_text(busy_deal())
    doc = json.loads(run_cli("digest", "deal.yaml", "--as-of", LATER, "-f", "json").stdout)
    [low] = [a for m in doc["messages"] for a in m["actions"] if a["kind"] == "low_survey"]
    assert (low["what"], low["due"], low["owner"]) == (
        "look back at the handoff: the day-30 customer survey rated it 3 of 5, under the target 4.5", None, "Carl CSM")


def test_a_review_logged_after_as_of_has_not_happened_yet(run_cli: RunCli, deals_repo: Path) -> None:
    # rejected on 2026-11-10, accepted on 2026-11-20: at LATER (11-15) the handoff still stands rejected
    accepted = {"decision": "accepted", "by": "carl@relay.example", "at": "2026-11-20T09:00:00+00:00", "rating": 4}
    text = busy_deal().replace("  reviews:\n", "  reviews:\n  - " + json.dumps(accepted) + "\n")
    (deals_repo / "deal.yaml").write_text(text)
    at_later = json.loads(run_cli("digest", "deal.yaml", "--as-of", LATER, "-f", "json").stdout)
    assert "rejected" in kinds(at_later)["Rita Rep"]
    after = json.loads(run_cli("digest", "deal.yaml", "--as-of", "2026-11-21T12:00:00+00:00", "-f", "json").stdout)
    assert "rejected" not in kinds(after).get("Rita Rep", [])
