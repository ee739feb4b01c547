"""Field paths and their written forms, and what the dossier model accepts at one (the hints findings give)."""

from __future__ import annotations

from handoff_cli.core.field_paths import choices_at, did_you_mean, dotted, keys_at, pattern, sections_with, texts
from handoff_cli.model import Dossier


def test_a_path_is_written_as_findings_write_it() -> None:
    assert dotted(("stakeholders", 0, "email")) == "stakeholders[0].email"
    assert dotted(("deal",)) == "deal"
    assert dotted(()) == ""


def test_a_pattern_names_one_field_whatever_the_list_item() -> None:
    assert pattern(("stakeholders", 2, "why")) == "stakeholders[].why"
    assert pattern(("risks", "register", 0, "severity")) == "risks.register[].severity"


def test_texts_are_every_string_answer_in_file_order_with_its_path() -> None:
    data = {"deal": {"id": "D-1", "value": 5}, "goals": [{"outcome": "faster"}, {"outcome": None}], "notes": "n"}
    assert list(texts(data)) == [(("deal", "id"), "D-1"), (("goals", 0, "outcome"), "faster"), (("notes",), "n")]


def test_did_you_mean_offers_the_close_word_or_nothing() -> None:
    assert did_you_mean("acount", ["account", "segment"]) == "; did you mean 'account'?"
    assert did_you_mean("zzz", ["account", "segment"]) == ""


def test_the_keys_a_section_accepts_through_lists_and_optionals() -> None:
    assert {"id", "account", "segment", "csm"} <= set(keys_at(Dossier, ("deal",)))
    assert keys_at(Dossier, ("stakeholders", 0))[:4] == ["name", "role", "title", "email"]


def test_a_plain_field_or_an_unknown_path_accepts_no_keys() -> None:
    assert keys_at(Dossier, ("deal", "id")) == []
    assert keys_at(Dossier, ("no_such_section",)) == []


def test_the_values_a_choice_field_accepts() -> None:
    assert choices_at(Dossier, ("risks", "register", 0, "severity")) == ["low", "medium", "high", "critical"]
    assert choices_at(Dossier, ("deal", "id")) == []


def test_where_a_key_belongs_for_a_mis_indented_block() -> None:
    assert sections_with(Dossier, "csm") == ["deal"]
    assert sections_with(Dossier, "due") == ["commitments", "implementation.milestones", "handoff.checklist"]
    assert sections_with(Dossier, "no_such_key") == []
