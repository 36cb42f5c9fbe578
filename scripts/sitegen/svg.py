"""Static SVG from the Plotly figure dict of charts.figure(): the chart as it looks before plotly.js loads.

One renderer: spec -> figure (plain dict) -> this SVG and the interactive chart. It draws the few things the
site's figures use: grouped bars (text above each bar, hatching where the figure is not verified), lines with
markers and dashes, horizontal target lines, a legend above the plot, and choropleth maps (svg_map.py).
Colours of text, grid and land come from CSS classes (site.css follows the light/dark scheme), with light
presentation attributes underneath for places without the site's CSS (feed readers, downloads, embeds).
Deterministic: the same figure gives the same bytes.

Text drawn is bounded before it is laid out: each line of text (a title line, a label, a source line, a legend
entry) holds at most DRAWN_MAX characters, a longer one being cut with "…" (drawn()); wrap() keeps at most its
max_lines, each so bounded. So a planted 32,000-character source title costs the PNG renderer (resvg) what a
200-character one does, not minutes. The validator refuses longer names and titles where they are data
(drawn-text-too-long, the same limit), so the cut is there for text that was never validated.
"""

from __future__ import annotations

import math

from spf.sitegen import direction
from spf.sitegen.text import BREAKABLE, DATA_END, DATA_START, as_data, h, marked, marked_lines, plain

WIDTH = 400  # viewBox width: scaled to the column (at most 30rem), so 12 px text stays readable at 390 px
HEIGHT = 300
FONT = 12
FG, GRID = "#333", "#d6d6d6"  # light-scheme defaults; CSS classes spfc-t / spfc-g override them
FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
DASHES = {"solid": "", "dash": "6 4", "dot": "2 3"}
DRAWN_MAX = 200  # characters of one line of text in a chart image: a line of a download holds about 100


def drawn(text: str, limit: int = DRAWN_MAX) -> str:
    """The text as it is drawn: at most `limit` characters, a longer text cut with "…"."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def line(text: str) -> str:
    """A line of text as a chart draws it: drawn(), in reading order in a right-to-left language
    (direction.svg_line)."""
    return direction.svg_line(drawn(text), DATA_START, DATA_END)


def text_width(text: str, size: float = FONT) -> float:
    return len(plain(text)) * size * 0.56


def num(v: float) -> str:
    """Coordinates with one decimal, no trailing zero: byte-identical and small."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def wrap(text: str, width: float, size: float = FONT, max_lines: int = 3) -> list[str]:
    """The text in at most max_lines lines of `width`, broken at ordinary spaces only (a no-break space, U+00A0 or
    U+202F, holds its two sides together: '75 millions $ US', '38,7 %'); the last line takes what is left, and
    every line is cut to DRAWN_MAX characters (only the first max_lines * DRAWN_MAX characters are read)."""
    words = [w for w in BREAKABLE.split(drawn(text, max_lines * DRAWN_MAX)) if w]
    lines, line = [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if line and text_width(trial, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return [drawn(line) for line in lines]


def nice_ticks(top: float, n: int = 5) -> list[float]:
    """0 .. top in 1-2-2.5-5 steps (Plotly's choice for a zero-based axis)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    count = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


def si(v: float) -> str:
    """d3's '~s' as Plotly shows it: 20M, 1.5k, 2G."""
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:.3g}" if v else "0"


def tick_label(v: float, axis: dict, separators: str = ".,") -> str:
    """A y-axis tick as Plotly writes it, with the figure's decimal and thousands marks ('separators')."""
    text = si(v) if axis.get("tickformat") == "~s" else f"{v:g}" if abs(v) < 1e6 else f"{v:,.0f}"
    if separators != ".,":
        text = text.translate(str.maketrans({".": separators[0], ",": separators[1:2] or ""}))
    return text if axis.get("tickformat") == "~s" else text + axis.get("ticksuffix", "")


def lines_text(x: float, y: float, lines: list[str], anchor: str = "middle", size: float = FONT, dy=None) -> str:
    """A <text> of several lines (tspans), the first baseline at y, each in reading order (line()); data text
    (text.as_data) is marked lang="en"."""
    dy = dy or size * 1.15
    spans = "".join(
        f'<tspan x="{num(x)}" dy="{0 if i == 0 else num(dy)}">{row}</tspan>'
        for i, row in enumerate(marked_lines([line(s) for s in lines], "tspan"))
    )
    size_attr = "" if size == FONT else f' font-size="{num(size)}"'
    return f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}"{size_attr}>{spans}</text>'


