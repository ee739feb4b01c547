"""`handoff report --format html --site DIR`: a static site a person reads without git or YAML (an index of deals,
a page per dossier), internal by default and marked so, customer pages from the customer's view alone;
written whole or not at all, never over a folder it did not write unless told, every page laid out cleanly
by Chromium at a laptop's and a phone's width."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser import layout
from tests.conftest import AS_OF, EXAMPLES, RunCli

MARK = "Internal — do not forward"
CATEGORIES = ["Customer", "Stakeholders", "Goals", "Commitments", "Technical", "Implementation", "Risks"]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.h2: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v or "" for k, v in attrs if tag == "a" and k == "href"]
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag: str) -> None:
        self._in_h2 = False if tag == "h2" else self._in_h2

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.h2.append(data)


def read(page: Path) -> Links:
    found = Links()
    found.feed(page.read_text(encoding="utf-8"))
    return found


@pytest.fixture
def deals(deals_repo: Path) -> Path:
    (deals_repo / "deals").mkdir()
    for source in EXAMPLES.glob("*.yaml"):
        shutil.copy(source, deals_repo / "deals" / source.name)
    return deals_repo


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_the_internal_site_has_an_index_and_a_page_per_dossier(run_cli: RunCli, deals: Path) -> None:
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "site")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "wrote site: 5 pages (internal)\n", "")
    site = deals / "site"
    assert _files(site) == [".handoff-site", "deals/enterprise-northwind.html", "deals/midmarket-acme.html",
                            "deals/smb-brightleaf.html", "deals/strategic-globex.html", "index.html"]  # fmt: skip
    index = read(site / "index.html")
    # each deal's row links to its page and to its dossier, from the site's top
    assert [h for h in index.hrefs if h.startswith("deals/")][:4] == [
        "deals/midmarket-acme.html", "deals/enterprise-northwind.html", "deals/strategic-globex.html",
        "deals/smb-brightleaf.html"]  # fmt: skip
    assert "../deals/midmarket-acme.yaml" in index.hrefs
    for page in sorted((site / "deals").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert f'<p class="internal">{MARK}</p>' in text, page.name
        found = read(page)
        # the seven categories in the dossier's order; brightleaf keeps no checklist
        records = [] if page.name == "smb-brightleaf.html" else ["Checklist and records"]
        assert found.h2 == ["Deal", *CATEGORIES, "Clocks", "History", *records], page.name
        source = next(h for h in found.hrefs if h.endswith(".yaml"))
        assert (page.parent / source).resolve() == (deals / "deals" / page.name.replace(".html", ".yaml")).resolve()
        assert "../index.html" in found.hrefs
    assert MARK in (site / "index.html").read_text(encoding="utf-8")


def test_a_dossier_page_reads_as_the_dossier_says(run_cli: RunCli, deals: Path) -> None:
    run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "site")
    text = (deals / "site" / "deals" / "midmarket-acme.html").read_text(encoding="utf-8")
    assert "<h1>Acme Outdoor Supply (HS-88412)</h1>" in text
    assert "<dt>status</dt><dd>rejected</dd>" in text and "<dt>score</dt><dd>86.8%</dd>" in text
    assert ("<tr><td>first_contact</td><td>breached</td><td>2026-11-06 21:05</td><td>-</td><td>csm Kofi Mensah</td>"
            "</tr>") in text
    assert re.search(r"<tr><td>2026-11-\d\d \d\d:\d\d</td><td>internal_meeting</td>", text)
    assert "<dt>CS validated</dt>" in text


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_lays_out_cleanly(run_cli: RunCli, deals: Path, tmp_path: Path, width: int) -> None:
    run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "site")
    run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "for-them", "--for", "customer")
    pages = [deals / "site" / "index.html", deals / "site" / "deals" / "strategic-globex.html",
             deals / "for-them" / "deals" / "strategic-globex.html"]  # fmt: skip
    for page in pages:
        found = layout(page.read_text(encoding="utf-8"), tmp_path, width=width)
        assert (found["width"], found["problems"]) == (width, []), page


def test_customer_pages_hold_nothing_internal(run_cli: RunCli, deals: Path) -> None:
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "out", "--for", "customer")
    assert (result.exit_code, result.stdout) == (0, "wrote out: 4 pages (customer)\n")
    assert _files(deals / "out") == [".handoff-site", "deals/enterprise-northwind.html", "deals/midmarket-acme.html",
                                     "deals/smb-brightleaf.html", "deals/strategic-globex.html"]  # no index
    text = (deals / "out" / "deals" / "midmarket-acme.html").read_text(encoding="utf-8").split("<body>")[1]
    assert "<h1>Acme Outdoor Supply</h1>" in text
    for internal in ("Internal", "HS-88412", "86.8", "Clocks", "breached", "Risks", "rejected", "150000"):
        assert internal not in text, internal


def test_a_second_run_replaces_the_site_whole(run_cli: RunCli, deals: Path) -> None:
    run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "site")
    (deals / "deals" / "smb-brightleaf.yaml").unlink()
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "site")
    assert (result.exit_code, result.stdout) == (0, "wrote site: 4 pages (internal)\n")
    assert "deals/smb-brightleaf.html" not in _files(deals / "site")  # no page left from the run before
    assert [p for p in os.listdir(deals) if p.startswith(".site")] == []  # nothing left beside it


def test_a_folder_that_is_not_a_site_is_kept(run_cli: RunCli, deals: Path) -> None:
    (deals / "notes").mkdir()
    (deals / "notes" / "plan.txt").write_text("mine\n", encoding="utf-8")
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "notes")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("handoff: error: notes: is a folder that is not a handoff site (no .handoff-site); "
                             "pass --force to replace it\n")  # fmt: skip
    assert _files(deals / "notes") == ["plan.txt"]
    forced = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "notes", "--force")
    assert forced.exit_code == 0 and "plan.txt" not in _files(deals / "notes")


def test_a_repository_is_never_replaced(run_cli: RunCli, deals: Path) -> None:
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", ".", "--force")
    assert result.exit_code == 2
    assert result.stderr == "handoff: error: .: holds .git; refusing to replace it with a site, even with --force\n"
    assert (deals / "deals" / "midmarket-acme.yaml").is_file()


def test_a_file_in_the_way_is_refused(run_cli: RunCli, deals: Path) -> None:
    (deals / "site").write_text("x\n", encoding="utf-8")
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "site", "--force")
    assert (result.exit_code, result.stderr) == (2, "handoff: error: site: is not a folder; nothing was written\n")
    assert (deals / "site").read_text(encoding="utf-8") == "x\n"


def test_page_names_are_safe_and_distinct(run_cli: RunCli, deals_repo: Path) -> None:
    for name in ("a b.yaml", "a_b.yaml", "we!rd <x>.yaml"):
        shutil.copy(EXAMPLES / "smb-brightleaf.yaml", deals_repo / name)
    result = run_cli("report", ".", "--as-of", AS_OF, "--format", "html", "--site", "site")
    assert result.exit_code == 0, result.stderr
    assert _files(deals_repo / "site") == [".handoff-site", "deals/a_b-2.html", "deals/a_b.html",
                                           "deals/we_rd_x_.html", "index.html"]  # fmt: skip
    index = (deals_repo / "site" / "index.html").read_text(encoding="utf-8")
    # the page's name and the dossier's address: nothing of the file name can end the attribute or the path
    assert '<a href="deals/we_rd_x_.html">SUB-20931 Brightleaf Plants B.V.</a>' in index
    assert '<a href="../we%21rd%20%3Cx%3E.yaml">we!rd &lt;x&gt;.yaml</a>' in index


@pytest.mark.parametrize(("args", "message"), [
    (("--site", "s"), "handoff: error: Invalid value for --site: --site writes HTML pages; pass --format html\n"),
    (("--format", "html", "--for", "customer"), "handoff: error: Invalid value for --for: --for customer needs "
                                                "--site DIR\n"),
    (("--format", "html", "--site", "s", "--out", "r.html"), "handoff: error: Invalid value for --site: --site "
                                                             "writes its own pages; leave out --by and --out\n"),
])  # fmt: skip
def test_site_flags_that_do_not_fit_are_refused(run_cli: RunCli, deals: Path, args: tuple[str, ...],
                                                message: str) -> None:  # fmt: skip
    result = run_cli("report", "deals", "--as-of", AS_OF, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert not (deals / "s").exists()


def test_the_folder_is_named_escaped(run_cli: RunCli, deals: Path) -> None:
    result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "out\x1b[31m")
    assert (result.exit_code, result.stdout) == (0, "wrote out\\x1b[31m: 5 pages (internal)\n")
    assert (deals / "out\x1b[31m" / "index.html").is_file()


def test_a_site_another_run_is_writing_is_left_to_it(run_cli: RunCli, deals: Path) -> None:
    import fcntl

    run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "site")
    (deals / "handoff.toml").write_text("lock_wait = 0\n", encoding="utf-8")
    before = {name: (deals / "site" / name).read_bytes() for name in _files(deals / "site")}
    held = os.open(deals / "site", os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run_cli("report", "deals", "--as-of", AS_OF, "--format", "html", "--site", "site")
    finally:
        os.close(held)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("handoff: error: site: another handoff command has been writing this file for 0 s; "
                             "nothing was written, try again when it is done (lock_wait in handoff.toml sets the "
                             "wait)\n")  # fmt: skip
    assert {name: (deals / "site" / name).read_bytes() for name in _files(deals / "site")} == before
