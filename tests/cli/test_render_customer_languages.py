"""The customer's documents in Malay, Indonesian, Traditional Chinese and Hebrew: dates in the locale, Chinese
for Taiwan and Hong Kong, a right-to-left page, and subjects a mail client decodes.

That no English is left in any of them, for every shipped example and calibration deal, is checked where
every customer document is rendered in every language: tests/suites/test_customer_safe.py.
"""

from __future__ import annotations

import html
import json
import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from tests.conftest import CASES, EXAMPLES, RunCli
from tests.english_left import CASE, STAMP, dossier_words, english_left, readable, template_words, words

# the team's own documents, with the English templates each is written from
TEAM_DOCUMENTS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("agenda", "--meeting", "internal"): ("agenda_internal.md.j2",),
    ("agenda", "--meeting", "internal", "--format", "html"): ("agenda_internal.html.j2",),
    ("agenda", "--meeting", "kickoff", "--for", "csm"): ("agenda_kickoff.md.j2",),
    ("plan",): ("plan_30_60_90.md.j2",),
    ("calendar", "--date", STAMP): ("calendar.txt.j2",),
}


def test_the_english_words_are_found_in_an_english_document(run_cli: RunCli, deals_repo: Path) -> None:
    """The check itself: an English intro keeps its template's words, and they count as English left."""
    source = CASES / "render" / "complete.yaml"
    own = dossier_words(source, deals_repo)
    text = readable(run_cli("render", "intro", str(source)).stdout, ("intro",))
    english = {"congratulations", "primary", "kickoff", "dear"}
    assert english <= (words(text) & template_words("intro_email.txt.j2")) - own
    (deals_repo / "handoff.toml").write_text('language = "ms"\n', encoding="utf-8")
    left = english_left(run_cli, deals_repo, source, "ms", ("intro",), text)
    assert english <= set(left)
    malay = run_cli("render", "intro", str(source)).stdout
    assert english_left(run_cli, deals_repo, source, "ms", ("intro",), malay) == []


