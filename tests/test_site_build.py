"""`make site` builds strictly, checks links, ships no third-party resources, and never breaks a good site/."""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from conftest import PAGE_KINDS, PUBLISHED_PATH, ROOT, build_package
from spf import build_site, linkcheck


@pytest.mark.repo_data
def test_site_has_every_page_kind(built_site):
    for kind in PAGE_KINDS:
        assert (built_site / kind.file).is_file(), kind
    with open(ROOT / "data" / "countries.csv", encoding="utf-8") as fh:  # one page per country in the package
        rows = list(csv.DictReader(fh))
    assert rows and all((built_site / "countries" / r["iso3"].lower() / "index.html").is_file() for r in rows)


@pytest.mark.repo_data
def test_internal_links_resolve(built_site):
    """Checked as published, under the site's path (the 404 pages link root-relative, below that path)."""
    problems, internal, _ = linkcheck.check(built_site, PUBLISHED_PATH)
    assert problems == [] and internal > 100


def test_linkcheck_finds_broken_raw_html_links(tmp_path):
    (tmp_path / "index.html").write_text(
        '<a href="missing/">x</a><a href="#nope">y</a><script src="https://cdn.example/x.js"></script>'
    )
    problems, _, _ = linkcheck.check(tmp_path)
    assert len(problems) == 3


def test_linkcheck_resolves_folders_fragments_and_the_site_edge(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="../">up</a><a href="./#here">self</a>')
    (tmp_path / "data.csv").write_text("x\n")
    (tmp_path / "index.html").write_text(
        '<a href="a/">1</a><a href="a">2</a><a href="a/#here">3</a><a href="/data.csv">4</a><a href="data.csv">5</a>'
        '<a href="a/#gone">6</a><a href="../outside.html">7</a><a href="b/">8</a><a href="a/data.csv">9</a>'
    )
    problems, internal, _ = linkcheck.check(tmp_path)
    assert internal == 11
    assert problems == [
        "index.html: a/#gone has no element with id 'gone'",
        "index.html: ../outside.html points outside the site",
        "index.html: b/ does not exist",
        "index.html: a/data.csv does not exist",
    ]


class _Resources(HTMLParser):
    """Every address an element that can load something names: (tag, attribute, address)."""

    TAGS = {"link", "script", "img", "iframe", "source", "video", "audio", "embed", "object", "track", "input"}
    ATTRIBUTES = {"href", "src", "srcset", "data", "poster"}

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.TAGS:
            return
        for name, value in attrs:
            if name in self.ATTRIBUTES and value:
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
                self.found += [(tag, name, url.strip()) for url in urls]


def third_party(html: str, own: str) -> tuple[list[str], int]:
    """(what the page would load from another origin than `own`, how many addresses were checked)."""
    parser = _Resources()
    parser.feed(html)
    bad = []
    for tag, name, url in parser.found:
        absolute = urlsplit(url).scheme or url.startswith("//")
        if absolute and urlsplit(url).scheme != "data" and not url.startswith(own.rstrip("/") + "/"):
            bad.append(f"<{tag} {name}={url}>")
    return bad, len(parser.found)


@pytest.mark.repo_data
def test_no_third_party_resources_in_html(built_site, site_url):
    checked = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        bad, n = third_party(html, site_url)
        assert bad == [], page
        checked += n
        assert "fonts.googleapis" not in html and "cdn.plot.ly" not in html
    assert checked > 500  # every page's links, scripts and images were read


def test_third_party_check_fails_a_page_with_a_canonical_link_and_a_foreign_resource():
    own = "http://127.0.0.1:8000/"
    page = (
        f'<link rel="canonical" href="{own}x/"><link rel="icon" href="../favicon.svg">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src=\'//cdn.example.org/x.js\'></script><img alt="" src="data:image/png;base64,AAAA" '
        'srcset="a.png 1x, https://images.example.org/b.png 2x"><img alt="" src="http://127.0.0.1:8000x/y.png">'
    )
    bad, checked = third_party(page, own)
    assert bad == [
        "<link href=https://fonts.googleapis.com/css?family=Roboto>",
        "<script src=//cdn.example.org/x.js>",
        "<img srcset=https://images.example.org/b.png>",
        "<img src=http://127.0.0.1:8000x/y.png>",
    ]
    assert checked == 8


@pytest.mark.repo_data
def test_every_chart_csv_link_exists(built_site):
    found = 0
    for page in built_site.rglob("*.html"):
        for href in re.findall(r'href="([^"]+\.csv)" download', page.read_text(encoding="utf-8")):
            href = html.unescape(href)  # an attribute's entities (text.h) are the browser's to decode
            assert (page.parent / href).resolve().is_file(), (page, href)
            found += 1
    assert found >= 50


def test_failed_build_keeps_the_old_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site")
    bad = build_package(tmp_path / "bad", "wrong-type")
    assert build_site.run(bad, site) == 1
    assert (site / "index.html").read_text() == "the good site"


@pytest.mark.repo_data
def test_mkdocs_failure_keeps_the_old_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site")
    broken_config = tmp_path / "mkdocs.yml"
    broken_config.write_text((ROOT / "mkdocs.yml").read_text().replace("nav:\n", "nav:\n  - Missing: nowhere.md\n"))
    real = build_site.MkdocsBuild
    monkeypatch.setattr(build_site, "MkdocsBuild", lambda dest, desc, config: real(dest, desc, broken_config))
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    assert build_site.run(ROOT / "datapackage.json", site) == 1
    assert (site / "index.html").read_text() == "the good site"


@pytest.mark.repo_data
def test_plugin_build_equals_a_plain_build_of_the_written_markdown(built_site, site_url, tmp_path):
    """The plugin keeps tables and charts out of Markdown and search and fills in the downloads' sizes late;
    a plain `properdocs build` of the same pages written out in full must give the same HTML and search index."""
    import os

    from spf.bench import bare_config
    from spf.paths import DOCS, MKDOCS_YML
    from spf.sitegen import i18n
    from spf.sitegen.generate import generate, write

    publisher = re.search(r'^  publisher: "([^"]*)"', MKDOCS_YML.read_text(encoding="utf-8"), re.M).group(1)
    settings = {"publisher": publisher, "site_url": site_url + "/"}
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    write(generate(settings=settings), docs)
    env = {**os.environ, "SITE_URL": site_url + "/", "NO_MKDOCS_2_WARNING": "1"}
    config = bare_config(docs, tmp_path / "mkdocs.yml")
    subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-q", "-f", config, "-d", tmp_path / "plain"], env=env, check=True
    )
    plain, hooked = tmp_path / "plain", built_site
    # The pages written out are the English ones: compare the English site (the other languages' pages are
    # generated in their language by the plugin; tests/test_i18n.py holds their goldens).
    other = tuple(f"{lang}/" for lang in i18n.languages() if lang != i18n.DEFAULT)
    pages = sorted(
        p.relative_to(plain) for p in plain.rglob("*.html") if not p.relative_to(plain).as_posix().startswith(other)
    )
    assert pages == sorted(
        p.relative_to(hooked) for p in hooked.rglob("*.html") if not p.relative_to(hooked).as_posix().startswith(other)
    )
    assert len(pages) > 50
    different = [str(p) for p in pages if (plain / p).read_bytes() != (hooked / p).read_bytes()]
    assert different == []

    def index(site):
        docs = json.loads((site / "search/search_index.json").read_text())["docs"]
        return sorted((d for d in docs if not d["location"].startswith(other)), key=json.dumps)

    assert index(plain) == index(hooked)
