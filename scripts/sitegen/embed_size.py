"""The height an embed snippet gives its frame: enough for the whole embed page (title, summary, chart, sources,
licence) at every width from 320 to 800 px, written per chart at build time.

The embed page (chart_files.embed_page) has fixed type sizes and draws the chart at the frame's width, up to
CHART_MAX px. Its height is estimated line by line at each width with a generous character width, and the
tallest is kept, with a margin; tests/test_read_first.py measures every embed page in the browser against it.
"""

from __future__ import annotations

import math
import re

WIDTHS = (320, 360, 390, 414, 480, 600, 800)  # px: phones to a wide column
PAD = 8  # body padding (px), as in chart_files.EMBED_CSS
CHART_MAX = 480  # px: the chart's largest width in an embed page (EMBED_CSS)
CHAR = 0.6  # a character's width as a share of the font size: wider than system fonts' average
LEADING = 1.4


def lines(text: str, size: float, width: float) -> int:
    """How many lines `text` takes at this font size and column width, breaking at spaces."""
    count, line = 1, 0.0
    for word in [w for w in re.split(r"[ \t\r\n]+", str(text)) if w]:  # never at a no-break space
        w = len(word) * size * CHAR
        if line and line + size * CHAR + w > width:
            count, line = count + 1, w
        else:
            line += (size * CHAR if line else 0) + w
    return count


def _svg_ratio(static_svg: str) -> float:
    """Height over width of a rendered chart SVG (its viewBox)."""
    found = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', static_svg)
    return float(found.group(2)) / float(found.group(1)) if found else 0.75


def page_height(width: int, title: str, summary: str, sources: list[str], credit: str, ratio: float) -> float:
    """The embed page's height (px) at this frame width."""
    column = width - 2 * PAD
    height = 2 * PAD + lines(title, 16, column) * 16 * LEADING + 4
    height += lines(summary, 14, column) * 14 * LEADING + 8
    height += min(column, CHART_MAX) * ratio + 8  # an inline SVG sits on a line box: a few px below it
    for text in [*sources, credit]:
        height += lines(text, 12, column) * 12 * LEADING + 4
    return height


def frame_height(title: str, summary: str, sources: list[str], credit: str, static_svg: str) -> int:
    """The snippet's height: the tallest the page gets from 320 to 800 px, plus a margin, in tens of px."""
    ratio = _svg_ratio(static_svg)
    tallest = max(page_height(w, title, summary, sources, credit, ratio) for w in WIDTHS)
    return int(math.ceil((tallest * 1.06 + 16) / 10) * 10)
