"""The customer's view: a template may not name an internal field in a customer document, `audience:` on an item
decides both ways, internal documents say so first, and the kickoff never comes before the joint meeting."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pydantic import BaseModel

from handoff_cli.cli import render_steps as steps
from handoff_cli.dossier.for_commands import load_dossier
from handoff_cli.model import Dossier
from handoff_cli.render import agendas, documents, engine
from handoff_cli.render.customer_view import customer_dossier
from handoff_cli.render.plan import plan
from handoff_cli.settings import Project, Settings, discover
from tests.conftest import CASES, EXAMPLES, RunCli
from tests.suites.test_customer_safe import internal_texts, leaks

COMPLETE = CASES / "render" / "complete.yaml"
GLOBEX = EXAMPLES / "strategic-globex.yaml"
INTERNAL = "refused by the sandbox: {!r} is internal and this document goes to the customer"


def _template(repo: Path, name: str, text: str) -> None:
    (repo / "templates").mkdir(exist_ok=True)
    (repo / "templates" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("text", "field"), [
    ("# {{ agenda.account }}\n{{ risks }}\n", "risks"),
    ("# {{ agenda.account }}\n{{ dossier.risks.red_flags | join }}\n", "risks"),
    ("#\n{{ dossier.stakeholders[0].why_they_advocate }}\n", "why_they_advocate"),
    ("#\n{{ dossier.stakeholders[0]['political_capital'] }}\n", "political_capital"),
    ("#\n{{ dossier.deal.id }}\n", "id"),
    ("#\n{{ dossier.goals.personal_wins }}\n", "personal_wins"),
    ("#\n{% if dossier.customer.purchase is defined %}x{% endif %}\n", "purchase"),
])
def test_a_template_naming_an_internal_field_in_a_customer_document_is_refused(
    text: str, field: str, run_cli: RunCli, deals_repo: Path
) -> None:
    _template(deals_repo, "agenda_kickoff.md.j2", text)
    out = deals_repo / "kickoff.md"
    result = run_cli("render", "agenda", str(GLOBEX), "--meeting", "kickoff", "--out", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"handoff: error: templates/agenda_kickoff.md.j2:2: {INTERNAL.format(field)}\n")
    assert not out.exists()


def test_a_customer_document_may_print_what_the_customer_may_read(run_cli: RunCli, deals_repo: Path) -> None:
    _template(deals_repo, "agenda_kickoff.md.j2",
              "{{ dossier.goals.outcomes[0] }} / {{ dossier.stakeholders[1].name }} / {{ dossier.deal.account }}\n")
    result = run_cli("render", "agenda", str(GLOBEX), "--meeting", "kickoff")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "One global service desk / Lukas Brandt / Globex Industrial AG\n", "")


def test_an_internal_document_may_print_internal_fields(run_cli: RunCli, deals_repo: Path) -> None:
    _template(deals_repo, "agenda_kickoff.md.j2", "{{ dossier.risks.red_flags[2] }} / {{ dossier.deal.id }}\n")
    result = run_cli("render", "agenda", str(GLOBEX), "--meeting", "kickoff", "--for", "csm")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "Procurement cut the price 28% in the final week / 0061x00000GLX120\n", "")


def test_an_internal_document_formats_the_deal_value_in_the_team_language(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('language = "de"\n', encoding="utf-8")
    _template(deals_repo, "plan_30_60_90.de.md.j2", "{{ dossier.deal.value | money }}\n")
    result = run_cli("render", "plan", str(GLOBEX))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "1.200.000\xa0$\n", "")


OVERRIDES = """risks:
  register:
    - {risk: Peak season freezes changes in December, severity: low, audience: customer}
    - {risk: Champion may leave in spring, severity: high}
  red_flags: [Budget owner unconvinced]
