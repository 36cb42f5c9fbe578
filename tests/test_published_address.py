"""The published address and the source repository are settings of mkdocs.yml (site_url, extra.repository).
A build without them names no address anywhere (no 127.0.0.1 in a citation or a download) and shows no
"Suggest a correction" link; a build with them puts them in every citation, CITATION.cff, the canonical links,
the sitemap, and issue-form links with the country, the change id and the page address filled in."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT
from spf.canonical import load_descriptor

ADDRESS = "https://data.example.org/spf-data/"  # as deploy.yml's GitHub Pages address of a project site: with a path
REPOSITORY = "https://github.com/example/spf-data"
VERSION = load_descriptor()["version"]


def build(dest: Path, **env: str) -> Path:
    clean = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SPF_REPOSITORY", "SPF_DATAPACKAGE")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site", str(dest)],
        env={**clean, **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return dest


def every_text(site: Path):
    """(name, text) of every page and download, with the zip's and the workbook's members unpacked."""
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix != ".map"):
        data = path.read_bytes()
        if path.suffix in (".zip", ".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for member in zf.namelist():
                    yield f"{path.name}:{member}", zf.read(member).decode("utf-8", "replace")
        else:
            yield str(path.relative_to(site)), data.decode("utf-8", "replace")


def released(site: Path, member: str) -> str:
    with zipfile.ZipFile(site / "downloads/latest/spf-flagship-data.zip") as zf:
        return zf.read(member).decode("utf-8")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "suggest" in (attrs.get("class") or "").split():
            self.hrefs.append(attrs["href"])


def suggest_links(html: str) -> list[dict]:
    parser = Links()
    parser.feed(html)
    out = []
    for href in parser.hrefs:
        url = urlsplit(href)
        out.append(
            {"base": f"{url.scheme}://{url.netloc}{url.path}", **{k: v[0] for k, v in parse_qs(url.query).items()}}
        )
    return out


@pytest.fixture(scope="module")
def unset_site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("unset") / "site")


@pytest.fixture(scope="module")
def set_site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("set") / "site", SITE_URL=ADDRESS, SPF_REPOSITORY=REPOSITORY)


def test_a_build_without_an_address_names_none(unset_site):
    for name, text in every_text(unset_site):
        assert "127.0.0.1" not in text and "localhost" not in text, name
    cff = yaml.safe_load(released(unset_site, "CITATION.cff"))
    assert "url" not in cff and "repository-code" not in cff
    # nothing for search engines without an address: no sitemap, no robots.txt, no canonical, no hreflang
    assert not [p for p in unset_site.rglob("*") if p.name in ("sitemap.xml", "sitemap.xml.gz", "robots.txt")]
    for page in ("index.html", "fr/countries/tgo/index.html", "404.html"):
        html = (unset_site / page).read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html and '<link rel="alternate"' not in html, page


def test_without_a_repository_no_suggest_link_is_shown(unset_site):
    for page in ("countries/bdi/index.html", "institutional-changes/index.html"):
        assert suggest_links((unset_site / page).read_text(encoding="utf-8")) == []


def test_the_address_reaches_every_citation(set_site):
    data = ADDRESS + "data/"
    assert data in released(set_site, "README.md")
    cff = yaml.safe_load(released(set_site, "CITATION.cff"))
    assert cff["url"] == data and cff["repository-code"] == REPOSITORY
    assert cff["version"] == VERSION
    workbook = dict(every_text(set_site))["spf-flagship-data.xlsx:xl/sharedStrings.xml"]
    assert data in workbook
    assert data in (set_site / "data" / "index.html").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}countries/bdi/</loc>" in (set_site / "sitemap.xml").read_text()
    assert f"<loc>{ADDRESS}fr/countries/bdi/</loc>" in (set_site / "fr" / "sitemap.xml").read_text()
    assert f"Sitemap: {ADDRESS}es/sitemap.xml" in (set_site / "robots.txt").read_text()
    assert f'<link rel="canonical" href="{ADDRESS}countries/bdi/">' in (
        set_site / "countries/bdi/index.html"
    ).read_text(encoding="utf-8")


def form_ids(name: str) -> set[str]:
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
    return {item["id"] for item in form["body"] if "id" in item}


def test_country_pages_and_register_rows_open_the_issue_forms_filled_in(set_site):
    page = (set_site / "countries/bdi/index.html").read_text(encoding="utf-8")
    links = suggest_links(page)
    templates = {link["template"] for link in links}
    assert templates == {"report-data-error.yml", "propose-result.yml"}
    for link in links:
        assert link["base"] == REPOSITORY + "/issues/new"
        assert link["country"] == "Burundi" and link["page"] == ADDRESS + "countries/bdi/"
        assert set(link) - {"base", "template", "title"} <= form_ids(link["template"])
    register = suggest_links((set_site / "institutional-changes/index.html").read_text(encoding="utf-8"))
    ids = [row.split(",")[0] for row in (ROOT / "data/institutional_changes.csv").read_text().splitlines()[1:]]
    assert sorted(link["figure"].split(":")[0] for link in register) == sorted(ids)
    for link in register:
        assert link["template"] == "report-data-error.yml"
        assert link["page"] == ADDRESS + "institutional-changes/"
        assert link["figure"].split(":")[0] in link["title"]
