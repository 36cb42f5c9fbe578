"""Per-chart files beside the CSV: a standalone SVG and a PNG with title, subtitle, sources with their
verification labels, licence and site name burned in (downloads/charts/<id>.svg, .png), a minimal embed
page (embed/<id>/index.html), and the site's share card (assets/images/site-card.png).

PNGs are rendered with resvg (resvg-py, no browser) and cached by the content hash of their SVG under
build/cache/charts/, so a build that changes no chart renders none, and a build renders only the charts whose
SVG changed; those are rendered in parallel worker processes (one per core, this process being one of them)."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from functools import cache
from pathlib import Path

import resvg_py

from spf.forked import Forked
from spf.paths import BUILD, MKDOCS_YML
from spf.sitegen import charts, direction, embed_size, i18n, svg
from spf.sitegen.components import LABEL_NAMES, link
from spf.sitegen.i18n import _, pgettext
from spf.sitegen.text import as_data, h, marked, plain

LICENCE = "CC BY 4.0"
CARD_WIDTH = 640  # the downloads' viewBox; PNGs are drawn at 2x: 1280 px wide
PNG_ZOOM = 2
MIN_PER_WORKER = 4  # fewer PNGs than this per worker are rendered here: a fork would cost more than it saves
CACHE = BUILD / "cache" / "charts"  # SPF_CHART_CACHE overrides it (benchmarks); an empty value turns it off


@cache
def _site_name() -> str:
    """mkdocs.yml's site_name (read as text: the file holds !ENV tags that plain YAML loaders reject)."""
    match = re.search(r"^site_name:\s*(.+?)\s*$", MKDOCS_YML.read_text(encoding="utf-8"), re.M)
    return match.group(1).strip("'\"") if match else ""


def site_name() -> str:
    """The site's name in the current language (the catalogue's "site" context, as the theme shows it)."""
    return pgettext("site", _site_name()) if _site_name() else ""


def source_lines(spec: charts.ChartSpec) -> list[str]:
    """'Source: <title> (verified)' for each distinct source and label of the chart's rows."""
    seen: dict[tuple[str, str], None] = {}
    for row in spec.data:
        label = str(row.get(spec.label_col) or "unlabelled")
        for title in str(row.get("source_title") or "").split("; "):
            seen.setdefault((title.strip(), label), None)
    lines = []
    for title, label in seen:
        name = _(LABEL_NAMES[label]) if label in LABEL_NAMES else label
        if title:
            lines.append(_("Source: {title} ({label})", title=as_data(title), label=name))
        else:
            lines.append(_("Counted from this site's data package ({label})", label=name))
    return lines


def standalone_svg(spec: charts.ChartSpec) -> str:
    """The chart with its title, summary, sources, licence and site name, on a white card."""
    w, pad = CARD_WIDTH, 24
    inner = svg.render(charts.figure(spec), f"{spec.id}-dl", spec.title, download=True, data=charts.data_words(spec))
    vw, vh = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', inner).groups())
    chart_w = w - 2 * pad
    chart_h = vh * chart_w / vw
    title = svg.wrap(spec.title, chart_w, 20, 2)
    sub = svg.wrap(spec.summary, chart_w, 14, 10)  # the whole summary: every figure in it carries its label
    y = pad + 20
    head = svg.lines_text(pad, y, title, "start", 20).replace("<text ", '<text font-weight="700" ', 1)
    y += len(title) * 23 + 4
    head += svg.lines_text(pad, y, sub, "start", 14).replace("<text ", '<text fill="#555" ', 1)
    y += (len(sub) - 1) * 16 + 14
    nested = re.sub(r'<svg xmlns="[^"]+" class="[^"]+" viewBox', "<svg viewBox", inner, count=1)
    nested = nested.replace(f'width="{svg.num(vw)}" height="{svg.num(vh)}"', "", 1)
    nested = nested.replace("<svg ", f'<svg x="{pad}" y="{svg.num(y)}" width="{svg.num(chart_w)}" '
                            f'height="{svg.num(chart_h)}" ', 1)  # fmt: skip
    y += chart_h + 18
    foot_lines = [line for s in source_lines(spec) for line in svg.wrap(s, chart_w, 11, 3)]
    foot_lines.append(_("{site} · Licence: {licence}", site=site_name(), licence=LICENCE))
    foot = svg.lines_text(pad, y, foot_lines, "start", 11, dy=14).replace("<text ", '<text fill="#444" ', 1)
    height = y + (len(foot_lines) - 1) * 14 + pad
    body = f'<rect width="100%" height="100%" fill="#ffffff"/><g fill="#111">{head}</g>{nested}{foot}'
    return svg.svg_root(w, height, body, spec.title, cls="chart-download")


