"""Real-browser tests: Debian chromium via Playwright against the built site on 127.0.0.1.

They fail (never skip) when chromium is missing. Each page kind must load without console errors, show every
chart at first paint as a static SVG (JavaScript on or off), load plotly.js only when the reader reaches for
a chart, stay on 127.0.0.1, and pass axe-core without critical or serious issues."""

from __future__ import annotations

import pytest

from conftest import PAGE_KINDS, PAGES, VALID, build_and_serve, draw_all_charts, serious_axe_violations

pytestmark = pytest.mark.browser


STATIC_CHART_PAGES = ["/", "/results/", "/countries/tgo/"]


def static_charts_visible(pg) -> int:
    """Every figure.chart shows its static image, at least 250 x 140 px, inside the figure."""
    figures = pg.locator("figure.chart")
    for i in range(figures.count()):
        fig = figures.nth(i)
        image = fig.locator("svg.chart__svg, img.chart__img").first
        box, outer = image.bounding_box(), fig.bounding_box()
        assert image.is_visible() and box["width"] >= 250 and box["height"] >= 140, (pg.url, i, box)
        assert outer["x"] <= box["x"] and box["x"] + box["width"] <= outer["x"] + outer["width"] + 0.5
        assert fig.locator("figcaption").inner_text().strip()
    return figures.count()


@pytest.mark.parametrize("path", STATIC_CHART_PAGES)
@pytest.mark.repo_data
def test_charts_show_without_javascript(browser, site_url, path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(site_url + path, wait_until="load")
    assert static_charts_visible(pg) >= 1
    context.close()


@pytest.mark.repo_data
def test_no_plotly_without_interaction_and_a_click_makes_the_chart_interactive(page):
    page.goto(page.base + "/results/", wait_until="load")
    assert static_charts_visible(page) >= 2
    page.wait_for_timeout(7000)
    assert not [u for u in page.requests if "plotly" in u]
    plot = page.locator(".chart__plot").first
    assert plot.get_attribute("data-rendered") is None
    plot.scroll_into_view_if_needed()  # the click would scroll a chart that ends below the window
    before = plot.bounding_box()
    plot.click()
    page.wait_for_function("el => el.dataset.rendered === 'done'", arg=plot.element_handle(), timeout=15000)
    assert plot.locator(".chart__live svg.main-svg").count() >= 1
    assert plot.bounding_box() == before  # drawn in place: no layout shift
    assert [u for u in page.requests if "plotly-basic" in u]
    assert page.errors == []


@pytest.mark.repo_data
def test_explore_button_makes_the_chart_interactive(page):
    page.goto(page.base + "/countries/tgo/", wait_until="load")
    plot = page.locator(".chart__plot").first
    button = page.locator("figure.chart").first.locator(".chart__explore")
    button.focus()
    button.press("Enter")
    page.wait_for_function("el => el.dataset.rendered === 'done'", arg=plot.element_handle(), timeout=15000)
    assert plot.locator(".chart__live svg.main-svg").count() >= 1


@pytest.mark.repo_data
def test_embed_snippet_has_an_absolute_address(page):
    page.goto(page.base + "/results/", wait_until="load")
    snippet = page.locator("textarea[data-embed]").first.input_value()
    assert f'src="{page.base}/embed/' in snippet


def click_nav(pg, href_end: str, title: str) -> None:
    """Follow a navigation link and wait until the new page is in place."""
    pg.locator(f"nav.md-nav--primary a.md-nav__link[href$='{href_end}']").first.click()
    pg.wait_for_url(f"**/{href_end}")
    pg.locator("article h1", has_text=title).wait_for()


def external(pg) -> list[str]:
    return [u for u in pg.requests if not u.startswith(pg.base) and not u.startswith("data:")]


@pytest.mark.parametrize("kind", sorted(PAGES))
@pytest.mark.repo_data
def test_page_loads_draws_charts_and_stays_local(page, kind):
    page.goto(page.base + PAGES[kind].url, wait_until="load")
    n = draw_all_charts(page)
    if PAGES[kind].charts:
        assert n >= 1
    if kind == "embed":
        assert page.locator("svg.chart__svg").count() == 1 and page.locator("script").count() == 0
    page.wait_for_timeout(200)
    assert page.errors == []
    assert external(page) == []


@pytest.mark.repo_data
def test_map_uses_the_sites_own_topojson(page):
    page.goto(page.base + "/", wait_until="load")
    draw_all_charts(page)
    assert any(u.endswith("/assets/vendor/topojson/world_110m.json") for u in page.requests)
    assert page.locator(".chart__plot--map path.choroplethlocation").count() > 40


@pytest.mark.repo_data
def test_page_without_charts_loads_no_plotly(page):
    page.goto(page.base + PAGES["about"].url, wait_until="networkidle")
    page.mouse.move(200, 300)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(300)
    assert not [u for u in page.requests if "plotly" in u]


@pytest.mark.repo_data
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


@pytest.mark.repo_data
def test_palette_toggle_rethemes_charts(page):
    page.goto(page.base + PAGES["results"].url, wait_until="load")
    draw_all_charts(page)
    color = "document.querySelector('.chart__live')._fullLayout.font.color"
    before = page.evaluate(color)
    page.locator(".spf-palette__toggle:visible").click()
    page.wait_for_function(f"() => {color} !== {before!r}", timeout=5000)
    assert page.evaluate(color) != before


SCHEME = "document.body.getAttribute('data-md-color-scheme')"


@pytest.mark.parametrize("system, other", [("light", "dark"), ("dark", "light")])
@pytest.mark.repo_data
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
@pytest.mark.repo_data
def test_axe_finds_no_serious_issues(page, kind):
    page.goto(page.base + PAGES[kind].url, wait_until="load")
    draw_all_charts(page)
    bad = serious_axe_violations(page)
    assert bad == [], "\n".join(map(str, bad))


@pytest.mark.repo_data
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
        static = pg.evaluate("document.querySelector('.chart__svg').getBoundingClientRect().width")
        assert 300 <= static <= 390
    context.close()


@pytest.fixture(scope="module")
def fixture_site_url(tmp_path_factory):
    server, url = build_and_serve(VALID / "datapackage.json", tmp_path_factory.mktemp("fixture-site") / "site")
    yield url
    server.shutdown()


@pytest.mark.repo_data
def test_every_embed_page_is_local_and_links_back(page):
    page.goto(page.base + "/results/", wait_until="load")
    ids = page.eval_on_selector_all("figure.chart", "els => els.map(e => e.id)")
    for chart_id in ids:
        page.goto(page.base + f"/embed/{chart_id}/", wait_until="load")
        assert page.locator("svg.chart__svg").is_visible()
        assert page.locator(f"a[href$='#{chart_id}']").count() == 1
    assert external(page) == [] and page.errors == []


def test_markdown_and_html_characters_show_literally(browser, fixture_site_url):
    pg = browser.new_page()
    pg.goto(fixture_site_url + "/countries/khm/", wait_until="load")
    text = pg.locator("td", has_text="Social Security Law revised").first.inner_text()
    assert "Social Security Law revised: *all* workers <50 & [over] `5` _insured_ # | \\ <b" in text
    assert pg.locator("td em, td code, td strong").filter(has_text="all").count() == 0
    pg.close()
