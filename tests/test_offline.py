"""The offline copy (issue 21, item 6): the whole site as one zip that works when opened from disk in chromium,
its pages, charts and downloads in every language; deterministic and reused when nothing changed."""

from __future__ import annotations

import zipfile

import pytest

from spf.sitegen import offline

pytestmark = pytest.mark.repo_data  # these read the site built from the repository's package

# What a browser refuses from file:// whatever the site does (the theme's lookups of the sitemap for the language
# switcher), and the theme's search index for disk (search/search_index.js), which the copy leaves out: search
# could only run from disk with a third-party worker shim. Everything else must work.
REFUSED_ON_DISK = ("has been blocked by CORS policy", "net::ERR_FAILED")


@pytest.fixture(scope="module")
def unpacked(built_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / offline.PATH) as zf:
        assert all(not n.startswith("/") and ".." not in n.split("/") for n in zf.namelist())
        zf.extractall(folder)
    return folder


def test_the_copy_holds_every_page_and_data_file_but_chart_pngs(built_site, unpacked):
    pages = {p.relative_to(built_site) for p in built_site.rglob("index.html")}
    assert pages and pages == {p.relative_to(unpacked) for p in unpacked.rglob("index.html")}
    for folder in ("downloads/latest", "api/v1/countries", "downloads/charts", "fr/downloads/charts"):
        names = {p.name for p in (built_site / folder).iterdir() if p.suffix != ".png"}
        assert names and names == {p.name for p in (unpacked / folder).iterdir()}, folder


def test_each_page_of_the_copy_is_the_published_page(built_site, unpacked):
    """The copy is made from the finished site: each page is the published one with only its folder links
    rewritten (a copy made before the translated pages were pointed at their own search index searched the
    wrong language)."""
    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("index.html"))
    differ = [
        str(page)
        for page in pages
        if offline.rewrite((built_site / page).read_text(encoding="utf-8"))
        != (unpacked / page).read_text(encoding="utf-8")
    ]
    assert len(pages) > 400 and not differ, differ[:5]


def test_links_to_folders_open_their_index_from_disk():
    page = '<a href="../results/">R</a><a href="./">H</a><a href="..#x">U</a><a href="https://x.org/a/">X</a>'
    assert offline.rewrite(page) == (
        '<a href="../results/index.html">R</a><a href="index.html">H</a><a href="../index.html#x">U</a>'
        '<a href="https://x.org/a/">X</a>'
    )


@pytest.mark.browser
def test_the_copy_works_from_disk_in_chromium(browser, unpacked):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    failed = []
    pg.on("requestfailed", lambda r: failed.append(r.url))
    pg.goto((unpacked / "index.html").as_uri())
    assert pg.locator("figure.chart svg").count() >= 1  # drawn at build time: shows at once
    pg.locator("nav a[href$='results/index.html']").first.click()
    pg.wait_for_load_state()
    assert pg.url == (unpacked / "results/index.html").as_uri()
    plot = pg.locator(".chart__plot").first
    plot.click(position={"x": 5, "y": 5})  # plotly.js loads from the copy itself
    pg.wait_for_function("el => ['done', 'failed'].includes(el.dataset.rendered)", arg=plot.element_handle())
    assert plot.get_attribute("data-rendered") == "done"
    pg.goto((unpacked / "fr/data/index.html").as_uri())
    assert pg.locator("html").get_attribute("lang") == "fr"
    hrefs = pg.eval_on_selector_all("a[href*='downloads/'], a[href*='api/']", "els => els.map(a => a.href)")
    assert len(hrefs) >= 8  # the package files, the catalogue, SHA256SUMS, the API and the offline copy
    for href in [h for h in hrefs if not h.endswith(offline.PATH)]:  # the copy cannot hold itself
        assert href.startswith(unpacked.as_uri() + "/"), href
        assert (unpacked / href.removeprefix(unpacked.as_uri() + "/").split("#")[0]).is_file(), href
    context.close()
    unexpected = [e for e in errors if not any(r in e for r in REFUSED_ON_DISK)]
    search = [e for e in unexpected if e.startswith("Invalid script: ") and e.endswith("/search/search_index.js")]
    assert [e for e in unexpected if e not in search] == ["Failed to load resource: net::ERR_FILE_NOT_FOUND"] * len(
        search
    )
    assert [u for u in failed if not u.endswith(("/sitemap.xml", "/search/search_index.js"))] == []


def test_the_copy_is_deterministic_and_reused(built_site, tmp_path):
    files = offline.members(built_site)
    assert offline.make_zip(built_site, files, "2026-12-01") == offline.make_zip(built_site, files, "2026-12-01")
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a/index.html").write_text('<a href="../">up</a>', encoding="utf-8")
    cache = tmp_path / "cache"
    offline.write(site, "2026-12-01", cache)
    with zipfile.ZipFile(site / offline.PATH) as zf:
        assert zf.read("a/index.html") == b'<a href="../index.html">up</a>'
    (entry,) = cache.iterdir()
    entry.write_bytes(b"cached")  # a build with the same content takes the cached copy
    assert offline.write(site, "2026-12-01", cache).read_bytes() == b"cached"
    (site / "a/index.html").write_text('<a href="../../">up</a>', encoding="utf-8")
    assert offline.write(site, "2026-12-01", cache).read_bytes()[:2] == b"PK"  # changed content: made anew
    assert len(list(cache.iterdir())) == 1
