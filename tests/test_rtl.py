"""Right to left (issue 23): Arabic pages mirror, their mixed-direction text keeps its order, and their charts
keep the same geometry as in every other language (direction.py states the rule).

The browser test opens the Arabic home, a country page and the register at 390 px on the published build (under
its path): the page is mirrored (the menu button and the headings on the right, the register's filters from the
right), nothing pushes it sideways, the static charts show without JavaScript, and a tapped chart becomes
interactive without growing the page 10,000 px wide (plotly.js's measuring box, see site.css)."""

from __future__ import annotations

import pytest

from conftest import PAGES, draw_all_charts, serious_axe_violations
from spf.sitegen import direction, i18n, svg
from spf.sitegen.text import DATA_END, DATA_START, as_data
from test_browser import external, static_charts_visible

ARABIC = "المصدر"
PAGES_390 = {"home": "/", "country": "/countries/jor/", "register": "/institutional-changes/"}


def test_direction_comes_from_cldr():
    assert direction.is_rtl("ar") and direction.dir_of("ar") == "rtl"
    assert [lang for lang in i18n.languages() if direction.is_rtl(lang)] == ["ar"]
    assert not direction.is_rtl("pt") and not direction.is_rtl("no-such-language")


def test_a_chart_line_with_arabic_is_drawn_in_reading_order():
    line = f"{ARABIC}: {DATA_START}ILO World Social Protection Report (2024){DATA_END}"
    drawn = direction.svg_line(line, DATA_START, DATA_END)
    # the line is a right-to-left embedding, the data inside it a left-to-right one (its brackets stay put)
    assert drawn == f"\u202b{ARABIC}: {DATA_START}\u202aILO World Social Protection Report (2024)\u202c{DATA_END}\u202c"
    assert direction.svg_line("2021-2025", DATA_START, DATA_END) == "2021-2025"  # numbers, English: as they are
    with i18n.using("ar"):
        text = svg.lines_text(10, 20, [f"{ARABIC} {as_data('Togo')}"], "start")
    assert "\u202b" in text and '<tspan lang="en">\u202aTogo\u202c</tspan>' in text


def test_plotly_figure_texts_are_in_reading_order():
    fig = {"data": [{"type": "bar", "name": f"{ARABIC} 2024", "x": ["2021", "2024"]}], "layout": {"title": "A"}}
    out = direction.in_reading_order(fig)
    assert out["data"][0]["name"] == f"\u202b{ARABIC} 2024\u202c" and out["data"][0]["x"] == ["2021", "2024"]
    assert direction.in_reading_order({"t": f"{ARABIC}<br>(x)"}) == {"t": f"\u202b{ARABIC}\u202c<br>(x)"}
    assert out["layout"] == {"title": "A"}


def test_a_right_to_left_page_isolates_its_left_to_right_parts():
    page = (
        '<html lang="ar" class="no-js"><body><p>نص <span lang="en">ILO (2024)</span> '
        '<a hreflang="en" href="x">x</a> <a lang="fr" href="y" dir="ltr">Français</a>'
        '<svg><text><tspan lang="en">Togo</tspan></text></svg></p></body></html>'
    )
    out = direction.html(page, "ar")
    assert out.startswith('<html lang="ar" class="no-js" dir="rtl">')
    assert '<span lang="en" dir="ltr">ILO (2024)</span>' in out
    assert '<a hreflang="en" href="x">' in out and out.count('dir="ltr"') == 2  # hreflang is no language mark
    assert '<tspan lang="en">Togo</tspan>' in out  # SVG text: ordered by direction marks, not dir
    french = page.replace('<html lang="ar"', '<html lang="fr"')
    assert direction.html(french, "fr") == french  # nothing in Arabic on it: a left-to-right page is unchanged
    switcher = '<html lang="en"><a href="ar/" hreflang="ar" lang="ar">العربية</a></html>'
    assert direction.html(switcher, "en") == switcher.replace('lang="ar">', 'lang="ar" dir="rtl">')


def mirrored(pg) -> dict:
    """Where things sit on the page: the drawer's menu button, the page heading's text, the page's width."""
    return pg.evaluate(
        """() => {
        const W = document.documentElement.clientWidth;
        const menu = document.querySelector('label.md-header__button[for="__drawer"]').getBoundingClientRect();
        const h1 = document.querySelector('article h1');
        const range = document.createRange(); range.selectNodeContents(h1);
        const text = range.getBoundingClientRect();
        const filter = document.querySelector('.table-filter select, .register-tool select');
        return {W, scroll: document.documentElement.scrollWidth, menu: menu.left + menu.width / 2,
                h1Right: text.right, h1Left: text.left, dir: document.documentElement.dir,
                bodyDir: getComputedStyle(document.body).direction,
                filter: filter ? filter.getBoundingClientRect().right : null};
    }"""
    )


