"""What a reader sees first (issue 20): a country page opens with what is known, on a phone's first screen in
every language; an embed carries its whole chart, sources and licence inside the frame its snippet gives.

Both are measured in Debian chromium on the built site of the real package.
"""

from __future__ import annotations

import html
import re

import pytest

from conftest import PAGES
from spf.sitegen import i18n

pytestmark = pytest.mark.repo_data  # these read the site built from the repository's package

LANGS = i18n.languages()  # en, es, fr
PHONE = {"width": 390, "height": 844}
FRAME_WIDTHS = (320, 390, 600, 800)


def _prefix(lang: str) -> str:
    return "" if lang == i18n.DEFAULT else f"/{lang}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("iso3", ["tgo", "khm"])
def test_a_country_page_opens_with_what_is_known(browser, site_url, lang, iso3):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    pg = context.new_page()
    pg.goto(site_url + _prefix(lang) + PAGES["country"].url.replace("tgo", iso3), wait_until="load")
    summary = pg.locator("article dl.country-summary")
    assert summary.count() == 1
    box = summary.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], f"the summary ends at {box['y'] + box['height']} px"
    terms = summary.locator("dt").all_inner_texts()
    assert len(terms) >= 4  # region, phases, ..., what is missing
    coverage = summary.locator("dd svg.spark")
    assert coverage.count() == 1 and coverage.is_visible()  # both countries have a coverage series
    assert summary.locator("dd .vlabel").count() >= 1  # the phases carry their labels
    context.close()


def snippet_heights(built_site) -> dict[str, int]:
    """{embed address under the site: the height its snippet gives}, read from the built pages."""
    heights = {}
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for snippet in re.findall(r"<textarea[^>]*data-embed[^>]*>(.*?)</textarea>", text, re.S):
            iframe = html.unescape(snippet)
            chart_id = re.search(r'src="[^"]*embed/([^/"]+)/"', iframe).group(1)
            lang = page.relative_to(built_site).parts[0]
            prefix = f"/{lang}" if lang in LANGS and lang != i18n.DEFAULT else ""
            heights[f"{prefix}/embed/{chart_id}/"] = int(re.search(r'height="(\d+)"', iframe).group(1))
    return heights


def test_every_embed_fits_the_frame_its_snippet_gives(browser, site_url, built_site):
    heights = snippet_heights(built_site)
    embeds = {"/" + p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.rglob("embed/*/index.html")}
    assert embeds and set(heights) == embeds  # every embed page has a snippet, and every snippet a page
    context = browser.new_context(viewport={"width": 800, "height": 600})
    pg = context.new_page()
    too_tall = []
    for path, height in sorted(heights.items()):
        pg.set_viewport_size({"width": 800, "height": height})
        pg.goto(site_url + path, wait_until="load")
        for width in FRAME_WIDTHS:
            pg.set_viewport_size({"width": width, "height": height})
            needed = pg.evaluate("document.documentElement.scrollHeight")
            if needed > height:
                too_tall.append((path, width, needed, height))
    context.close()
    assert too_tall == []