"""


def _overridden(repo: Path) -> Path:
    text = COMPLETE.read_text(encoding="utf-8")
    text = text.replace("    - {name: Help centre live, due: 2026-11-27}\n",
                        "    - {name: Help centre live, due: 2026-11-27}\n"
                        "    - {name: Replace the support lead quietly, due: 2026-12-04, audience: internal}\n")
    path = repo / "deal.yaml"
    path.write_text(text + OVERRIDES, encoding="utf-8")
    return path


def test_audience_customer_puts_one_internal_item_in_front_of_the_customer(run_cli: RunCli, deals_repo: Path) -> None:
    deal = _overridden(deals_repo)
    kickoff = run_cli("render", "agenda", str(deal), "--meeting", "kickoff").stdout
    assert "- Risk raised: Peak season freezes changes in December\n" in kickoff
    # the rest of the register and the red flags keep their section's default
    assert "Champion may leave" not in kickoff and "Budget owner" not in kickoff


def test_audience_internal_keeps_one_customer_item_from_the_customer(run_cli: RunCli, deals_repo: Path) -> None:
    deal = _overridden(deals_repo)
    for args in (["agenda", "--meeting", "kickoff"], ["agenda", "--meeting", "joint"], ["plan", "--for", "customer"]):
        text = run_cli("render", args[0], str(deal), *args[1:]).stdout
        assert "Help centre live" in text and "Replace the support lead" not in text, args
    csm = run_cli("render", "plan", str(deal)).stdout
    assert "- Fri 2026-12-04: Milestone: Replace the support lead quietly\n" in csm


def test_an_unvalidated_promise_never_reaches_the_customer_and_a_validated_one_is_agreed_scope(
    run_cli: RunCli, deals_repo: Path
) -> None:
    kickoff = run_cli("render", "agenda", str(GLOBEX), "--meeting", "kickoff").stdout
    assert "- Agreed scope: SAP S/4HANA service-order integration (due Wed 2027-03-31)\n" in kickoff
    assert "Three dedicated CSMs" not in kickoff and "not yet validated" not in kickoff
    prep = run_cli("render", "agenda", str(GLOBEX), "--meeting", "kickoff", "--for", "csm").stdout
    assert "- Settle before the meeting: Three dedicated CSMs, one per region [not yet validated by CS]\n" in prep


def test_the_csm_preparation_holds_what_the_dossier_has_for_it(run_cli: RunCli, deals_repo: Path) -> None:
    lines = run_cli("render", "agenda", str(GLOBEX), "--meeting", "kickoff", "--for", "csm").stdout.splitlines()
    assert lines[:3] == ["Internal — do not forward", "",
                         "# Implementation kickoff (CSM preparation): Globex Industrial AG"]
    prep = lines[lines.index("## Before the meeting (internal)"):lines.index("## Goals and success criteria (10 min)")]
    for expected in (
        "- Red flag: Procurement cut the price 28% in the final week",
        "- Objection: Price above ServiceNow's global offer; handled: Ramped pricing and the Lyon penalty numbers",
        "- Political capital Lukas Brandt spent: Overruled the Americas region's ServiceNow preference in the "
        "steering committee",
        "- ROI expectation of Henrik Sørensen: 7M EUR a year of avoided penalties by FY2028",
        "- Personal win for the champion: Lukas becomes the owner of the global service desk",
    ):
        assert expected in prep


def test_the_internal_meeting_gets_politics_roi_personal_wins_and_objections(run_cli: RunCli, deals_repo: Path) -> None:
    text = run_cli("render", "agenda", str(GLOBEX), "--meeting", "internal").stdout
    assert text.startswith("Internal — do not forward\n\n# Internal knowledge transfer: Globex Industrial AG\n")
    for expected in ("- How to engage Jürgen Weber: Through Globex HR only", "- ROI expectation of Henrik Sørensen",
                     "- Personal win for the sponsor: Katrin shows the board", "- Objection: Americas wants to stay"):
        assert expected in text


@pytest.mark.parametrize(("args", "first"), [
    (["plan"], "Internal — do not forward"),
    (["plan", "--format", "html"], '<p class="internal"><strong>Internal — do not forward</strong></p>'),
    (["agenda", "--meeting", "internal", "--format", "html"],
     '<p class="internal"><strong>Internal — do not forward</strong></p>'),
    (["plan", "--for", "customer"], "# 30-60-90 day plan: Globex Industrial AG"),
    (["agenda", "--meeting", "joint"], "# Joint transition meeting: Globex Industrial AG"),
])
def test_internal_documents_say_so_first_and_customer_ones_do_not(
    args: list[str], first: str, run_cli: RunCli, deals_repo: Path
) -> None:
    text = run_cli("render", args[0], str(GLOBEX), *args[1:]).stdout
    body = text.split("<body>\n", 1)[-1]
    assert body.splitlines()[0] == first
    assert ("Internal — do not forward" in text) == first.endswith(("forward", "</p>"))


def test_a_german_internal_document_says_so_in_german(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text('language = "de"\n', encoding="utf-8")
    for args in (["plan"], ["agenda", "--meeting", "kickoff", "--for", "csm"], ["agenda", "--meeting", "internal"]):
        assert run_cli("render", args[0], str(GLOBEX), *args[1:]).stdout.startswith("Intern — nicht weiterleiten\n\n")


def test_the_customer_calendar_holds_only_their_meetings(run_cli: RunCli, deals_repo: Path) -> None:
    customer = Calendar.from_ical(run_cli("render", "calendar", str(GLOBEX), "--for", "customer",
                                          "--date", "2026-11-10T09:00").stdout)
    assert [str(e["UID"]).split("-", 1)[1] for e in customer.walk("VEVENT")] == [
        "joint-meeting@handoff", "kickoff@handoff", "qbr@handoff"]
    assert "0061x00000GLX120" not in customer.to_ical().decode()
    csm = Calendar.from_ical(run_cli("render", "calendar", str(GLOBEX), "--date", "2026-11-10T09:00").stdout)
    uids = {str(e["UID"]) for e in csm.walk("VEVENT")}
    assert "0061x00000GLX120-internal-meeting@handoff" in uids
    # what we owe is tracked in the CSM's calendar only: the customer's above has none of it
    assert {u.split("-")[1] for u in uids if u.split("-")[1] in ("commitments", "milestones")} == {
        "commitments", "milestones"}


def test_the_internal_meeting_has_no_customer_agenda(run_cli: RunCli, deals_repo: Path) -> None:
    result = run_cli("render", "agenda", str(GLOBEX), "--meeting", "internal", "--for", "customer")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "handoff: error: the internal knowledge transfer has no customer agenda; use --for csm or leave "
               "--for out\n")


US = 'timezone = "America/New_York"\ncountry = "US"\n'


def test_the_kickoff_moves_after_a_joint_meeting_that_holidays_push_late(run_cli: RunCli, deals_repo: Path) -> None:
    (deals_repo / "handoff.toml").write_text(US, encoding="utf-8")
    result = run_cli("render", "plan", str(COMPLETE), "--for", "customer")
    assert result.stderr == (
        f"handoff: warning: {COMPLETE}: the kickoff is due Fri 2026-11-13, before the joint transition meeting "
        "(Mon 2026-11-16) that books it; this document puts it on Tue 2026-11-17\n")
    assert "- Mon 2026-11-16: Joint transition meeting\n- Tue 2026-11-17: Implementation kickoff\n" in result.stdout


def test_a_kickoff_after_the_joint_meeting_stays_where_it_is(run_cli: RunCli, deals_repo: Path) -> None:
    result = run_cli("render", "plan", str(COMPLETE), "--for", "customer")  # UTC, no holidays: both on the 13th
    assert (result.exit_code, result.stderr) == (0, "")
    assert "- Fri 2026-11-13: Joint transition meeting\n- Fri 2026-11-13: Implementation kickoff\n" in result.stdout


# ---- a property: random text in every field of a full dossier never reaches a customer document

_WORDS = st.text(alphabet=string.ascii_letters + "äöüßéñ", min_size=5, max_size=12)
_TEXT = st.lists(_WORDS, min_size=2, max_size=4).map(" ".join)


class _Texts:
    """Random text for one field after another, each made unique by its number."""

    def __init__(self, words: list[str]) -> None:
        self.words, self.n = words, 0

    def pop(self) -> str:
        self.n += 1
        return f"{self.words[self.n % len(self.words)]} n{self.n:03d}"


def _rewritten(item: BaseModel, texts: _Texts, flags: list[bool]) -> BaseModel:
    """The item with each free text replaced by the next random one, and each flag by the next random one."""
    update: dict[str, object] = {}
    for name, value in item:
        if isinstance(value, BaseModel):
            update[name] = _rewritten(value, texts, flags)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [_rewritten(v, texts, flags) for v in value]
        elif isinstance(value, list) and value and type(value[0]) is str:
            update[name] = [texts.pop() for _ in value]
        elif type(value) is str and name not in ("email", "by", "currency", "language", "timezone", "holidays"):
            update[name] = texts.pop()
        elif name == "cs_validated":
            update[name] = flags[len(update) % len(flags)]
    return item.model_copy(update=update)


def _customer_documents(dossier: Dossier, proj: Project) -> list[str]:
    schedule = steps.schedule(dossier, proj)
    shown = customer_dossier(dossier)
    docs = []
    for name, key, view in (
        ("intro_email.txt.j2", "intro", documents.intro(shown)),
        ("agenda_joint.md.j2", "agenda", agendas.agenda(dossier, "joint", schedule, shown=shown)),
        ("agenda_kickoff.html.j2", "agenda", agendas.agenda(dossier, "kickoff", schedule, shown=shown)),
        ("plan_30_60_90.md.j2", "plan", plan(shown, schedule, customer=True)),
    ):
        env, chosen = steps.in_language(proj, name, "en", html=name.endswith(".html.j2"))
        context = {key: view, "dossier": steps.data_for(env, dossier, customer=True)}
        docs.append(" ".join(engine.render(env, chosen, context).replace("&#39;", "'").split()).casefold())
    return docs


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TEXT, min_size=1, max_size=30), flags=st.lists(st.booleans(), min_size=1, max_size=10))
def test_random_text_in_every_field_never_reaches_the_customer(
    texts: list[str], flags: list[bool], tmp_path: Path
) -> None:
    proj = Project(Settings(), tmp_path)
    base, _ = load_dossier(GLOBEX, discover(GLOBEX.parent))
    dossier = _rewritten(base, _Texts(texts), flags)
    assert isinstance(dossier, Dossier)
    secrets = internal_texts(dossier)
    assert len(secrets) > 20
    for text in _customer_documents(dossier, proj):
        assert leaks(text, secrets) == []
    assert re.search(r"\w", text)


def test_sla_warns_on_the_kickoff_clock_when_the_joint_meeting_falls_after_it(
    run_cli: RunCli, deals_repo: Path
) -> None:
    (deals_repo / "handoff.toml").write_text(US, encoding="utf-8")
    result = run_cli("sla", str(COMPLETE), "--as-of", "2026-11-10T09:00")
    assert result.stderr == (
        f"handoff: warning: {COMPLETE}: the kickoff is due 2026-11-13, before the joint transition meeting "
        "(2026-11-16) that books it; book the kickoff after it\n")


def test_sla_says_nothing_of_the_order_when_the_kickoff_follows_the_joint_meeting(
    run_cli: RunCli, deals_repo: Path
) -> None:
    result = run_cli("sla", str(COMPLETE), "--as-of", "2026-11-10T09:00")  # UTC, no holidays: both on the 13th
    assert "kickoff is due" not in result.stderr