@pytest.mark.parametrize("language", list(CASE))
def test_a_team_in_each_language_gets_its_own_documents_in_it(
        language: str, run_cli: RunCli, deals_repo: Path) -> None:
    """The internal agenda, the CSM's preparation and plan, the CSM's calendar: in the team's language,
    with every internal line (politics, concerns, unvalidated promises) worded in it."""
    deal = deals_repo / "deal.yaml"
    deal.write_text((EXAMPLES / "strategic-globex.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (deals_repo / "handoff.toml").write_text(f'language = "{language}"\n', encoding="utf-8")
    for document, templates in TEAM_DOCUMENTS.items():
        result = run_cli("render", document[0], str(deal), *document[1:])
        assert (result.exit_code, result.stderr) == (0, ""), document
        assert english_left(run_cli, deals_repo, deal, language, document, result.stdout, templates) == [], document


@pytest.mark.parametrize(("tag", "subject"), [
    ("he", 'ברוכים הבאים, מאפיות השחר בע"מ! הכירו את צוות ההצלחה שלכם'),
    ("zh-TW", "歡迎加入，晨光烘焙股份有限公司！為您介紹專屬的客戶成功團隊"),  # noqa: RUF001
])
def test_a_hebrew_or_chinese_subject_is_folded_rfc_2047_words_and_reads_back(
        tag: str, subject: str, run_cli: RunCli, deals_repo: Path) -> None:
    source = CASES / "render" / ("hebrew.yaml" if tag == "he" else "chinese.yaml")
    out = deals_repo / "intro.eml"
    result = run_cli("render", "intro", str(source), "-f", "eml", "--date", STAMP, "--out", str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    raw = out.read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    # every header line is ASCII within RFC 5322's 78 characters: the subject is encoded words, folded
    assert all(len(line) <= 78 and line.isascii() for line in head.split(b"\r\n"))
    subject_lines = re.search(rb"^Subject: .*?(?=\r\n\S)", head, re.MULTILINE | re.DOTALL)
    assert subject_lines is not None and b"=?utf-8?" in subject_lines.group() and b"\r\n " in subject_lines.group()
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert (str(message["Subject"]), message["Content-Language"]) == (subject, tag)
    greeting = "שלום מיכל אברהם," if tag == "he" else "林淑芬 您好："  # noqa: RUF001
    assert message.get_content().splitlines()[0] == greeting


@pytest.mark.parametrize("tag", ["zh-TW", "zh-HK", "zh-Hant"])
def test_taiwan_and_hong_kong_get_the_traditional_chinese_documents(
        tag: str, run_cli: RunCli, deals_repo: Path) -> None:
    text = (CASES / "render" / "chinese.yaml").read_text(encoding="utf-8")
    text = text.replace("language: zh-TW", f"language: {tag}")
    (deals_repo / "deal.yaml").write_text(text, encoding="utf-8")
    result = run_cli("render", "agenda", "deal.yaml", "-m", "kickoff", "-f", "html")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1] == f'<html lang="{tag}">'
    assert "<h1>導入啟動會議：晨光烘焙股份有限公司</h1>" in result.stdout  # noqa: RUF001
    assert "<li>成功指標：退貨率從 12.5 改善至 6%，2027年1月29日前達成</li>" in result.stdout  # noqa: RUF001


def test_simplified_chinese_is_not_given_traditional_characters(run_cli: RunCli, deals_repo: Path) -> None:
    text = (CASES / "render" / "chinese.yaml").read_text(encoding="utf-8").replace("language: zh-TW", "language: zh-CN")
    (deals_repo / "deal.yaml").write_text(text, encoding="utf-8")
    result = run_cli("render", "intro", "deal.yaml")
    assert (result.exit_code, result.stderr) == (
        0, "handoff: warning: no intro_email.txt.j2 template in language 'zh-CN'; "
           "writing it in the default language (en)\n")


def test_a_hebrew_page_runs_right_to_left_with_its_list_indent_at_the_line_start(
        run_cli: RunCli, deals_repo: Path) -> None:
    page = run_cli("render", "plan", str(CASES / "render" / "hebrew.yaml"), "--for", "customer", "-f", "html").stdout
    assert page.splitlines()[1] == '<html lang="he" dir="rtl">'
    # a physical padding-left would indent the bullets on the wrong side of a right-to-left list
    assert "ul { padding-inline-start: 1.3rem;" in page and "padding-left" not in page
    assert "<h1>תוכנית 30-60-90 ימים: מאפיות השחר בע&#34;מ</h1>" in page
    assert "<li>29 בינואר 2027: מועד מדד הצלחה: שיעור ההחזרות מ־12.5 ל־6%</li>" in page


@pytest.mark.parametrize(("language", "line"), [
    ("ms", "35 minit · dalam tempoh 5 hari bekerja selepas kontrak ditandatangani: selewat-lewatnya "
           "13 November 2026 4:00\u202fPTG UTC"),
    ("id", "35 menit · dalam 5 hari kerja setelah penandatanganan kontrak: paling lambat 13 November 2026 16.00 UTC"),
    ("zh-Hant", "35 分鐘 · 簽約後 5 個工作天內：最遲於 2026年11月13日 下午4:00 UTC"),  # noqa: RUF001
    ("he", "35 דקות · בתוך 5 ימי עסקים מחתימת החוזה: עד 13 בנובמבר 2026, 16:00 UTC"),
])
def test_the_joint_agenda_dates_its_deadline_in_the_locale(
        language: str, line: str, run_cli: RunCli, deals_repo: Path) -> None:
    result = run_cli("render", "agenda", str(CASES / "render" / f"{CASE[language]}.yaml"), "-m", "joint")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[2] == line


# what a reader of the page sees of each list: its direction, and on which side its indent is
RTL_MEASURE = """<script>(() => {
  const lists = [...document.querySelectorAll('ul')].map(ul => {
    const style = getComputedStyle(ul), box = ul.getBoundingClientRect();
    const item = ul.querySelector('li').getBoundingClientRect();
    return {direction: style.direction, right: Math.round(box.right - item.right),
            left: Math.round(item.left - box.left)};
  });
  document.body.setAttribute('data-lists', JSON.stringify(lists));
})();</script>"""


def test_in_the_browser_a_hebrew_page_indents_its_lists_on_the_right(
        run_cli: RunCli, deals_repo: Path, tmp_path: Path) -> None:
    from tests.browser import _run

    page = run_cli("render", "plan", str(CASES / "render" / "hebrew.yaml"), "--for", "customer", "-f", "html").stdout
    measured = tmp_path / "measured.html"
    measured.write_text(page.replace("</body>", RTL_MEASURE + "</body>"), encoding="utf-8")
    found = re.search(r'data-lists="([^"]*)"', _run(measured, "--dump-dom"))
    assert found is not None, "the measuring script did not run"
    lists = json.loads(html.unescape(found.group(1)))
    assert len(lists) > 10
    # 1.3rem of 16px on the right, the side a right-to-left list's bullets hang on; none on the left
    assert {(n["direction"], n["right"], n["left"]) for n in lists} == {("rtl", 21, 0)}
