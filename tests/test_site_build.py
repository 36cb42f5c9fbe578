"""`make site` builds strictly, checks links, ships no third-party resources, and never breaks a good site/."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys

from conftest import ROOT, build_package
from spf import build_site, linkcheck


def test_site_has_every_page_kind(built_site):
    for page in [
        "index.html",
        "results/index.html",
        "countries/index.html",
        "countries/tgo/index.html",
        "institutional-changes/index.html",
        "thematic-areas/index.html",
        "partners-and-funding/index.html",
        "global-context/index.html",
        "what-we-dont-know/index.html",
        "about-the-data/index.html",
        "contribute/index.html",
        "contribute/errors/index.html",
    ]:
        assert (built_site / page).is_file(), page
    with open(ROOT / "data" / "countries.csv", encoding="utf-8") as fh:  # one page per country in the package
        rows = list(csv.DictReader(fh))
    assert rows and all((built_site / "countries" / r["iso3"].lower() / "index.html").is_file() for r in rows)


def test_internal_links_resolve(built_site):
    problems, internal, _ = linkcheck.check(built_site)
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


def test_no_third_party_resources_in_html(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag, url in re.findall(r"<(script|link|img|iframe)[^>]+(?:src|href)=\"(https?://[^\"]+)\"", html):
            if tag == "link" and "canonical" in html:
                continue
            raise AssertionError(f"{page}: {tag} loads {url}")
        assert "fonts.googleapis" not in html and "cdn.plot.ly" not in html


def test_every_chart_csv_link_exists(built_site):
    found = 0
    for page in built_site.rglob("*.html"):
        for href in re.findall(r'href="([^"]+\.csv)" download', page.read_text(encoding="utf-8")):
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


def test_mkdocs_failure_keeps_the_old_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site")
    broken_config = tmp_path / "mkdocs.yml"
    broken_config.write_text((ROOT / "mkdocs.yml").read_text().replace("nav:\n", "nav:\n  - Missing: nowhere.md\n"))
    real = build_site.mkdocs_build
    monkeypatch.setattr(build_site, "mkdocs_build", lambda dest, desc: real(dest, desc, broken_config))
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    assert build_site.run(ROOT / "datapackage.json", site) == 1
    assert (site / "index.html").read_text() == "the good site"


def test_plugin_build_equals_a_plain_build_of_the_written_markdown(built_site, site_url, tmp_path):
    """The plugin keeps tables and charts out of Markdown and search and fills in the downloads' sizes late;
    a plain `mkdocs build` of the same pages written out in full must give the same HTML and search index."""
    import os

    from spf.bench import bare_config
    from spf.paths import DOCS, MKDOCS_YML
    from spf.sitegen.generate import generate, write

    publisher = re.search(r'^  publisher: "([^"]*)"', MKDOCS_YML.read_text(encoding="utf-8"), re.M).group(1)
    settings = {"publisher": publisher, "site_url": site_url + "/"}
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    write(generate(settings=settings), docs)
    env = {**os.environ, "SITE_URL": site_url + "/", "NO_MKDOCS_2_WARNING": "1"}
    config = bare_config(docs, tmp_path / "mkdocs.yml")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", tmp_path / "plain"], env=env, check=True
    )
    plain, hooked = tmp_path / "plain", built_site
    pages = sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    assert pages == sorted(p.relative_to(hooked) for p in hooked.rglob("*.html")) and len(pages) > 50
    different = [str(p) for p in pages if (plain / p).read_bytes() != (hooked / p).read_bytes()]
    assert different == []

    def index(site):
        return sorted(json.loads((site / "search/search_index.json").read_text())["docs"], key=json.dumps)

    assert index(plain) == index(hooked)