def svg_root(width: float, height: float, body: str, label: str, cls: str = "chart__svg") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width)}" height="{num(height)}" role="img" aria-label="{h(drawn(label))}" '
        f'font-family="{h(FAMILY)}" font-size="{FONT}">{body}</svg>'
    )


def hatch(pid: str, color: str) -> str:
    """The pattern for figures that are not verified: diagonal stripes of the series colour ('/')."""
    return (
        f'<pattern id="{h(pid)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{color}" fill-opacity="0.25"/>'
        f'<line x1="1.5" y1="0" x2="1.5" y2="6" stroke="{color}" stroke-width="3"/></pattern>'
    )


def legend(items: list[dict], width: float, y0: float, data: frozenset[str] = frozenset()) -> tuple[str, float]:
    """Legend entries in rows above the plot; returns (svg, height). An item: name, color, kind, dash, hatch."""
    if not items:
        return "", 0.0
    parts, x, y, row_h = [], 4.0, y0 + FONT, FONT * 1.6
    for item in items:
        name = drawn(item["name"])
        w = 26 + text_width(name) + 14
        if x > 4 and x + w > width:
            x, y = 4.0, y + row_h
        if item["kind"] == "bar":
            fill = f"url(#{item['hatch']})" if item.get("hatch") else item["color"]
            parts.append(
                f'<rect x="{num(x + 2)}" y="{num(y - 9)}" width="18" height="10" fill="{fill}" '
                f'stroke="{item["color"]}"/>'
            )
        elif item.get("lines", True):
            dash = DASHES.get(item.get("dash", "solid"), "")
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<line x1="{num(x)}" y1="{num(y - 4)}" x2="{num(x + 22)}" y2="{num(y - 4)}" '
                f'stroke="{item["color"]}" stroke-width="2.5"{dash_attr}/>'
            )
        if item["kind"] == "line" and item.get("symbol"):
            parts.append(marker(x + 11, y - 4, item["symbol"], item["color"]))
        name = as_data(name) if item["name"] in data else name
        parts.append(f'<text x="{num(x + 26)}" y="{num(y)}">{marked(line(name), "tspan")}</text>')
        x += w
    return f'<g class="spfc-t" fill="{FG}">{"".join(parts)}</g>', y - y0 + FONT * 0.6


def marker(x: float, y: float, symbol: str, color: str, r: float = 3.5) -> str:
    if symbol == "square":
        return f'<rect x="{num(x - r)}" y="{num(y - r)}" width="{num(2 * r)}" height="{num(2 * r)}" fill="{color}"/>'
    if symbol == "diamond":
        d = r * 1.3
        pts = f"{num(x)},{num(y - d)} {num(x + d)},{num(y)} {num(x)},{num(y + d)} {num(x - d)},{num(y)}"
        return f'<polygon points="{pts}" fill="{color}"/>'
    if symbol == "triangle-up":
        pts = f"{num(x)},{num(y - r * 1.3)} {num(x + r * 1.2)},{num(y + r)} {num(x - r * 1.2)},{num(y + r)}"
        return f'<polygon points="{pts}" fill="{color}"/>'
    return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{color}"/>'


