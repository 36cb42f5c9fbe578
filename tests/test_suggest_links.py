"""The "Suggest a correction" and "Propose a new result" links stay short whatever the data holds: a planted
33,000-character country name (or description) once made 33,000-character links; each value of the issue form's
address is now cut with "…" to its share, and the whole link stays under suggest.URL_MAX."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from spf.sitegen import suggest

REPOSITORY = "https://github.com/example/spf-flagship"
LONG = "Planted country " + "x" * 33_000
WIDE = "国" * 11_000  # 9 characters each once URL-encoded


def hrefs(markup: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"]*)"', str(markup))]


@pytest.mark.parametrize("name", [LONG, WIDE])
def test_a_planted_long_value_makes_no_link_longer_than_the_limit(name):
    links = hrefs(suggest.country_links(name, "countries/" + "x" * 5_000 + ".md", REPOSITORY))
    change = {"change_id": "x-1", "description": name}
    links += hrefs(suggest.change_link(change, name, "institutional-changes.md", REPOSITORY))
    assert len(links) == 3
    for url in links:
        assert len(url) < suggest.URL_MAX, len(url)
        assert url.startswith(REPOSITORY + "/issues/new?template=")
        query = {key: value[0] for key, value in parse_qs(urlsplit(url).query).items()}
        assert query["country"].startswith(name[:10]) and query["country"].endswith("…")
        assert query["title"].endswith("…")
        assert query["page"].endswith("…" if "/countries/" in query["page"] else "/institutional-changes/")
    assert parse_qs(urlsplit(links[2]).query)["figure"][0].startswith("x-1: " + name[:10])


def test_ordinary_values_are_kept_whole():
    (fix, new) = hrefs(suggest.country_links("Burundi", "countries/bdi.md", REPOSITORY))
    query = {key: value[0] for key, value in parse_qs(urlsplit(fix).query).items()}
    assert query["country"] == "Burundi" and query["title"] == "Data error: Burundi"
    assert query["page"].endswith("/countries/bdi/")


def test_a_repository_address_too_long_for_a_link_shows_none():
    assert suggest.country_links("Burundi", "countries/bdi.md", REPOSITORY + "/" + "x" * 300) == ""
