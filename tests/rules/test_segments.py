"""Rules whose verdict depends on the segment, on partial answers, or on time."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from handoff_cli.rules import lookup
from handoff_cli.rules.base import Context
from tests.rules.snippets import CTX, dossier, misses

MILESTONES = {"implementation": {"milestones": [{"name": "SSO live", "due": "2026-12-01"}]}}


def test_one_milestone_is_enough_for_mid_market_but_not_enterprise() -> None:
    rule = lookup("milestones-planned")
    assert misses(rule, MILESTONES, "mid-market") == []
    [miss] = misses(rule, MILESTONES, "enterprise")
    assert miss.message == "1 dated milestone(s); an enterprise deal needs 3"
    assert miss.field == ("implementation", "milestones")


def test_undated_milestones_do_not_count() -> None:
    undated = {"implementation": {"milestones": [{"name": "SSO live"}]}}
    assert len(misses(lookup("milestones-planned"), undated, "mid-market")) == 1


def test_per_item_rules_cost_a_share_of_their_points() -> None:
    commitments = {
        "commitments": [
            {"what": "SSO", "kind": "scope", "owner": "Maya Ross"},
            {"what": "Training", "kind": "service"},
            {"what": "Sandbox", "kind": "scope", "owner": "Maya Ross"},
            {"what": "Price lock", "kind": "commercial", "owner": "Noa Peretz"},
        ]
    }
    [miss] = misses(lookup("commitment-owner"), commitments)
    assert (miss.field, miss.cost, miss.message) == (
        ("commitments", 1, "owner"),
        0.25,
        "commitment 'Training' has no owner",
    )


def test_commercial_terms_need_no_due_date() -> None:
    terms = {"commitments": [{"what": "10 % discount", "kind": "commercial"}]}
    assert misses(lookup("commitment-due"), terms) == []


def test_empty_list_answers_none_but_missing_key_does_not() -> None:
    rule = lookup("integrations-answered")
    assert misses(rule, {"technical": {"integrations": []}}) == []
    assert len(misses(rule, {"technical": {"stack": ["Okta"]}})) == 1


def test_blocker_rule_only_speaks_when_there_are_blockers() -> None:
    rule = lookup("blockers-engagement")
    assert misses(rule, {"stakeholders": [{"name": "Dana", "role": "champion"}]}) == []


def test_end_user_groups_need_no_email() -> None:
    people = {
        "stakeholders": [
            {"name": "Agents (40)", "role": "end-user"},
            {"name": "Dana", "role": "champion", "email": "dana@acme.example"},
        ]
    }
    assert misses(lookup("stakeholder-contact"), people) == []


def test_naive_signature_is_read_in_the_configured_timezone() -> None:
    rule = lookup("signed-not-future")
    data = {"deal": {"signed_at": "2026-11-23T13:00:00"}}
    assert misses(rule, data) != []  # 13:00 UTC is after 12:00 UTC
    tokyo = Context(as_of=datetime(2026, 11, 23, 12, tzinfo=UTC), tz=ZoneInfo("Asia/Tokyo"))
    assert lookup("signed-not-future").run(dossier(data), tokyo) == []  # 13:00 Tokyo is 04:00 UTC


def test_dates_before_signature_and_go_live_before_start() -> None:
    data = {
        "deal": {"signed_at": "2026-11-10T09:00:00Z"},
        "implementation": {
            "start": "2026-11-05",
            "go_live": "2026-11-01",
            "milestones": [{"name": "Kickoff", "due": "2026-11-12"}],
        },
    }
    found = [(m.field, m.message) for m in lookup("dates-in-order").run(dossier(data), CTX)]
    assert found == [
        (("implementation", "go_live"), "go_live 2026-11-01 is before start 2026-11-05"),
        (("implementation", "start"), "start 2026-11-05 is before the contract was signed (2026-11-10)"),
        (("implementation", "go_live"), "go_live 2026-11-01 is before the contract was signed (2026-11-10)"),
    ]


def test_pre_close_deals_may_omit_the_signature() -> None:
    rule = lookup("signed-date-known")
    assert misses(rule, {"deal": {"stage": "pre-close"}}) == []
    assert len(misses(rule, {"deal": {"stage": "onboarding"}})) == 1