def render(fig: dict, chart_id: str, label: str, download: bool = False, data: frozenset[str] = frozenset()) -> str:
    """The figure as one inline <svg> (no title or sources: the page and the downloads add those). Maps are
    drawn in finer detail for downloads. `data`: the category and series names that are the package's own
    text, marked lang="en" on pages in other languages (charts.data_words)."""
    if any(t["type"] == "choropleth" for t in fig["data"]):
        from spf.sitegen.svg_map import render_map

        return render_map(fig, chart_id, label, download)
    return render_axes(fig, chart_id, label, data)


def _legend_items(fig: dict, chart_id: str) -> tuple[list[dict], list[str]]:
    items, defs = [], []
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    for i, t in enumerate(fig["data"]):
        if t["type"] == "bar":
            if not t.get("showlegend", True):
                continue
            shapes = t["marker"].get("pattern", {}).get("shape", [])
            hatched = f"{chart_id}-lh{i}" if shapes and all(shapes) else None
            if hatched:
                defs.append(hatch(hatched, t["marker"]["color"]))
            items.append({"name": t["name"], "color": t["marker"]["color"], "kind": "bar", "hatch": hatched})
        elif t.get("showlegend", True) and (len(fig["data"]) > 1 or bars):
            line = t.get("line", {})
            symbol = t.get("marker", {}).get("symbol") if "markers" in t.get("mode", "") else None
            items.append(
                {
                    "name": t["name"],
                    "color": line.get("color"),
                    "kind": "line",
                    "dash": line.get("dash"),
                    "symbol": symbol,
                    "lines": "lines" in t.get("mode", "lines"),
                }
            )
    return items, defs


def render_axes(fig: dict, chart_id: str, label: str, data: frozenset[str] = frozenset()) -> str:
    layout = fig["layout"]
    height = HEIGHT
    items, defs = _legend_items(fig, chart_id)
    legend_svg, legend_h = legend(items, WIDTH, 0, data)
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    values = [v for t in fig["data"] for v in t["y"] if v is not None]
    yaxis = layout.get("yaxis", {})
    fixed = yaxis.get("range")
    ticks = nice_ticks(fixed[1] if fixed else max(values) * (1.12 if bars else 1.05))
    top_value = fixed[1] if fixed else ticks[-1]
    labels = [tick_label(v, yaxis, fig["layout"].get("separators", ".,")) for v in ticks]
    left = max(text_width(s) for s in labels) + 14
    x_labels, x_of, band = _x_axis(fig, left, WIDTH - 8, data)
    label_lines = max(len(lines) for _, lines in x_labels) if x_labels else 1
    bottom = height - 8 - label_lines * FONT * 1.15
    top = legend_h + (FONT * 2.6 if bars else FONT)  # room for the text above the tallest bar

    def y_of(v: float) -> float:
        return bottom - (bottom - top) * v / top_value

    grid = "".join(
        f'<line x1="{num(left)}" x2="{num(WIDTH - 8)}" y1="{num(y_of(v))}" y2="{num(y_of(v))}"/>' for v in ticks
    )
    ylabels = "".join(
        f'<text x="{num(left - 6)}" y="{num(y_of(v) + 4)}" text-anchor="end">{h(s)}</text>'
        for v, s in zip(ticks, labels, strict=True)
    )
    xlabels = "".join(lines_text(x, bottom + FONT * 1.3, lines) for x, lines in x_labels)
    body = [
        f'<g class="spfc-g" stroke="{GRID}" stroke-width="1">{grid}</g>',
        f'<g class="spfc-t" fill="{FG}">{ylabels}{xlabels}</g>',
    ]
    plot, plot_defs = _traces(fig, chart_id, x_of, y_of, band, len(bars))
    defs += plot_defs
    body.append(plot)
    body.append(legend_svg)
    return svg_root(WIDTH, height, (f"<defs>{''.join(defs)}</defs>" if defs else "") + "".join(body), label)


