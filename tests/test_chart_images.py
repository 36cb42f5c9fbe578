"""Static chart images: the inline SVG drawn from the Plotly figure, the SVG/PNG downloads, embed pages and
share images. Synthetic specs where a property is checked; the fixture package for the whole site."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET

import pytest

from conftest import VALID
from spf.sitegen import chart_files, charts, svg
from spf.sitegen.charts import TARGET_COLOR, ChartSpec
from spf.sitegen.components import Column
from spf.sitegen.generate import PAGE_MODULES
from spf.sitegen.package import Package

COLUMNS = [Column("x", "X"), Column("y", "Y", True), Column("verification", "Label"), Column("source_id", "Source")]


def bar_spec(**kw) -> ChartSpec:
    data = [
        {"x": "2021", "y": 30, "verification": "verified", "source_title": "Report A"},
        {"x": "2022", "y": 50, "verification": "unverified", "source_title": "Blog <B> & co"},
        {"x": "2023", "y": 55, "verification": "reported", "source_title": "Report A"},
    ]
    args = dict(id="demo", title="People reached", kind="bar", data=data, x="x", y="y", unit="people")
    args.update(summary="It rose.", columns=COLUMNS, targets=[{"value": 60, "label": "Target 60"}])
    args.update(kw)
    return ChartSpec(**args)


def parse(text: str) -> ET.Element:
    return ET.fromstring(text)  # well-formed XML, or this raises


NS = "{http://www.w3.org/2000/svg}"


def test_bars_hatch_exactly_the_figures_that_are_not_verified():
    root = parse(svg.render(charts.figure(bar_spec()), "demo", "label"))
    bars = [r for r in root.iter(NS + "rect") if r.get("height") and r.get("stroke")]
    hatched = [r for r in bars if r.get("fill", "").startswith("url(#")]
    assert len(bars) == 3 and len(hatched) == 2  # unverified and reported
    ids = {p.get("id") for p in root.iter(NS + "pattern")}
    assert {r.get("fill")[5:-1] for r in hatched} <= ids


def test_bar_heights_follow_the_values_and_labels_say_the_label():
    root = parse(svg.render(charts.figure(bar_spec()), "demo", "label"))
    bars = [r for r in root.iter(NS + "rect") if r.get("height") and r.get("stroke")]
    heights = [float(r.get("height")) for r in bars]
    assert heights == sorted(heights) and heights[0] / heights[1] == pytest.approx(30 / 50, rel=0.02)
    text = "".join(root.itertext())
    assert "(unverified)" in text and "(reported)" in text and "Target 60" in text


def test_target_line_is_drawn_dashed_in_the_target_colour():
    root = parse(svg.render(charts.figure(bar_spec()), "demo", "label"))
    lines = [p for p in root.iter(NS + "polyline") if p.get("stroke") == TARGET_COLOR]
    assert len(lines) == 1 and lines[0].get("stroke-dasharray")


def test_line_chart_and_single_points():
    data = [{"x": 2015 + i, "y": v, "s": "A", "verification": "reported"} for i, v in enumerate([10, 20, 30])]
    data.append({"x": 2020, "y": 40, "s": "B", "verification": "reported"})
    spec = bar_spec(kind="line", data=data, series="s", unit="percent", targets=[])
    root = parse(svg.render(charts.figure(spec), "l", "label"))
    assert len(list(root.iter(NS + "polyline"))) == 1  # B has one point: a marker, no line
    text = "".join(root.itertext())
    assert "100 %" in text and "2015" in text and "A" in text and "B" in text


def test_rendering_is_deterministic_and_escapes_data_text():
    spec = bar_spec(data=[{"x": "<b>&", "y": 1, "verification": "verified"}], targets=[])
    a = svg.render(charts.figure(spec), "demo", 'a "label"')
    assert a == svg.render(charts.figure(spec), "demo", 'a "label"')
    assert "<b>" not in a and "&lt;b&gt;&amp;" in a
    parse(a)


@pytest.fixture(scope="module")
def fixture_specs():
    pkg = Package.load(VALID / "datapackage.json")
    return [(page.src, spec) for module in PAGE_MODULES for page in module.build(pkg) for spec in page.charts]


@pytest.mark.repo_data
def test_every_fixture_chart_draws_a_well_formed_svg(fixture_specs):
    kinds = set()
    for _, spec in fixture_specs:
        root = parse(svg.render(charts.figure(spec), spec.id, spec.title))
        width, height = (float(v) for v in root.get("viewBox").split()[2:])
        assert width >= 250 and height >= 140, spec.id
        kinds.add(spec.kind)
    assert kinds == {"bar", "line", "map"}


def test_map_colours_each_country_of_the_data(fixture_specs):
    spec = next(s for _, s in fixture_specs if s.kind == "map")
    fig = charts.figure(spec)
    root = parse(svg.render(fig, spec.id, spec.title))
    groups = {g.get("class"): g for g in root.iter(NS + "g")}
    coloured = list(groups["spfc-border"].iter(NS + "path"))
    assert len(coloured) == len({r[spec.x] for r in spec.data})
    assert all(p.get("fill", "").startswith("#") for p in coloured)
    (land,) = groups["spfc-land"].iter(NS + "path")  # the rest of the world, as one path
    assert land.get("d").count("M") > 100


def test_download_svg_carries_title_sources_labels_licence_and_site_name():
    spec = bar_spec()
    text = chart_files.standalone_svg(spec)
    words = " ".join(parse(text).itertext())
    for expected in ("People reached", "It rose.", "Source: Report A (verified)", "Source: Blog <B> & co (unverified)"):
        assert expected in words
    assert "CC BY 4.0" in words and chart_files.site_name() in words and chart_files.site_name()


def test_download_png_is_at_least_1200_px_wide_and_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("SPF_CHART_CACHE", str(tmp_path))
    text = chart_files.standalone_svg(bar_spec())
    data = chart_files.png(text)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 1200 and height > 300
    assert len(list(tmp_path.glob("*.png"))) == 1
    assert chart_files.png(text) == data  # from the cache, byte-identical


def test_pngs_render_only_new_svgs_in_parallel_workers_in_order(tmp_path, monkeypatch):
    """A cold build renders its PNGs in forked workers beside this process; the next build renders only the
    charts whose SVG changed. Same bytes, in the same order, as rendering one by one."""
    monkeypatch.setenv("SPF_CHART_CACHE", str(tmp_path))
    monkeypatch.setattr(chart_files.os, "cpu_count", lambda: 2)
    workers, rendered = [], []
    real_forked, real_render = chart_files.Forked, chart_files._render

    def forked(*args, **kw):
        job = real_forked(*args, **kw)
        workers.append(job._process.pid)
        return job

    def render(svgs):
        rendered.extend(svgs)
        return real_render(svgs)

    monkeypatch.setattr(chart_files, "Forked", forked)
    svgs = {f"c{i}.png": chart_files.standalone_svg(bar_spec(title=f"People reached {i}")) for i in range(10)}
    first = chart_files.pngs(svgs)
    assert list(first) == list(svgs) and len(set(first.values())) == 10
    assert all(first[path] == real_render([text])[0] for path, text in svgs.items())
    assert len(workers) == 1 and workers[0] != chart_files.os.getpid()  # a second process on two cores
    assert len(list(tmp_path.glob("*.png"))) == 10
    monkeypatch.setattr(chart_files, "_render", render)
    svgs["c3.png"] = chart_files.standalone_svg(bar_spec(title="People reached, corrected"))
    second = chart_files.pngs(svgs)
    assert rendered == [svgs["c3.png"]] and len(workers) == 1  # one changed chart: rendered here, no worker
    assert {p: d for p, d in second.items() if p != "c3.png"} == {p: d for p, d in first.items() if p != "c3.png"}


def test_embed_page_is_minimal_and_local():
    page = chart_files.embed_page(bar_spec(), "results.md")
    assert "<script" not in page and re.findall(r"<link[^>]*>", page) == [
        '<link rel="icon" href="../../assets/images/favicon.svg">'
    ]
    assert not re.search(r'(?:src|href)="https?://', page)
    assert 'href="../../results/#demo"' in page
    assert "Source: Report A (verified)" in page and "CC BY 4.0" in page


def test_block_follows_the_markup_contract():
    html = charts.block(bar_spec(), "countries/tgo.md")
    assert html.startswith('<figure class="chart chart--bar" id="demo"')
    assert re.search(r"<figcaption[^>]*>.*People reached.*</figcaption>", html)
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg"' in html
    for href in ("demo.csv", "demo.svg", "demo.png"):
        assert f'href="../../downloads/charts/{href}"' in html
    assert 'href="../../embed/demo/"' in html and "&lt;iframe" in html


def test_generated_files_include_downloads_embeds_and_share_images():
    from spf.sitegen.generate import generate

    files = generate(VALID / "datapackage.json")
    ids = [
        p.removeprefix("downloads/charts/").removesuffix(".csv") for p in files if p.endswith(".csv") and "charts/" in p
    ]
    assert ids
    for chart_id in ids:
        assert isinstance(files[f"downloads/charts/{chart_id}.png"], bytes)
        assert "CC BY 4.0" in files[f"downloads/charts/{chart_id}.svg"]
        assert f"embed/{chart_id}/index.html" in files
    assert isinstance(files["assets/images/site-card.png"], bytes)
    assert "image: downloads/charts/coverage-tgo.png" in files["countries/tgo.md"]
    assert "image: assets/images/site-card.png" in files["about-the-data.md"]
    again = generate(VALID / "datapackage.json")
    assert all(again[k] == v for k, v in files.items() if k.endswith((".svg", ".png")))


def test_home_starts_with_progress_bars_that_carry_label_and_source():
    from spf.sitegen.pages import home

    pkg = Package.load(VALID / "datapackage.json")
    page = home.build(pkg)[0].markdown()
    body = page.split("\n# ", 1)[1]
    assert body.index('<figure class="progress"') < body.index("The Global Flagship Programme")
    figure = body[body.index('<figure class="progress"') : body.index("</figure>")]
    rows = figure.split('<div class="progress__row">')[1:]
    assert rows
    bars = 0
    for row in rows:
        assert 'class="vlabel vlabel-' in row and 'href="https://' in row, row
        if "<svg" in row:
            bars += 1
            label = re.search(r'aria-label="([^"]+)"', row).group(1)
            assert "of a target of" in label
            parse(row[row.index("<svg") : row.index("</svg>") + 6])
    assert bars >= 1


PLANTED = "A planted source title " + "x" * 32_000  # 32,023 characters: minutes of text layout for resvg


def test_a_planted_32000_character_text_reaches_the_png_renderer_cut(monkeypatch):
    """Every text the PNG renderer is handed (title, summary, axis labels, legend, source lines) is cut to
    svg.DRAWN_MAX characters with "…" before it is laid out: what resvg receives is bounded, whatever the data."""
    seen: list[str] = []
    real = chart_files.resvg_py.svg_to_bytes

    def spy(svg_string, **kw):
        seen.append(svg_string)
        assert len(svg_string) < 40_000, f"{len(svg_string):,} characters of SVG reached the renderer"  # not minutes
        return real(svg_string=svg_string, **kw)

    monkeypatch.setattr(chart_files.resvg_py, "svg_to_bytes", spy)
    monkeypatch.setenv("SPF_CHART_CACHE", "")  # no cache: render
    data = [dict(row, source_title=PLANTED) for row in bar_spec().data]
    data[0]["x"] = PLANTED  # an axis label
    spec = bar_spec(title=PLANTED, summary=PLANTED, data=data, targets=[{"value": 60, "label": PLANTED}])
    png = chart_files.pngs({"demo.png": chart_files.standalone_svg(spec)})["demo.png"]
    assert png.startswith(b"\x89PNG")
    (drawn,) = seen
    texts = [el.text or "" for el in parse(drawn).iter() if el.tag in (NS + "text", NS + "tspan")]
    assert max(len(t) for t in texts) == svg.DRAWN_MAX, max(len(t) for t in texts)
    assert "Source: A planted source title" in texts and "x" * (svg.DRAWN_MAX - 1) + "…" in texts
    assert sum(map(len, texts)) < 20 * svg.DRAWN_MAX  # 5 planted texts of 32,023 characters each, as drawn