def _render(svgs: list[str]) -> list[bytes]:
    return [bytes(resvg_py.svg_to_bytes(svg_string=s, zoom=PNG_ZOOM, background="#ffffff")) for s in svgs]


def _shares(svgs: list[str]) -> list[list[str]]:
    workers = max(1, min(os.cpu_count() or 1, len(svgs) // MIN_PER_WORKER))
    return [svgs[i::workers] for i in range(workers)]


def render_parallel(svgs: list[str]) -> list[bytes]:
    """PNGs of the SVGs, in order: one share per core, rendered by forked workers and by this process."""
    shares = _shares(svgs)
    workers = len(shares)
    jobs = [Forked("rendering chart PNGs", _render, share) for share in shares[1:]]
    rendered = [_render(shares[0]), *(job.result() for job in jobs)]
    out: list[bytes] = [b""] * len(svgs)
    for i, share in enumerate(rendered):
        out[i::workers] = share
    return out


def _cache_file(folder: str, svg_text: str) -> Path:
    return Path(folder) / f"{hashlib.sha256(svg_text.encode('utf-8')).hexdigest()}.png"


def _split(svgs: dict[str, str], folder: str) -> tuple[dict[str, bytes], dict[str, list[str]]]:
    """({path: cached PNG}, {SVG not in the cache: its paths})"""
    found: dict[str, bytes] = {}
    missing: dict[str, list[str]] = {}
    for path, text in svgs.items():
        cached = _cache_file(folder, text)
        if folder and cached.is_file():
            found[path] = cached.read_bytes()
        else:
            missing.setdefault(text, []).append(path)
    return found, missing


def _store(folder: str, svg_text: str, data: bytes) -> None:
    if folder:
        cached = _cache_file(folder, svg_text)
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{hashlib.sha256(data).hexdigest()[:8]}.tmp")
        tmp.write_bytes(data)
        tmp.replace(cached)  # atomic: parallel builds never read half a file


def pngs(svgs: dict[str, str]) -> dict[str, bytes]:
    """{path: PNG at 2x (1280 px wide for a download)} of {path: SVG}: from the cache when this exact SVG was
    rendered before; the others (each distinct SVG once) rendered in parallel, then cached."""
    folder = os.environ.get("SPF_CHART_CACHE", str(CACHE))
    out, missing = _split(svgs, folder)
    for text, data in zip(missing, render_parallel(list(missing)), strict=True):
        out.update(dict.fromkeys(missing[text], data))
        _store(folder, text, data)
    return out


class PngJob:
    """The build's PNG downloads, rendered beside it: add() takes them as they are generated (cached ones at
    once, the others in forked workers that start at once), write() waits for the workers and writes every PNG
    into the site. So MkDocs renders the pages while the charts are drawn."""

    def __init__(self):
        self.folder = os.environ.get("SPF_CHART_CACHE", str(CACHE))
        self.ready: dict[str, bytes] = {}
        self.jobs: list[tuple[list[str], list[list[str]], Forked]] = []

    def add(self, svgs: dict[str, str], prefix: str = "") -> None:
        """Render {path: SVG}; each PNG is written to prefix + path under the site."""
        found, missing = _split({prefix + path: text for path, text in svgs.items()}, self.folder)
        self.ready.update(found)
        for share in _shares(list(missing)) if missing else []:
            job = Forked("rendering chart PNGs", _render, share)
            self.jobs.append((share, [missing[text] for text in share], job))

    def write(self, site_dir: Path) -> None:
        for share, paths, job in self.jobs:
            for text, where, data in zip(share, paths, job.result(), strict=True):
                _store(self.folder, text, data)
                self.ready.update(dict.fromkeys(where, data))
        self.jobs = []
        for path, data in self.ready.items():
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / path).write_bytes(data)

    def cancel(self) -> None:
        for entry in self.jobs:
            entry[2].cancel()


def png(svg_text: str) -> bytes:
    """One PNG at 2x, from the cache when this exact SVG was rendered before."""
    return pngs({"": svg_text})[""]


def embed_path(spec: charts.ChartSpec) -> str:
    return f"embed/{spec.id}/index.html"


EMBED_CSS = (
    "body{margin:0;padding:8px;font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#222;"
    "background:#fff}h1{font-size:16px;margin:0 0 4px}p{margin:4px 0}"
    ".chart__svg{width:100%;max-width:480px;height:auto;direction:ltr}"
    ".src{font-size:12px;color:#444}a{color:#1a4fa0}"
    "@media (prefers-color-scheme:dark){body{background:#1e2129;color:#e6e6e6}.src{color:#c8c8c8}a{color:#9cc0ff}"
    ".spfc-t{fill:#d0d0d0}.spfc-g{stroke:#4a4e59}.spfc-land{fill:#2b2f3a}.spfc-land,.spfc-border{stroke:#555a66}}"
)


# Embed pages run no script at all; their one stylesheet is inline and allowed by its hash only, so an injected
# <style> would not apply either.
EMBED_CSP = (
    "default-src 'self'; script-src 'none'; "
    f"style-src 'sha256-{base64.b64encode(hashlib.sha256(EMBED_CSS.encode()).digest()).decode()}'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'"
)


def embed_credit() -> tuple[str, str]:
    """The embed page's last line: the site and licence, then the link text back to the chart."""
    return f"{site_name()}, {LICENCE}.", _("Data, sources and the interactive chart")


def embed_height(spec: charts.ChartSpec, static_svg: str) -> int:
    """The height the embed snippet gives its frame (embed_size: the whole page fits from 320 to 800 px)."""
    credit, more = embed_credit()
    sources = [plain(line) for line in source_lines(spec)]
    return embed_size.frame_height(spec.title, plain(spec.summary), sources, f"{credit} {more}", static_svg)


def embed_page(spec: charts.ChartSpec, page_src: str) -> str:
    """A minimal page: the static chart, its source lines and a link to the full page. No scripts."""
    here = f"embed/{spec.id}/index.md"  # link() works from a page path; this one sits at embed/<id>/
    back = link(here, page_src)
    # the theme's assets exist once, at the root: an embed page of another language sits one folder deeper
    favicon = ("../" if i18n.current() != i18n.DEFAULT else "") + link(here, "assets/images/favicon.svg")
    sources = "".join(f'<p class="src">{marked(s)}</p>' for s in source_lines(spec))
    chart = svg.render(
        charts.figure(spec), spec.id, _("Chart: {title}", title=spec.title), data=charts.data_words(spec)
    )
    credit, more = embed_credit()
    page = (
        f'<!doctype html>\n<html lang="{h(i18n.current())}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{EMBED_CSP}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<link rel="icon" href="{h(favicon)}">'
        f"<title>{h(spec.title)} – {h(site_name())}</title><style>{EMBED_CSS}</style></head>\n"
        f"<body><main><h1>{h(spec.title)}</h1><p>{spec.summary_html or marked(spec.summary)}</p>\n{chart}\n{sources}"
        f'<p class="src">{h(credit)} <a href="{h(back)}#{h(spec.id)}" target="_blank" '
        f'rel="noopener">{h(more)}</a></p></main></body></html>\n'
    )
    return direction.html(page, i18n.current())


def files(spec: charts.ChartSpec, page_src: str) -> dict[str, str]:
    """The chart's SVG download and its embed page, by path under docs/. The PNG download is the SVG's
    (png_path): render all of a build's PNGs at once with pngs(), so that they are drawn in parallel."""
    return {svg_path(spec): standalone_svg(spec), embed_path(spec): embed_page(spec, page_src)}


def svg_path(spec: charts.ChartSpec) -> str:
    return f"downloads/charts/{spec.id}.svg"


def png_path(spec: charts.ChartSpec) -> str:
    return f"downloads/charts/{spec.id}.png"


def site_card() -> dict[str, bytes]:
    """The share card of pages without a chart: the site's name and description on a plain card."""
    w, hgt = 600, 315  # 1200 x 630 at 2x, the usual Open Graph size
    name = svg.wrap(site_name(), w - 80, 34, 3)
    text = svg.lines_text(40, 110, name, "start", 34, dy=42).replace("<text ", '<text font-weight="700" ', 1)
    tagline = _("Open data with a source and a verification label on every figure")
    body = (
        f'<rect width="{w}" height="{hgt}" fill="#3f51b5"/><g fill="#ffffff">{text}'
        f"{svg.lines_text(40, 270, [tagline], 'start', 16)}"
        "</g>"
    )
    return {"assets/images/site-card.png": png(svg.svg_root(w, hgt, body, site_name(), cls="card"))}


def page_image(chart_ids: list[str]) -> str:
    """The path (from the site root) of a page's share image: its first chart's PNG, or the site card."""
    return f"downloads/charts/{chart_ids[0]}.png" if chart_ids else "assets/images/site-card.png"