def _x_axis(fig: dict, left: float, right: float, data: frozenset[str] = frozenset()):
    """Category or linear x axis: (tick labels [(x, lines)], x position function, category band width)."""
    layout = fig["layout"]
    xs = [x for t in fig["data"] for x in t["x"]]
    if layout.get("xaxis", {}).get("type") == "category":
        cats = list(dict.fromkeys(str(x) for t in fig["data"] if t["type"] == "bar" for x in t["x"]))
        cats += [c for c in dict.fromkeys(map(str, xs)) if c not in cats]
        band = (right - left) / len(cats)
        pos = {c: left + band * (i + 0.5) for i, c in enumerate(cats)}
        labels = [(pos[c], wrap(as_data(c) if c in data else c, band - 4)) for c in cats]
        return labels, lambda x: pos[str(x)], band
    lo, hi = min(xs), max(xs)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.06
    lo, hi = lo - pad, hi + pad

    def x_of(x: float) -> float:
        return left + (right - left) * (x - lo) / (hi - lo)

    step = max(1, math.ceil((hi - lo) / 6))
    ticks = range(math.ceil(lo), math.floor(hi) + 1)
    labels = [(x_of(t), [str(t)]) for t in ticks if (t - math.ceil(lo)) % step == 0]
    return labels, x_of, 0.0


def _traces(fig: dict, chart_id: str, x_of, y_of, band: float, n_bars: int) -> tuple[str, list[str]]:
    """Bars (grouped, as Plotly's barmode 'group' with bargap 0.2), then lines and target lines on top."""
    parts, defs, texts = [], [], []
    slot = band * 0.8 / max(n_bars, 1)
    bar_i = 0
    for i, t in enumerate(fig["data"]):
        if t["type"] == "bar":
            color = t["marker"]["color"]
            shapes = t["marker"].get("pattern", {}).get("shape", [])
            if any(shapes):
                defs.append(hatch(f"{chart_id}-h{i}", color))
            for j, (x, y) in enumerate(zip(t["x"], t["y"], strict=True)):
                if y is None:
                    continue
                x0 = x_of(x) - band * 0.4 + slot * bar_i
                fill = f"url(#{chart_id}-h{i})" if j < len(shapes) and shapes[j] else color
                parts.append(
                    f'<rect x="{num(x0)}" y="{num(y_of(y))}" width="{num(slot)}" '
                    f'height="{num(y_of(0) - y_of(y))}" fill="{fill}" stroke="{color}"/>'
                )
                if t.get("text"):
                    lines = str(t["text"][j]).split("<br>")
                    size = max(7.0, min(FONT - 1, slot / (0.62 * max(len(s) for s in lines))))
                    y_text = y_of(y) - 4 - (len(lines) - 1) * size * 1.15
                    texts.append(lines_text(x0 + slot / 2, y_text, lines, size=size))
            bar_i += 1
        else:
            parts.append(_line(t, x_of, y_of, band))
    if texts:
        parts.append(f'<g class="spfc-t" fill="{FG}">{"".join(texts)}</g>')
    return "".join(parts), defs


def _line(t: dict, x_of, y_of, band: float = 0.0) -> str:
    pts = [(x_of(x), y_of(y)) for x, y in zip(t["x"], t["y"], strict=True) if y is not None]
    if band and len(pts) == 2 and pts[0][0] == pts[1][0]:  # a target over one category: across its band
        pts = [(pts[0][0] - band * 0.45, pts[0][1]), (pts[1][0] + band * 0.45, pts[1][1])]
    line = t.get("line", {})
    color = line.get("color", FG)
    mode = t.get("mode", "lines")
    out = []
    if "lines" in mode and len(pts) > 1:
        dash = DASHES.get(line.get("dash", "solid"), "")
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        points = " ".join(f"{num(x)},{num(y)}" for x, y in pts)
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{color}" '
            f'stroke-width="{num(line.get("width", 2))}"{dash_attr}/>'
        )
    if "markers" in mode:
        symbol = t.get("marker", {}).get("symbol", "circle")
        out.extend(marker(x, y, symbol, color) for x, y in pts)
    return "".join(out)
