"""Choropleth maps as static SVG: the site's own topojson projected in Python (Natural Earth, as Plotly's
'natural earth' projection), coloured like Plotly colours the choropleth trace. Deterministic; no browser."""

from __future__ import annotations

import json
import math
from functools import cache

from spf.paths import DOCS
from spf.sitegen import svg
from spf.sitegen.i18n import _
from spf.sitegen.svg import FG, FONT, WIDTH, drawn, h, line, lines_text, num, svg_root, text_width

TOPOJSON = DOCS / "assets" / "vendor" / "topojson" / "world_110m.json"
LAND, BORDER = "#f0f0f0", "#ffffff"  # light scheme; classes spfc-land / spfc-border follow the dark scheme
LAT_MIN, LAT_MAX = -58.0, 84.0  # Antarctica left out: more room for the countries on a phone
# plotly.js's "Blues" (reversescale: more coverage, darker)
BLUES = [(0, (5, 10, 172)), (0.35, (40, 60, 190)), (0.5, (70, 100, 245)), (0.6, (90, 120, 245)),
         (0.7, (106, 137, 247)), (1, (220, 220, 220))]  # fmt: skip


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


# Detail of the map in the page (whole pixels of the 400-wide viewBox, small rings left out: light enough
# for a phone's first view; about 5 KB gzip) and in the downloads (tenths of a pixel, every ring).
PAGE, DOWNLOAD = (1, 1.5, 2.0), (10, 0.5, 0.0)  # (steps per px, point tolerance px, smallest ring px)