@pytest.mark.browser
@pytest.mark.repo_data
@pytest.mark.parametrize("kind", sorted(PAGES_390))
def test_arabic_pages_mirror_at_390px_and_their_charts_work(browser, site_url, kind):
    path = PAGES_390[kind]
    seen = {}
    for lang in ("ar", "en"):  # English beside it: the same measures read the other way round
        context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
        pg = context.new_page()
        pg.errors, pg.requests, pg.base = [], [], site_url  # as conftest's `page` records them (external())
        pg.on("console", lambda m, pg=pg: pg.errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e, pg=pg: pg.errors.append(str(e)))
        pg.on("request", lambda r, pg=pg: pg.requests.append(r.url))
        pg.goto(site_url + ("/ar" if lang == "ar" else "") + path, wait_until="load")
        seen[lang] = mirrored(pg)
        if lang == "ar":
            plots = pg.locator(".chart__plot")
            if plots.count():
                plot = plots.first
                plot.scroll_into_view_if_needed()
                plot.tap()
                pg.wait_for_function("el => el.dataset.rendered === 'done'", arg=plot.element_handle(), timeout=15000)
                assert plot.locator(".chart__live svg.main-svg").count() >= 1
                after = pg.evaluate("document.documentElement.scrollWidth")
                assert after <= seen["ar"]["W"], f"the interactive chart made the page {after} px wide"
            assert pg.errors == []
            assert external(pg) == []
            # the English data text inside the page is isolated left to right
            marks = pg.evaluate(
                "[...document.querySelectorAll('article [lang=en]')].filter(e => !(e instanceof SVGElement))"
                ".map(e => e.dir)"
            )
            assert marks and set(marks) == {"ltr"}
        context.close()
    ar, en = seen["ar"], seen["en"]
    assert (ar["dir"], ar["bodyDir"], en["dir"]) == ("rtl", "rtl", "")
    assert ar["scroll"] <= ar["W"] and en["scroll"] <= en["W"]  # nothing pushes the page sideways
    assert ar["menu"] > ar["W"] / 2 > en["menu"]  # the menu button moves to the right
    assert ar["h1Right"] > ar["W"] - 40 and en["h1Left"] < 40  # headings start on the right
    if kind == "register":
        assert ar["filter"] is not None and en["filter"] is not None
        assert ar["filter"] > ar["W"] / 2 > en["filter"] - 150  # the filters line up from the right

    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(site_url + "/ar" + path, wait_until="load")
    if kind != "register":
        assert static_charts_visible(pg) >= 1
    context.close()


@pytest.mark.browser
@pytest.mark.repo_data
def test_arabic_search_finds_arabic_pages(page):
    """Search on /ar/ loads the Arabic index and lunr's Arabic pipeline and finds pages by their Arabic words:
    الأردن (Jordan) finds the page of Jordan. What it does not do (README, "Languages"): Material matches a
    typed word as the start of a word, and lunr does not stem such a query, so a word with an attached prefix
    (بالأردن, 'in Jordan') or without its article finds nothing."""
    page.goto(page.base + "/ar/results/", wait_until="load")
    page.locator("input.md-search__input").focus()
    page.keyboard.type("الأردن")
    page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=15000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert any(h.split("?")[0].endswith("/ar/countries/jor/") for h in hrefs), hrefs[:5]
    assert all("/ar/" in h for h in hrefs)
    assert [u for u in page.requests if u.endswith("/ar/search/search_index.json")]
    assert [u for u in page.requests if u.endswith("lunr.ar.min.js")]
    assert page.errors == []


@pytest.mark.browser
@pytest.mark.repo_data
@pytest.mark.parametrize("kind", sorted(set(PAGES) - {"home", "results", "country"}))
def test_every_other_arabic_page_kind_passes_axe_without_errors(page, kind):
    """The kinds test_i18n_site.py does not audit in every language, in Arabic: right to left is where a
    theme's layout and contrast are least tried."""
    page.goto(f"{page.base}/ar{PAGES[kind].url}", wait_until="load")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    draw_all_charts(page)
    page.wait_for_timeout(200)
    assert page.errors == []
    assert external(page) == []
    bad = serious_axe_violations(page)
    assert bad == [], "\n".join(map(str, bad))
