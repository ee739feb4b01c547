"""Completeness rules by deal kind: an expansion states its new scope, a renewal its terms; neither is held to what
only a new logo needs; [kinds.<kind>] require/skip adjusts it, and `handoff rules --kind` lists it."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.suites.test_calibration import CALIBRATION

# a clean deal of each segment, with the moment its verdict was given
CLEAN = {"enterprise": "enterprise-de-holidays", "mid-market": "midmarket-clean", "smb": "smb-clean-pos",
         "strategic": "strategic-clean"}  # fmt: skip
OWN_FIELD = {"expansion": "  scope: Forty more seats for the second warehouse team\n",
             "renewal": "  terms: A second term of 12 months, price held, ten seats fewer\n"}  # fmt: skip


def _as_kind(name: str, kind: str) -> str:
    text = (CALIBRATION / f"{name}.yaml").read_text(encoding="utf-8")
    if kind == "new":
        return text
    # deal.kind and the kind's own field go right under the deal's id
    return re.sub(r"(?m)^(  id: .*\n)", lambda m: f"{m[1]}  kind: {kind}\n{OWN_FIELD[kind]}", text, count=1)


def _as_of(name: str) -> str:
    verdict = tomllib.loads((CALIBRATION / f"{name}.verdict.toml").read_text(encoding="utf-8"))
    return str(verdict["as_of"])


@pytest.mark.parametrize("kind", ["new", "expansion", "renewal"])
@pytest.mark.parametrize("segment", sorted(CLEAN))
def test_a_clean_deal_of_each_kind_and_segment_gets_no_finding(
    run_cli: RunCli, deals_repo: Path, segment: str, kind: str
) -> None:
    Path("deal.yaml").write_text(_as_kind(CLEAN[segment], kind), encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", _as_of(CLEAN[segment]), "--format", "json")
    [file] = json.loads(run.stdout)["files"]
    assert (run.exit_code, file["findings"], file["score"]) == (0, [], 100)


def test_an_expansion_without_its_new_scope_fails(run_cli: RunCli, deals_repo: Path) -> None:
    text = (CALIBRATION / "midmarket-expansion.yaml").read_text(encoding="utf-8")
    Path("deal.yaml").write_text(re.sub(r"(?m)^  scope: .*\n", "", text), encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", "2026-12-04T17:00:00-06:00")
    assert run.exit_code == 1
    assert ("deal.yaml:4:1: error: HS408 expansion-scope: an expansion's new scope is not stated (deal.scope: what the "
            "customer adds)") in run.stdout.splitlines()


def test_a_renewal_without_its_terms_fails(run_cli: RunCli, deals_repo: Path) -> None:
    text = (CALIBRATION / "strategic-renewal.yaml").read_text(encoding="utf-8")
    Path("deal.yaml").write_text(re.sub(r"(?m)^  terms: .*\n", "", text), encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", "2026-12-06T12:00:00+00:00")
    assert run.exit_code == 1
    assert [line for line in run.stdout.splitlines() if "HS4" in line] == [
        "deal.yaml:4:1: error: HS409 renewal-terms: a renewal's terms are not stated (deal.terms: length, price, what "
        "changed)"
    ]


def test_thin_terms_warn(run_cli: RunCli, deals_repo: Path) -> None:
    text = (CALIBRATION / "strategic-renewal.yaml").read_text(encoding="utf-8")
    Path("deal.yaml").write_text(re.sub(r"(?m)^  terms: .*\n", "  terms: Renewed\n", text), encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", "2026-12-06T12:00:00+00:00")
    assert run.exit_code == 0
    assert ("deal.yaml:7:10: warning: HS409 renewal-terms: deal.terms is too thin to carry context (1 words; at "
            "least 3)"
            in run.stdout.splitlines())


def test_a_new_logo_owes_neither_scope_nor_terms_but_a_renewal_no_go_live(run_cli: RunCli, deals_repo: Path) -> None:
    new = (CALIBRATION / "midmarket-clean.yaml").read_text(encoding="utf-8")
    assert "scope:" not in new.split("customer:")[0] and "terms:" not in new.split("customer:")[0]
    renewal = (CALIBRATION / "strategic-renewal.yaml").read_text(encoding="utf-8")
    # a renewal's customer is live already: no start, go-live, milestones or training are asked of it
    bare = re.sub(r"(?ms)^implementation:\n(  .*\n)*", "", renewal)
    bare = bare.replace("  data_migration: {needed: false}\n", "")
    Path("deal.yaml").write_text(bare, encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", "2026-12-06T12:00:00+00:00", "--format", "json")
    codes = [f["code"] for f in json.loads(run.stdout)["files"][0]["findings"]]
    assert not {"HS503", "HS601", "HS602", "HS603", "HS604", "HS810"} & set(codes)
    Path("deal.yaml").write_text(bare.replace("kind: renewal", "kind: new"), encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", "2026-12-06T12:00:00+00:00", "--format", "json")
    codes = [f["code"] for f in json.loads(run.stdout)["files"][0]["findings"]]
    assert {"HS601", "HS602", "HS603"} <= set(codes)


def test_a_kind_table_requires_and_skips(run_cli: RunCli, deals_repo: Path) -> None:
    text = (CALIBRATION / "midmarket-expansion.yaml").read_text(encoding="utf-8")
    Path("deal.yaml").write_text(re.sub(r"(?m)^  scope: .*\n", "", text), encoding="utf-8")
    Path("handoff.toml").write_text('[kinds.expansion]\nskip = ["expansion-scope"]\n', encoding="utf-8")
    assert run_cli("validate", "deal.yaml", "--as-of", "2026-12-04T17:00:00-06:00").exit_code == 0
    # a new logo's rule a renewal is not held to comes back when its kind's table requires it
    renewal = (CALIBRATION / "strategic-renewal.yaml").read_text(encoding="utf-8")
    Path("deal.yaml").write_text(re.sub(r"(?m)^  training: .*\n", "", renewal), encoding="utf-8")
    Path("handoff.toml").write_text('[kinds.renewal]\nrequire = ["HS604"]\n', encoding="utf-8")
    run = run_cli("validate", "deal.yaml", "--as-of", "2026-12-06T12:00:00+00:00")
    assert run.exit_code == 1 and " HS604 training-planned: " in run.stdout


def test_a_segment_list_does_not_turn_on_another_kinds_rule(run_cli: RunCli, deals_repo: Path) -> None:
    Path("deal.yaml").write_text((CALIBRATION / "midmarket-clean.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    Path("handoff.toml").write_text('[segments.mid-market]\nrequire = ["HS408"]\n', encoding="utf-8")
    assert run_cli("validate", "deal.yaml", "--as-of", "2026-12-04T17:00:00-06:00").exit_code == 0


def test_an_unknown_rule_in_a_kind_table_is_one_line_at_its_place(run_cli: RunCli, deals_repo: Path) -> None:
    Path("handoff.toml").write_text('min_score = 90\n\n[kinds.expansion]\nrequire = ["HS201", "expansion-scop"]\n',
                                    encoding="utf-8")
    Path("deal.yaml").write_text((CALIBRATION / "midmarket-clean.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for command in (("rules",), ("validate", "deal.yaml")):
        run = run_cli(*command)
        assert (run.exit_code, run.stdout, run.stderr) == (
            2, "", "handoff: error: handoff.toml:4:21: require: unknown rule 'expansion-scop'; did you mean "
            "'expansion-scope'?\n")


def test_an_unknown_kind_is_one_line(run_cli: RunCli, deals_repo: Path) -> None:
    Path("handoff.toml").write_text('[kinds.upsell]\nskip = ["HS201"]\n', encoding="utf-8")
    run = run_cli("rules")
    assert run.exit_code == 2 and run.stderr.startswith("handoff: error: handoff.toml:1:1: setting 'kinds.upsell'")


def test_rules_lists_what_a_kind_is_held_to(run_cli: RunCli, deals_repo: Path) -> None:
    def codes(*args: str) -> list[str]:
        return [r["code"] for r in json.loads(run_cli("rules", "--format", "json", *args).stdout)["rules"]]

    everything, expansion, renewal = codes(), codes("--kind", "expansion"), codes("--kind", "renewal")
    assert {"HS408", "HS409", "HS601", "HS809"} <= set(everything)
    assert "HS408" in expansion and not {"HS409", "HS809"} & set(expansion)
    assert "HS409" in renewal and not {"HS408", "HS503", "HS601", "HS602", "HS603", "HS604", "HS810"} & set(renewal)
    text = run_cli("rules", "--kind", "renewal").stdout
    assert text.splitlines()[0].strip() == "rules for renewal deals"
    assert "HS409" in text and "HS601" not in text
    assert run_cli("rules", "HS408").stdout.splitlines()[0] == (
        "HS408 expansion-scope (commitments; expansion only; expansion: ent must 4, mid must 4, smb must 4, "
        "strat must 4)")


def test_an_unknown_rule_anywhere_is_at_its_place(run_cli: RunCli, deals_repo: Path) -> None:
    for settings, where in (("[segments.smb]\nskip = ['champion-name']\n", "handoff.toml:2:9: skip"),
                            ("[weights]\nchampion-nam = 5\n", "handoff.toml:2:1: weights"),
                            ("kinds.renewal.skip = ['HS6O1']\n", "handoff.toml:1:23: skip")):  # fmt: skip
        Path("handoff.toml").write_text(settings, encoding="utf-8")
        run = run_cli("rules")
        assert run.exit_code == 2 and run.stderr.startswith(f"handoff: error: {where}: unknown rule '"), run.stderr
    Path("handoff.toml").unlink()
    Path("pyproject.toml").write_text("[tool.handoff.kinds.expansion]\nrequire = ['expansion-scop']\n",
                                      encoding="utf-8")
    run = run_cli("rules")
    assert run.stderr.startswith("handoff: error: pyproject.toml:2:12: require: unknown rule 'expansion-scop'")