@cache
def country_paths(detail: tuple = PAGE, width: float = WIDTH) -> tuple[dict[str, str], float]:
    """{ISO-3: SVG path data} at this width and detail, and the map's height."""
    topo = json.loads(TOPOJSON.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    x_max = natural_earth(180, 0)[0]
    y_top, y_bottom = natural_earth(0, LAT_MAX)[1], natural_earth(0, LAT_MIN)[1]
    scale = width / (2 * x_max)

    def project(lon, lat):
        x, y = natural_earth(lon, max(lat, LAT_MIN))
        return (x + x_max) * scale, (y_top - y) * scale

    paths = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("id") in (None, "ATA") or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = []
        for polygon in polygons:
            for ring in polygon:
                pts = []
                for index in ring:
                    arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                    pts.extend(arc if not pts else arc[1:])
                rings.append([project(*p) for p in _unwrap(pts)])
        paths[geom["id"]] = "".join(_keep(rings, detail))
    return paths, (y_top - y_bottom) * scale


def _keep(rings: list[list[tuple[float, float]]], detail: tuple) -> list[str]:
    """Path data of the rings big enough to see; a country's largest ring is always kept (small islands)."""

    def size(ring):
        xs, ys = [x for x, _ in ring], [y for _, y in ring]
        return max(max(xs) - min(xs), max(ys) - min(ys))

    largest = max(rings, key=size)
    steps, tolerance, smallest = detail
    return [d for r in rings if (r is largest or size(r) >= smallest) and (d := _ring(r, steps, tolerance))]


def _unwrap(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia, Fiji) is pinned to the side most of it lies on."""
    if not any(lon > 170 for lon, _ in pts) or not any(lon < -170 for lon, _ in pts):
        return pts
    east = sum(1 for lon, _ in pts if lon > 0) >= len(pts) / 2
    return [(180.0 if east else -180.0, lat) if (lon < 0) == east else (lon, lat) for lon, lat in pts]


def _ring(points, steps: int, tolerance: float) -> str:
    """Relative path data of a ring in 1/steps of a pixel, leaving out points closer than `tolerance` (px)
    to the last one kept (no drift: each step is the difference of rounded positions)."""
    out, last = [], None
    for x, y in points:
        p = (round(x * steps), round(y * steps))
        if last is not None and abs(p[0] - last[0]) + abs(p[1] - last[1]) < tolerance * steps:
            continue
        out.append(p if last is None else (p[0] - last[0], p[1] - last[1]))
        last = p
    if len(out) < 3:
        return ""
    coords = [(svg.num(x / steps), svg.num(y / steps)) for x, y in out]
    return f"M{coords[0][0]} {coords[0][1]}l" + " ".join(f"{x} {y}" for x, y in coords[1:]) + "z"


# States too small for the 110m map (no outline there) are drawn as a dot at this point (lon, lat), so every
# country of a map's data is on the map. Approximate centres; add one when a test names a missing country.
SMALL_STATES = {"BRB": (-59.55, 13.17), "CPV": (-23.6, 15.1), "WSM": (-172.1, -13.75)}
DOT = 3.2  # radius in px of the 400-wide map


def point(lon: float, lat: float, width: float = WIDTH) -> tuple[float, float]:
    """A place on the map, projected as country_paths() projects the outlines."""
    x_max = natural_earth(180, 0)[0]
    y_top = natural_earth(0, LAT_MAX)[1]
    scale = width / (2 * x_max)
    x, y = natural_earth(lon, max(lat, LAT_MIN))
    return (x + x_max) * scale, (y_top - y) * scale


def blues(t: float) -> str:
    t = 1 - min(max(t, 0.0), 1.0)  # reversed
    for (a, ca), (b, cb) in zip(BLUES, BLUES[1:], strict=False):
        if t <= b:
            f = (t - a) / (b - a)
            return "#" + "".join(f"{round(u + (v - u) * f):02x}" for u, v in zip(ca, cb, strict=True))
    return "#dcdcdc"


def _colors(trace: dict) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """{ISO-3: colour} and the legend [(colour, text)], from the trace's colorscale as Plotly reads it."""
    zmin, zmax = trace["zmin"], trace["zmax"]
    colorbar = trace.get("colorbar", {})
    if "tickvals" in colorbar:  # categorical: the scale holds one flat colour per category
        scale = trace["colorscale"]

        def color(z):
            t = (z - zmin) / (zmax - zmin)
            return next(c for (lo, c), (hi, _) in zip(scale[::2], scale[1::2], strict=True) if lo <= t <= hi)

        legend = [(color(v), str(t)) for v, t in zip(colorbar["tickvals"], colorbar["ticktext"], strict=True)]
    else:

        def color(z):
            return blues((z - zmin) / (zmax - zmin))

        legend = [(color(v), f"{v:g}") for v in (0, 25, 50, 75, 100)]
    fills = {loc: color(z) for loc, z in zip(trace["locations"], trace["z"], strict=True) if z is not None}
    return fills, legend


def _unverified(trace: dict) -> set[str]:
    """Locations whose figures carry no `verified` label (trace customdata: the row's labels)."""
    labels = trace.get("customdata") or [""] * len(trace["locations"])
    return {
        loc for loc, lab in zip(trace["locations"], labels, strict=True) if lab and "verified" not in lab.split(", ")
    }


def _shapes(fills: dict[str, str], paths: dict[str, str]) -> dict[str, str]:
    """Path data of each filled location: its outline, or a dot for a small state the map has no outline for."""
    shapes = {}
    for iso in sorted(fills):
        if paths.get(iso):
            shapes[iso] = paths[iso]
        elif iso in SMALL_STATES:
            x, y = point(*SMALL_STATES[iso])
            shapes[iso] = f"M{num(x - DOT)} {num(y)}a{DOT} {DOT} 0 1 0 {num(2 * DOT)} 0a{DOT} {DOT} 0 1 0 {-2 * DOT} 0z"
    return shapes


def render_map(fig: dict, chart_id: str, label: str, download: bool = False) -> str:
    """The map: land, each location in its colour (small states as dots), stripes over the locations whose
    figures are not verified (as hatched bars), and the legend."""
    trace = next(t for t in fig["data"] if t["type"] == "choropleth")
    paths, map_h = country_paths(DOWNLOAD if download else PAGE)
    fills, legend = _colors(trace)
    shapes = _shapes(fills, paths)
    land = '<path d="' + "".join(d for iso, d in sorted(paths.items()) if iso not in fills) + '"/>'  # one path
    shown = "".join(f'<path d="{d}" fill="{fills[iso]}" data-iso="{h(iso)}"/>' for iso, d in shapes.items())
    striped = "".join(shapes[iso] for iso in sorted(_unverified(trace)) if iso in shapes)
    pid = f"{chart_id}-mh"
    stripes = (
        f'<pattern id="{h(pid)}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<line x1="1" y1="0" x2="1" y2="4" stroke="#fff" stroke-width="1.2"/></pattern>'
        f'<path class="unverified" d="{striped}" fill="url(#{h(pid)})"/>'
        if striped
        else ""
    )
    if striped:
        legend = legend + [(f"url(#{pid})", _("striped: not verified"))]
    title = trace.get("colorbar", {}).get("title", {}).get("text", "")
    legend_svg, legend_h = _legend(legend, map_h + 10, title if "tickvals" not in trace["colorbar"] else "")
    body = (
        f'<g class="spfc-land" fill="{LAND}" stroke="{BORDER}" stroke-width="0.4">{land}</g>'
        f'<g class="spfc-border" stroke="{BORDER}" stroke-width="0.4">{shown}</g>{stripes}{legend_svg}'
    )
    return svg_root(WIDTH, map_h + 10 + legend_h, body, label)


def _legend(items: list[tuple[str, str]], y0: float, title: str) -> tuple[str, float]:
    parts, x, y = [], 4.0, y0 + FONT
    title, items = drawn(title), [(color, drawn(text)) for color, text in items]
    if title:
        parts.append(f'<text x="{num(x)}" y="{num(y)}">{h(line(title))}</text>')
        x += text_width(title) + 8
    for color, text in items:
        w = 20 + text_width(text) + 12
        if x > 4 and x + w > WIDTH:
            x, y = 4.0, y + FONT * 1.6
        box = f'x="{num(x)}" y="{num(y - 10)}" width="14" height="12"'
        if color.startswith("url("):  # the stripes drawn over a grey swatch
            parts.append(f'<rect {box} fill="#888"/><rect {box} fill="{h(color)}"/>')
        else:
            parts.append(f'<rect {box} fill="{color}"/>')
        parts.append(lines_text(x + 18, y, [text], anchor="start"))
        x += w
    return f'<g class="spfc-t" fill="{FG}">{"".join(parts)}</g>', y - y0 + FONT * 0.8
