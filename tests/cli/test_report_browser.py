"""`handoff report --format html` laid out by headless Chromium: every chart shows all its labels whole, its
figures and its axis, nothing overflows, is clipped or overlaps; and the measuring itself can fail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser import WINDOW, layout, screenshot
from tests.conftest import AS_OF, EXAMPLES, RunCli

DEALS = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
LONG_REP = "Maximiliane Alexandrina von Hohenzollern-Sigmaringen"
ONE_DEAL = f"""schema: 1
deal:
  id: Z-1
  account: Zeroco
  segment: smb
  stage: closed-won
  value: {{amount: 9000, currency: EUR}}
  sales_rep: {{name: {LONG_REP}}}
"""


def _labels(doc: dict[str, Any]) -> dict[str, list[str]]:
    """The label each chart should show, from the JSON report of the same deals."""
    overall = doc["overall"]
    return {
        "completeness_bands": [f"{band}% complete" for band in overall["completeness"]["bands"]],
        "breaches_by_clock": list(overall["breaches_by_clock"]),
        "completion_by_segment": list(doc["by_segment"]),
        "patterns": list(doc["patterns"]["counts"]),
        "rating_by_rep": list(doc["by_rep"]),
        "rejection_reasons": list(overall["reviews"]["reasons"]),
        "churn_by_quality": list(doc["outcomes"]["retention"]["by_band"]),
        "survey_by_rep": list(doc["outcomes"]["survey"]["by_rep"]),
    }


@pytest.mark.parametrize("width", [1280, 390])  # a laptop, a phone
def test_examples_page_lays_out_cleanly(run_cli: RunCli, tmp_path: Path, width: int) -> None:
    page = run_cli("report", *DEALS, "--as-of", AS_OF, "--format", "html").stdout
    doc = json.loads(run_cli("report", *DEALS, "--as-of", AS_OF, "--format", "json").stdout)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    found = layout(page, tmp_path, width=width)
    # nothing scrolls the page sideways, no text is cut or runs past the window, at either width
    assert (found["width"], found["problems"]) == (width, [])
    assert found["labels"] == _labels(doc)
    assert "internal_meeting" in found["labels"]["breaches_by_clock"]  # whole, not cut at 12 characters
    assert found["axes"] == {
        "completeness_bands": ["0", "3"], "breaches_by_clock": ["0", "3"], "completion_by_segment": ["0", "100%"],
        "patterns": ["0", "2"], "rating_by_rep": ["0", "5"], "rejection_reasons": ["0", "1"],
        "churn_by_quality": ["0", "100%"], "survey_by_rep": ["0", "5"],
    }  # fmt: skip
    shot, size = screenshot(page, tmp_path, width=width)
    assert size == (width, WINDOW[1]) and shot.stat().st_size > 10_000


def test_the_csm_page_fits_a_phone(run_cli: RunCli, tmp_path: Path) -> None:
    page = run_cli("report", *DEALS, "--as-of", AS_OF, "--format", "html", "--by", "csm").stdout
    assert (layout(page, tmp_path, width=390)["problems"]) == []


# the deal table's heading buttons are made by the page's script: click "score", then "score" again
SORT = """<script>(() => {
  const order = () => [...document.querySelectorAll('table.deals tbody tr')].map(r => r.dataset.deal);
  const score = [...document.querySelectorAll('table.deals th button')].find(b => b.textContent === 'score');
  const printed = order();
  score.click();
  const up = order();
  score.click();
  window.measuredBefore = {printed, up, down: order()};
})();</script>"""


def test_the_deal_table_sorts_by_a_heading(run_cli: RunCli, tmp_path: Path) -> None:
    page = run_cli("report", *DEALS, "--as-of", AS_OF, "--format", "html").stdout
    found = layout(page, tmp_path, width=390, before=SORT)["found"]
    assert found == {
        "printed": ["HS-88412", "0061x00000NWF420", "0061x00000GLX120", "SUB-20931"],  # next clock due first
        "up": ["HS-88412", "0061x00000GLX120", "0061x00000NWF420", "SUB-20931"],  # 86.8, 95.4, 100, 100
        "down": ["0061x00000NWF420", "SUB-20931", "0061x00000GLX120", "HS-88412"],
    }


def test_all_zero_charts_and_long_labels_still_draw(run_cli: RunCli, deals_repo: Path, tmp_path: Path) -> None:
    (deals_repo / "zero.yaml").write_text(ONE_DEAL, encoding="utf-8")
    page = run_cli("report", "zero.yaml", "--as-of", AS_OF, "--format", "html").stdout
    doc = json.loads(run_cli("report", "zero.yaml", "--as-of", AS_OF, "--format", "json").stdout)
    assert set(doc["overall"]["reviews"]["reasons"].values()) == {0}
    found = layout(page, tmp_path)
    assert found["problems"] == []
    assert found["labels"] == _labels(doc)
    assert found["labels"]["rating_by_rep"] == [LONG_REP]
    assert found["axes"]["rejection_reasons"] == ["0", "1"]


CUT = """<!DOCTYPE html><html><head><style>.label{display:block;width:3rem;overflow:hidden;white-space:nowrap}
figure{width:10rem}</style></head><body><figure data-chart="c"><figcaption>Chart</figcaption>
<span class="label">internal_meeting</span><span class="value" style="margin-left:14rem">4</span>
</figure></body></html>"""


WIDE = """<!DOCTYPE html><html><head><style>td{white-space:nowrap}</style></head><body><table><tr>
<td>first_contact breached, due 2026-11-06 21:05</td><td>Relay Scale CS (pooled)</td><td>deals/midmarket-acme.yaml</td>
</tr></table><div style="overflow-x:auto" class="scroll"><table><tr><td>a table that scrolls in its own box is not cut
</td></tr></table></div></body></html>"""


def test_the_measuring_sees_a_page_wider_than_a_phone(tmp_path: Path) -> None:
    found = layout(WIDE, tmp_path, width=390)
    assert found["problems"][0].startswith("the page scrolls sideways (")
    assert found["problems"][1:] == ["td 'Relay Scale CS (pooled)' is clipped by the window",
                                     "td 'deals/midmarket-acme.yaml' is clipped by the window"]


def test_the_measuring_sees_cut_and_clipped_labels(tmp_path: Path) -> None:
    found = layout(CUT, tmp_path)
    assert found["labels"] == {"c": ["internal_meeting"]}
    assert found["problems"] == ["c: 'internal_meeting' overflows its box", "c: '4' is clipped by its chart"]
