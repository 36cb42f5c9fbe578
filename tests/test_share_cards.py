"""Share cards: every page of the built site has Open Graph and Twitter tags with absolute URLs, and its
og:image (its first chart's PNG, or the site card) is a file of the site itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest


class Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key and key.startswith(("og:", "twitter:")):
            self.tags[key] = attrs.get("content", "")


def meta(path) -> dict[str, str]:
    parser = Meta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


@pytest.mark.repo_data
def test_every_page_has_share_tags_with_absolute_urls(built_site, site_url):
    pages = [p for p in built_site.rglob("*.html") if "embed" not in p.relative_to(built_site).parts]
    assert len(pages) > 50
    base = site_url + "/"  # the published address, with its path
    for page in pages:
        tags = meta(page)
        assert tags.get("og:title") and tags.get("og:description") and tags.get("twitter:card"), page
        image, url = tags["og:image"], tags["og:url"]
        assert re.match(r"https?://", image) and re.match(r"https?://", url), (page, image, url)
        assert image.startswith(base) and (built_site / image[len(base) :]).is_file(), (page, image)


@pytest.mark.repo_data
def test_og_image_is_the_first_chart_or_the_site_card(built_site):
    tgo = meta(built_site / "countries" / "tgo" / "index.html")
    assert tgo["og:image"].endswith("/downloads/charts/coverage-tgo.png")
    assert tgo["og:url"].endswith("/countries/tgo/")
    about = meta(built_site / "about-the-data" / "index.html")
    assert about["og:image"].endswith("/assets/images/site-card.png")
