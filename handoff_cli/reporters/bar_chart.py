"""Horizontal bar charts for the HTML report, as plain HTML and CSS (no SVG, no scripts).

The browser lays out every label and figure itself, so a long label wraps instead of being cut or
running into its neighbour, and nothing depends on guessing how wide a text will be drawn. Each bar
carries data-label and data-value with the JSON report's figure, so a test (or a script) can check
that the picture and the numbers agree.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

# the part of each track kept free for the figure after the bar, so the longest bar leaves room for it
ROOM = "48px"  # fits "no data" at the figures' size, after the gap
CSS = """.chart{display:inline-block;vertical-align:top;width:23em;max-width:100%;margin:0 2em 1.5em 0}
.chart figcaption{font-weight:600;margin-bottom:.4em}
.bars{display:grid;grid-template-columns:fit-content(55%) minmax(7em,1fr);column-gap:.6em;row-gap:.3em;
align-items:center}.label{overflow-wrap:anywhere;font-size:13px;text-align:right}
.track{display:flex;align-items:center;gap:.35em;border-left:1px solid #1d2330;min-height:1.2em;min-width:0}
.bar{height:1em;background:#4f6bd8}.bar.bad{background:#d8574f}.value{font-size:12px;white-space:nowrap}
.axis{grid-column:2;display:flex;justify-content:space-between;border-top:1px solid #1d2330;font-size:11px;
color:#555;padding-top:.1em;margin-right:ROOM}""".replace("ROOM", ROOM)


def _figure(value: float | None, unit: str) -> str:
    return "no data" if value is None else f"{value:g}{unit}"


def chart(
    key: str,
    title: str,
    data: dict[str, float | None],
    *,
    bad: bool = False,
    unit: str = "",
    scale: float | None = None,
    name: Callable[[str], str] = str,
) -> str:
    """One bar per entry, scaled to `scale` (e.g. 100 for rates) or else to the largest value.

    The axis is drawn whatever the values, so an all-zero chart still reads as "all zero" and not as a
    chart that failed to draw; a missing value (None) draws no bar and says so.
    """
    top = scale or max((v for v in data.values() if v is not None), default=0) or 1
    rows = []
    for label, value in data.items():
        share = min(1.0, max(0.0, (value or 0) / top))
        figure = "" if value is None else f"{value:g}"
        rows.append(
            f'<span class="label">{escape(name(label))}</span><span class="track">'
            f'<span class="bar{" bad" * bad}" style="width:calc((100% - {ROOM}) * {share:.4g})" '
            f'data-label="{escape(label)}" data-value="{figure}"></span>'
            f'<span class="value">{escape(_figure(value, unit))}</span></span>'
        )
    axis = f'<span class="axis"><span>0</span><span>{top:g}{unit}</span></span>'
    return (
        f'<figure class="chart" data-chart="{key}"><figcaption>{escape(title)}</figcaption>'
        f'<div class="bars">{"".join(rows)}{axis}</div></figure>'
    )
