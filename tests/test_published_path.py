"""The site where it lives: deploy.yml publishes a GitHub project site, whose address has a path
(https://OWNER.github.io/REPO/). The session's site (conftest.served_site) is built with such an address and
served under that path, with the host's 404 page for any missing address, so every test of the served site
runs as published. Here: every page kind in every language loads with no failed request and no console error;
nothing is fetched before the reader asks (no sitemap, no search index, no search worker); the language
selector leads to the page's twin; 404 pages work at any address; search engines get absolute alternates
with x-default and per-language sitemaps that validate against the sitemaps.org schema."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from conftest import PAGE_KINDS, PUBLISHED_PATH, ROOT
from spf import linkcheck
from spf.sitegen import i18n, theme_patch

LANGS = i18n.languages()
SITEMAP_XSD = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "schemas" / "sitemap.xsd")))
NOT_BEFORE_ASKED = ("sitemap.xml", "search_index.json", "/workers/search.")


def prefix(lang: str) -> str:
    return "" if lang == i18n.DEFAULT else f"{lang}/"


def watch(pg) -> dict:
    """Every request of the page, the failed ones (no answer, or a status of 400 or more) and console errors."""
    seen = {"requests": [], "failed": [], "errors": []}
    pg.on("request", lambda r: seen["requests"].append(r.url))
    # a request cut short because the page navigated on (the favicon, say) is not a failure
    pg.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "") else seen["failed"].append(r.url))
    pg.on("response", lambda r: seen["failed"].append(f"{r.url} ({r.status})") if r.status >= 400 else None)
    pg.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return seen


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_the_session_site_is_published_under_a_path(site_url):
    assert urlsplit(site_url).path + "/" == PUBLISHED_PATH != "/"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_kind_loads_under_the_path_and_fetches_nothing_unasked(phone, site_url, lang):
    seen = watch(phone)
    for kind in PAGE_KINDS:
        url = f"{site_url}/{prefix(lang)}{kind.url.lstrip('/')}"
        response = phone.goto(url, wait_until="networkidle")
        assert response.status == 200, url
        assert phone.locator(f'html[lang="{lang}"]').count() == 1, url
    assert seen["failed"] == []
    assert seen["errors"] == []
    assert all(r.startswith(site_url + "/") or r.startswith("data:") for r in seen["requests"])
    assert [r for r in seen["requests"] if any(part in r for part in NOT_BEFORE_ASKED)] == []


@pytest.mark.browser
def test_the_language_selector_leads_to_the_twin_page(phone, site_url):
    seen = watch(phone)
    phone.goto(f"{site_url}/fr/countries/tgo/", wait_until="networkidle")
    for lang, path in (("es", "es/countries/tgo/"), ("en", "countries/tgo/"), ("fr", "fr/countries/tgo/")):
        with phone.expect_navigation():
            phone.locator(f'a.md-select__link[hreflang="{lang}"]').dispatch_event("click")
        assert phone.url == f"{site_url}/{path}"
    phone.goto(f"{site_url}/es/", wait_until="networkidle")
    with phone.expect_navigation():
        phone.locator('a.md-select__link[hreflang="fr"]').dispatch_event("click")
    assert phone.url == f"{site_url}/fr/"
    assert seen["failed"] == [] and seen["errors"] == []
    assert [r for r in seen["requests"] if "sitemap.xml" in r] == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_search_loads_its_index_when_opened_and_finds_pages(browser, site_url, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    seen = watch(pg)
    pg.goto(f"{site_url}/{prefix(lang)}about-the-data/", wait_until="networkidle")
    assert [r for r in seen["requests"] if "search" in r] == []
    pg.locator("input.md-search__input").click()  # on a phone, the header's search button opens the same form
    pg.locator("input.md-search__input").fill("Togo")
    pg.locator(".md-search-result__item").first.wait_for(timeout=15000)
    first = pg.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.startswith(f"{site_url}/{prefix(lang)}")
    assert f"{site_url}/{prefix(lang)}search/search_index.json" in seen["requests"]
    assert any("/assets/javascripts/workers/search." in r for r in seen["requests"])
    assert seen["failed"] == [] and seen["errors"] == []
    context.close()


@pytest.mark.browser
def test_404_pages_work_at_any_address(phone, site_url):
    seen = watch(phone)
    for address in (f"{site_url}/no-such-page/", f"{site_url}/fr/countries/xyz/", f"{site_url}/a/b/c/d"):
        response = phone.goto(address, wait_until="networkidle")
        assert response.status == 404
        assert phone.locator('html[lang="en"] h1').count() == 1
        assert phone.locator("link[rel=stylesheet]").count() >= 1
    for lang in LANGS:
        phone.goto(f"{site_url}/{prefix(lang)}404.html", wait_until="networkidle")
        assert phone.locator(f'html[lang="{lang}"]').count() == 1
        home = phone.locator(f'a.md-select__link[hreflang="{lang}"]').get_attribute("href")
        assert home == f"{PUBLISHED_PATH}{prefix(lang)}"
    # the only failures: the three missing addresses themselves (status 404 and its console line)
    assert [f.split(" (")[0] for f in seen["failed"]] == [
        f"{site_url}/no-such-page/",
        f"{site_url}/fr/countries/xyz/",
        f"{site_url}/a/b/c/d",
    ]
    assert len(seen["errors"]) == 3 and all("404 (Not Found)" in e for e in seen["errors"])


def test_alternates_are_absolute_with_x_default(built_site, site_url):
    for lang in LANGS:
        for path in ("", "results/", "countries/tgo/", "data/coverage/"):
            html = (built_site / prefix(lang) / path / "index.html").read_text(encoding="utf-8")
            assert f'<link rel="canonical" href="{site_url}/{prefix(lang)}{path}">' in html
            for other in LANGS:
                assert f'<link rel="alternate" href="{site_url}/{prefix(other)}{path}" hreflang="{other}">' in html
            assert f'<link rel="alternate" href="{site_url}/{path}" hreflang="x-default">' in html


def test_sitemaps_per_language_validate_and_robots_names_them(built_site, site_url):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    pages = {lang: sorted(p.parent for p in (built_site / prefix(lang)).rglob("index.html")) for lang in LANGS}
    for lang in LANGS:
        path = built_site / prefix(lang) / "sitemap.xml"
        assert f"Sitemap: {site_url}/{prefix(lang)}sitemap.xml" in robots
        tree = etree.parse(str(path))
        SITEMAP_XSD.assertValid(tree)
        locs = [e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        assert len(locs) == len(set(locs)) > 50
        for loc in locs:
            assert loc.startswith(f"{site_url}/{prefix(lang)}")
            assert (built_site / loc[len(site_url) + 1 :] / "index.html").is_file(), loc
        assert f"{site_url}/{prefix(lang)}countries/tgo/" in locs
        others = [p for other in LANGS if other != lang for p in [built_site / prefix(other)] if prefix(other)]
        own = [p for p in pages[lang] if not any(p.is_relative_to(o) for o in others) and "embed" not in p.parts]
        assert len(locs) == len(own)
    assert not (built_site / "sitemap.xml.gz").exists()


def test_the_schema_check_fails_on_a_broken_sitemap():
    broken = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>x</lastmod></url></urlset>'
    )
    assert not SITEMAP_XSD.validate(broken)


def test_the_link_check_resolves_root_relative_links_against_the_published_path(tmp_path: Path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "index.html").write_text('<a href="/REPO/fr/">fr</a> <a href="/REPO/">home</a>', encoding="utf-8")
    (tmp_path / "fr" / "index.html").write_text('<a href="/fr/">wrong</a> <a href="/REPOX/">x</a>', encoding="utf-8")
    problems, internal, _ = linkcheck.check(tmp_path, linkcheck.base_path("https://example.org/REPO/"))
    assert internal == 4
    assert problems == ["fr/index.html: /fr/ points outside the site", "fr/index.html: /REPOX/ points outside the site"]
    problems, _, _ = linkcheck.check(tmp_path, "/")
    assert "index.html: /REPO/fr/ does not exist" in problems


def test_a_changed_theme_bundle_fails_the_build_loudly(tmp_path):
    """Each patch of Material's bundle must match once: a theme update that changes it stops the build with the
    patches to redo, instead of shipping a bundle that fetches sitemaps and the search index on every load."""
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "bundle.0.min.js").write_text('"use strict";(()=>{})();', encoding="utf-8")
    with pytest.raises(theme_patch.ThemePatchError) as error:
        theme_patch.patch_site(tmp_path)
    assert "no sitemap lookups" in str(error.value) and "search index" in str(error.value)


def test_the_published_bundle_is_patched(built_site):
    (bundle,) = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert text.count(theme_patch.MARK) == 1 and "__spfSearch.lazy(" in text and "new __SpfLazyWorker(" in text
