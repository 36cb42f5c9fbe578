"""Real-browser tests: Debian chromium via Playwright against the built site on 127.0.0.1.

They fail (never skip) when chromium is missing. Each page kind must load without console errors, draw every
chart, stay on 127.0.0.1, and pass axe-core without critical or serious issues."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

from conftest import PAGE_KINDS, PAGES, VALID, build_and_serve

pytestmark = pytest.mark.browser

AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors, pg.requests = [], []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.base = site_url
    yield pg
    context.close()


def draw_all_charts(pg) -> int:
    """Scroll each chart into view (they render lazily, after the reader's first interaction or once the page
    has settled) and wait until each holds an SVG."""
    pg.mouse.wheel(0, 1)
    charts = pg.locator(".chart__plot")
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()
        pg.wait_for_function(
            "el => el.dataset.rendered === 'done' || el.dataset.rendered === 'failed'",
            arg=charts.nth(i).element_handle(),
            timeout=15000,
        )
        assert charts.nth(i).get_attribute("data-rendered") == "done"
        assert charts.nth(i).locator("svg.main-svg").count() >= 1
    return charts.count()


def click_nav(pg, href_end: str, title: str) -> None:
    """Follow a navigation link and wait until the new page is in place."""
    pg.locator(f"nav.md-nav--primary a.md-nav__link[href$='{href_end}']").first.click()
    pg.wait_for_url(f"**/{href_end}")
    pg.locator("article h1", has_text=title).wait_for()


def external(pg) -> list[str]:
    return [u for u in pg.requests if not u.startswith(pg.base) and not u.startswith("data:")]


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_loads_draws_charts_and_stays_local(page, kind):
    page.goto(page.base + PAGES[kind].url, wait_until="load")
    n = draw_all_charts(page)
    if PAGES[kind].charts:
        assert n >= 1
    page.wait_for_timeout(200)
    assert page.errors == []
    assert external(page) == []


def test_charts_draw_without_any_interaction(page):
    """A reader who does not scroll still gets the charts in view, once the page has settled."""
    page.goto(page.base + PAGES["results"].url, wait_until="load")
    first = page.locator(".chart__plot").first
    assert first.get_attribute("data-rendered") is None  # text first: plotly.js is not fetched at once
    page.wait_for_function("el => el.dataset.rendered === 'done'", arg=first.element_handle(), timeout=15000)
    assert first.locator("svg.main-svg").count() >= 1


def test_map_uses_the_sites_own_topojson(page):
    page.goto(page.base + "/", wait_until="load")
    draw_all_charts(page)
    assert any(u.endswith("/assets/vendor/topojson/world_110m.json") for u in page.requests)
    assert page.locator(".chart__plot--map path.choroplethlocation").count() > 40


def test_page_without_charts_loads_no_plotly(page):
    page.goto(page.base + PAGES["about"].url, wait_until="networkidle")
    assert not [u for u in page.requests if "plotly" in u]


def test_charts_render_after_navigation_and_back_forward(page):
    """Each page is a plain page load (Material's instant navigation is off: it slowed first visits), and
    charts are drawn after following a link and after back and forward."""
    page.goto(page.base + "/", wait_until="load")
    page.evaluate("window.__sameDocument = true")
    click_nav(page, "results/", "Results over time")
    assert page.evaluate("window.__sameDocument === undefined"), "navigation should load a new document"
    assert draw_all_charts(page) >= 2
    page.go_back()
    page.wait_for_url(page.base + "/")
    page.locator("article h1", has_text="SPF Flagship results").wait_for()
    assert draw_all_charts(page) >= 1
    page.go_forward()
    page.wait_for_url("**/results/")
    page.locator("article h1", has_text="Results over time").wait_for()
    assert draw_all_charts(page) >= 2
    assert page.errors == []


def test_palette_toggle_rethemes_charts(page):
    page.goto(page.base + PAGES["results"].url, wait_until="load")
    draw_all_charts(page)
    color = "document.querySelector('.chart__plot')._fullLayout.font.color"
    before = page.evaluate(color)
    page.locator(".spf-palette__toggle:visible").click()
    page.wait_for_function(f"() => {color} !== {before!r}", timeout=5000)
    assert page.evaluate(color) != before


SCHEME = "document.body.getAttribute('data-md-color-scheme')"


@pytest.mark.parametrize("system, other", [("light", "dark"), ("dark", "light")])
def test_palette_follows_the_system_until_the_reader_chooses(browser, site_url, system, other):
    """No stored choice: the page starts in the system's scheme and follows it when it changes. A click
    switches scheme, keeps focus on the toggle, survives a reload and a system change, and Material's own
    palette component is not mounted (it restyles the whole page on every load)."""
    schemes = {"light": "default", "dark": "slate"}
    context = browser.new_context(color_scheme=system)
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(site_url + PAGES["about"].url, wait_until="load")
    assert pg.evaluate(SCHEME) == schemes[system]
    assert pg.locator("[data-md-component=palette]").count() == 0
    pg.emulate_media(color_scheme=other)
    pg.wait_for_function(f"() => {SCHEME} === {schemes[other]!r}", timeout=5000)
    pg.emulate_media(color_scheme=system)
    pg.wait_for_function(f"() => {SCHEME} === {schemes[system]!r}", timeout=5000)

    toggle = pg.locator(".spf-palette__toggle:visible")
    assert toggle.count() == 1
    label = toggle.get_attribute("aria-label")
    toggle.click()
    assert pg.evaluate(SCHEME) == schemes[other]
    shown = pg.locator(".spf-palette__toggle:visible")
    assert shown.count() == 1 and shown.get_attribute("aria-label") != label
    assert pg.evaluate("document.activeElement.classList.contains('spf-palette__toggle')")

    # On the next page the scheme is already set when the content is parsed: no flash of the other scheme.
    pg.add_init_script(
        "new MutationObserver((_, obs) => { if (document.querySelector('.md-content')) {"
        " window.schemeAtContent = document.body.getAttribute('data-md-color-scheme'); obs.disconnect(); } })"
        ".observe(document, {childList: true, subtree: true});"
    )
    pg.goto(site_url + PAGES["country"].url, wait_until="load")
    assert pg.evaluate("window.schemeAtContent") == schemes[other]
    assert pg.evaluate(SCHEME) == schemes[other]
    pg.emulate_media(color_scheme=system)
    pg.wait_for_timeout(200)
    assert pg.evaluate(SCHEME) == schemes[other]  # the reader's choice wins over the system
    assert errors == []
    context.close()


@pytest.mark.parametrize("kind", [k.name for k in PAGE_KINDS if k.audited])
def test_axe_finds_no_serious_issues(page, kind):
    page.goto(page.base + PAGES[kind].url, wait_until="load")
    draw_all_charts(page)
    page.evaluate(AXE_JS)  # through DevTools: the site's content-security policy refuses inline script tags
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("critical", "serious")
    ]
    assert bad == [], "\n".join(map(str, bad))


def test_phone_width_has_no_horizontal_scroll(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    pg = context.new_page()
    for path in [k.url for k in PAGE_KINDS if k.phone]:
        pg.goto(site_url + path, wait_until="load")
        draw_all_charts(pg)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, overflow)
        width = pg.evaluate("document.querySelector('.chart__plot .main-svg').getBoundingClientRect().width")
        assert 300 <= width <= 390
    context.close()


@pytest.fixture(scope="module")
def fixture_site_url(tmp_path_factory):
    server, url = build_and_serve(VALID / "datapackage.json", tmp_path_factory.mktemp("fixture-site") / "site")
    yield url
    server.shutdown()


def test_markdown_and_html_characters_show_literally(browser, fixture_site_url):
    pg = browser.new_page()
    pg.goto(fixture_site_url + "/countries/khm/", wait_until="load")
    text = pg.locator("td", has_text="Social Security Law revised").first.inner_text()
    assert "Social Security Law revised: *all* workers <50 & [over] `5` _insured_ # | \\ <b" in text
    assert pg.locator("td em, td code, td strong").filter(has_text="all").count() == 0
    pg.close()
