"""Headless Chromium for the HTML report: lay a page out as a person would see it, and say what went wrong.

The page under test stays script-free; a copy gets a small script that measures every chart once the
browser has laid it out and writes its findings into the DOM, which `--dump-dom` then prints.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

WINDOW = (1200, 900)
MIN_WINDOW = 500  # headless Chromium lays a page out at least this wide, whatever --window-size says
NAMES = ("chromium", "chromium-browser", "google-chrome")

# Text that overflows its box, sticks out of its chart, or overlaps other text or a bar is a defect
# a reader would see; half a pixel of slack absorbs sub-pixel rounding.
MEASURE = """<script>(() => {
  const problems = [], labels = {}, axes = {};
  const inside = (a, b) => a.left >= b.left - .5 && a.right <= b.right + .5 && a.top >= b.top - .5
    && a.bottom <= b.bottom + .5;
  // texts closer than 2px read as one ('05'); a bar may touch the axis line but not a text
  const overlap = (a, b, gap) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom - .5
    && b.top < a.bottom - .5;
  const root = document.documentElement, width = root.clientWidth;
  if (root.scrollWidth > width) problems.push(`the page scrolls sideways (${root.scrollWidth} px at ${width} px)`);
  // a text outside a chart is cut when it overflows its box or runs past the window; inside a box that
  // scrolls on its own (.scroll) the reader scrolls to it
  for (const e of document.querySelectorAll('h1, h2, h3, p, li, th, td, dt, dd, a, button')) {
    if (e.closest('figure[data-chart]') || e.closest('.scroll') || !e.textContent.trim()) continue;
    const r = e.getBoundingClientRect(), name = `${e.tagName.toLowerCase()} '${e.textContent.trim().slice(0, 40)}'`;
    if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) problems.push(`${name} overflows its box`);
    if (r.right > width + .5 || r.left < -.5) problems.push(`${name} is clipped by the window`);
  }
  for (const fig of document.querySelectorAll('figure[data-chart]')) {
    const key = fig.dataset.chart, box = fig.getBoundingClientRect();
    labels[key] = [...fig.querySelectorAll('.label')].map(e => e.textContent);
    axes[key] = [...fig.querySelectorAll('.axis > span')].map(e => e.textContent);
    const texts = [...fig.querySelectorAll('figcaption, .label, .value, .axis > span')];
    const drawn = [...texts, ...fig.querySelectorAll('.bar')].map(e => [e, e.getBoundingClientRect(),
      e.classList.contains('bar') ? -.5 : 2]);
    for (const e of texts) {
      const r = e.getBoundingClientRect(), name = `${key}: '${e.textContent}'`;
      if (!e.textContent.trim() || r.width === 0 || r.height === 0) problems.push(`${name} is not drawn`);
      if (e.scrollWidth > e.clientWidth + 1) problems.push(`${name} overflows its box`);
      if (!inside(r, box)) problems.push(`${name} is clipped by its chart`);
    }
    drawn.forEach(([a, ra, ga], i) => drawn.slice(i + 1).forEach(([b, rb, gb]) => {
      if (overlap(ra, rb, Math.min(ga, gb))) problems.push(`${key}: '${a.textContent}' runs into '${b.textContent}'`);
    }));
  }
  // in the frame that sets a phone's width, the findings go to the page around it, which --dump-dom prints
  (window.frameElement ? parent.document.body : document.body)
    .setAttribute('data-layout', JSON.stringify({problems, labels, axes, width,
      found: window.measuredBefore ?? null}));
})();</script>"""


REQUIRE = "HANDOFF_REQUIRE_BROWSER"  # set by .ci/run, so CI always lays the report out
MISSING = "Chromium not found: the HTML layout tests did not run"


def chromium() -> str:
    """The browser's path. Without one the layout tests skip, all under one reason line of the summary,
    so the suite passes on any machine with Python; under REQUIRE a missing browser fails them."""
    found = next((path for name in NAMES if (path := shutil.which(name))), None)
    if found is None:
        if os.environ.get(REQUIRE):
            pytest.fail(f"{MISSING} and {REQUIRE} is set: install Debian's chromium (apt-get install -y chromium)")
        pytest.skip(MISSING)
    return found


def framed(page_html: str, width: int) -> str:
    """The page inside a frame exactly `width` px wide: a headless window is never narrower than 500 px, so a
    phone's 390 px is the frame's. A srcdoc frame shares the page's origin, so its script can report out."""
    return (f'<!DOCTYPE html><html><body style="margin:0"><iframe style="border:0;display:block;width:{width}px;'
            f'height:{WINDOW[1]}px" srcdoc="{html.escape(page_html, quote=True)}"></iframe></body></html>')


def _run(page: Path, *args: str, width: int = WINDOW[0]) -> str:
    # root in a container has no sandbox to use; each run gets its own profile so parallel runs never meet;
    # scrollbars hidden, as on a phone, so the page has the whole width
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
               f"--user-data-dir={page.parent / 'profile'}", f"--window-size={width},{WINDOW[1]}",
               *args, page.as_uri()]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _Body(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.layout: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.layout = dict(attrs).get("data-layout")


def layout(page_html: str, folder: Path, *, width: int = WINDOW[0], before: str = "") -> dict[str, Any]:
    """The page as Chromium lays it out in a window `width` px wide: {"problems": [...], "labels": {chart:
    [...]}, "axes": {chart: [0, top]}, "width": the page's width}. `before`: a script run first (a click);
    what it leaves in window.measuredBefore comes back as "found"."""
    page = folder / f"measured-{width}.html"
    measured = page_html.replace("</body>", before + MEASURE + "</body>")
    page.write_text(measured if width >= MIN_WINDOW else framed(measured, width), encoding="utf-8")
    body = _Body()
    body.feed(_run(page, "--dump-dom", width=width))
    assert body.layout is not None, "the measuring script did not run"
    found: dict[str, Any] = json.loads(body.layout)
    return found


def screenshot(page_html: str, folder: Path, *, width: int = WINDOW[0]) -> tuple[Path, tuple[int, int]]:
    """The page as a PNG of the window's size, and that size read back from the PNG header."""
    page, shot = folder / f"page-{width}.html", folder / f"page-{width}.png"
    page.write_text(page_html if width >= MIN_WINDOW else framed(page_html, width), encoding="utf-8")
    _run(page, f"--screenshot={shot}", width=width)
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return shot, (width, height)
