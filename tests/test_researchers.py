"""For researchers (issue 21): per-chart metadata and one-line loaders, Parquet, schema.org Dataset markup and a
DCAT catalogue, the Atom feed of releases and how fresh each dataset is, checked on the real built site.

JSON-LD is parsed as RDF with rdflib; the schema.org context is given inline as its vocabulary (the test
fetches nothing from the internet), the DCAT catalogue carries its own context."""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime
from urllib.parse import urlsplit

import duckdb
import pandas as pd
import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF

from conftest import ROOT, VALID
from spf.sitegen import feeds, freshness, generate, i18n, linked_data, parquet, release, settings

pytestmark = pytest.mark.repo_data  # these read the site built from the repository's package

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
VERSION = DESCRIPTOR["version"]
VDIR = f"downloads/v{VERSION}"
SCHEMA = rdflib.Namespace("https://schema.org/")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
LANG_DIRS = {lang: "" if lang == i18n.DEFAULT else f"{lang}/" for lang in i18n.languages()}
ATOM = "{http://www.w3.org/2005/Atom}"
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def local(built_site, site_url: str, url: str):
    """The built file behind an address of the served site (a directory's index.html)."""
    assert url.startswith(site_url + "/"), url
    path = url[len(site_url) + 1 :].split("#")[0].split("?")[0]  # below the published path
    target = built_site / path
    return target / "index.html" if path.endswith("/") or path == "" else target


# --- 2. per-chart metadata and "use this data" ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANG_DIRS)
def test_every_chart_csv_has_metadata_naming_its_sources_and_the_licence(built_site, site_url, lang):
    charts = built_site / LANG_DIRS[lang] / "downloads/charts"
    csvs = sorted(charts.glob("*.csv"))
    assert len(csvs) > 20
    for path in csvs:
        meta = json.loads((charts / f"{path.stem}.metadata.json").read_text(encoding="utf-8"))
        rows = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert meta["id"] == path.stem and meta["language"] == lang and meta["title"] and meta["summary"]
        assert meta["licence"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
        assert meta["release"]["version"] == VERSION and meta["rows"] == len(rows)
        assert [c["name"] for c in meta["columns"]] == list(rows.columns) and all(c["title"] for c in meta["columns"])
        named = {s["id"] for s in meta["sources"]}
        if "source_id" in rows:
            assert {s.strip() for cell in rows["source_id"] for s in cell.split(";")} - {""} <= named, path.name
        for source in meta["sources"]:
            assert source["title"] and source["label"] in ("verified", "reported", "unverified", "computed"), source
            if source["id"]:
                assert source["url"] == next(
                    r["url"]
                    for r in pd.read_csv(ROOT / "data/sources.csv", dtype=str).to_dict("records")
                    if r["source_id"] == source["id"]
                )
        page = local(built_site, site_url, meta["page"].split("#")[0])
        assert f'id="{path.stem}"' in page.read_text(encoding="utf-8"), meta["page"]
        assert meta["citation"].endswith(meta["page"]) and VERSION in meta["citation"]


def test_every_snippet_loads_a_csv_that_exists_and_pandas_reads_it(built_site, site_url):
    found = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for figure_id, use in re.findall(
            r'<figure class="chart[^"]*" id="([^"]+)".*?(<details class="chart__use">.*?</details>)', html, re.S
        ):
            codes = [c.replace("&quot;", '"').replace("&lt;", "<") for c in re.findall(r"<code>(.*?)</code>", use)]
            assert (
                len(codes) == 3
                and codes[0].startswith("import pandas as pd;")
                and codes[1].startswith("df <- read.csv(")
            )
            assert codes[2].startswith("import delimited ")
            urls = {re.search(r'"([^"]+)"', c).group(1) for c in codes}
            assert len(urls) == 1, codes
            url = urls.pop()
            assert url.endswith(f"/downloads/charts/{figure_id}.csv")
            assert local(built_site, site_url, url).is_file(), (page, url)
            assert VERSION in use and "CC BY 4.0" in use  # the chart's citation
            found += 1
    assert found > 100
    # the researcher's one line, as written on the page, against the served site
    url = f"{site_url}/downloads/charts/results-phase2-people.csv"
    namespace: dict = {}
    exec(f'import pandas as pd; df = pd.read_csv("{url}")', namespace)  # noqa: S102 (our own snippet)
    expected = pd.read_csv(built_site / "downloads/charts/results-phase2-people.csv")
    pd.testing.assert_frame_equal(namespace["df"], expected)


# --- 4. Parquet -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("res", DESCRIPTOR["resources"], ids=lambda r: r["name"])
def test_duckdb_reads_each_parquet_with_the_csv_rows_and_schema_types(built_site, res):
    csv = pd.read_csv(ROOT / res["path"], dtype=str, keep_default_na=False)
    for path in (
        built_site / VDIR / f"{res['name']}-v{VERSION}.parquet",
        built_site / "downloads/latest" / f"{res['name']}.parquet",
    ):
        con = duckdb.connect()
        assert con.execute("select count(*) from read_parquet(?)", [str(path)]).fetchone()[0] == len(csv)
        types = dict(
            con.execute(
                "select column_name, column_type from (describe select * from read_parquet(?))", [str(path)]
            ).fetchall()
        )
        expected = {"integer": "BIGINT", "number": "DOUBLE", "string": "VARCHAR"}
        assert types == {f["name"]: expected[f["type"]] for f in res["schema"]["fields"]}
        frame = pd.read_parquet(path)
        assert list(frame.columns) == list(csv.columns)
        for f in res["schema"]["fields"]:
            got = frame[f["name"]]
            if f["type"] in ("integer", "number"):
                want = pd.to_numeric(csv[f["name"]].replace("", None)).astype(float)
                pd.testing.assert_series_equal(got.astype(float), want, check_names=False)
            else:
                assert got.fillna("").tolist() == csv[f["name"]].tolist(), (res["name"], f["name"])


def test_parquet_is_in_the_zip_the_checksums_and_the_resource_pages(built_site):
    import zipfile

    sums = (built_site / VDIR / "SHA256SUMS").read_text()
    with zipfile.ZipFile(built_site / VDIR / f"spf-flagship-data-v{VERSION}.zip") as zf:
        names = set(zf.namelist())
        for res in DESCRIPTOR["resources"]:
            name = f"{res['name']}-v{VERSION}.parquet"
            data = (built_site / VDIR / name).read_bytes()
            assert f"{hashlib.sha256(data).hexdigest()}  {name}" in sums
            assert zf.read(f"parquet/{res['name']}.parquet") == data
            page = html.unescape(
                (built_site / f"data/{res['name']}/index.html").read_text()
            )  # h() writes _ as an entity
            assert f'href="../../{VDIR}/{name}"' in page
        assert "parquet/" in zf.read("README.md").decode()
    assert {f"parquet/{r['name']}.parquet" for r in DESCRIPTOR["resources"]} <= names


def test_parquet_bytes_are_deterministic_and_an_unknown_type_is_a_clear_error():
    res = {
        "name": "t",
        "path": "t.csv",
        "schema": {"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "string"}]},
    }
    rows = [[1, "x"], [None, None]]
    assert parquet.table_bytes(res, ["a", "b"], rows, "1.0.0") == parquet.table_bytes(res, ["a", "b"], rows, "1.0.0")
    res["schema"]["fields"][1]["type"] = "geojson"
    with pytest.raises(ValueError, match="'geojson'.*known types"):
        parquet.table_bytes(res, ["a", "b"], rows, "1.0.0")


# --- 1. schema.org Dataset and DCAT -----------------------------------------------------------------------


def page_datasets(built_site, path: str) -> list[dict]:
    return [json.loads(t) for t in JSONLD.findall((built_site / path).read_text(encoding="utf-8"))]


DATA_PAGES = ["data/index.html", "fr/data/index.html"] + [
    f"data/{r['name']}/index.html" for r in DESCRIPTOR["resources"]
]


@pytest.mark.parametrize("path", DATA_PAGES)
def test_data_pages_carry_a_dataset_that_parses_as_rdf_and_whose_files_exist(built_site, site_url, path):
    html = (built_site / path).read_text(encoding="utf-8")
    (script,) = JSONLD.findall(html)
    assert len(gzip.compress(script.encode())) <= 3000  # the budget for the first view
    doc = json.loads(script)
    for key in ("name", "description", "license", "creator", "publisher", "version", "datePublished", "keywords",
                "creditText", "distribution", "url"):  # fmt: skip
        assert doc[key], (path, key)
    assert doc["@type"] == "Dataset" and doc["version"] == VERSION
    assert local(built_site, site_url, doc["url"]) == built_site / path
    for d in doc["distribution"]:
        assert local(built_site, site_url, d["contentUrl"]).is_file() and d["encodingFormat"]
    graph = rdflib.Graph().parse(data=json.dumps({**doc, "@context": {"@vocab": str(SCHEMA)}}), format="json-ld")
    (dataset,) = set(graph.subjects(SCHEMA.distribution, None))  # a resource's page names its package too
    assert (dataset, RDF.type, SCHEMA.Dataset) in graph
    assert len(list(graph.objects(dataset, SCHEMA.distribution))) == len(doc["distribution"]) >= 3
    assert str(graph.value(dataset, SCHEMA.license)) == "https://creativecommons.org/licenses/by/4.0/"


def test_the_package_dataset_lists_every_released_file(built_site):
    (doc,) = page_datasets(built_site, "data/index.html")
    listed = {urlsplit(d["contentUrl"]).path.rsplit("/", 1)[1] for d in doc["distribution"]}
    on_disk = {p.name for p in (built_site / VDIR).iterdir() if p.name != "SHA256SUMS"}
    assert listed == on_disk


@pytest.mark.parametrize("path", [f"{VDIR}/catalog-v{VERSION}.jsonld", "downloads/latest/catalog.jsonld"])
def test_the_dcat_catalogue_parses_and_describes_every_file(built_site, site_url, path):
    text = (built_site / path).read_text(encoding="utf-8")
    graph = rdflib.Graph().parse(data=text, format="json-ld", publicID=f"{site_url}/{path}")
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.license):
        assert graph.value(catalogue, prop) is not None, prop
    datasets = list(graph.objects(catalogue, DCAT.dataset))
    assert {str(graph.value(d, DCTERMS.identifier)) for d in datasets} == {r["name"] for r in DESCRIPTOR["resources"]}
    files = 0
    for ds in datasets:
        assert graph.value(ds, DCTERMS.title) and graph.value(ds, DCTERMS.description)
        assert local(built_site, site_url, str(graph.value(ds, DCAT.landingPage))).is_file()
        dists = list(graph.objects(ds, DCAT.distribution))
        assert len(dists) == 3  # CSV, JSON, Parquet
        for dist in dists:
            target = local(built_site, site_url, str(graph.value(dist, DCAT.accessURL)))
            data = target.read_bytes()
            assert int(graph.value(dist, DCAT.byteSize)) == len(data)
            checksum = graph.value(dist, SPDX.checksum)
            assert str(graph.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()
            files += 1
    assert files == 3 * len(DESCRIPTOR["resources"])


def test_without_an_address_the_markup_catalogue_metadata_and_snippets_name_none():
    """A build without site_url writes no absolute address of the site: page markup leaves url and contentUrl
    out, the catalogue and the chart metadata refer relatively, the snippets read the downloaded file."""
    files = generate.generate(VALID / "datapackage.json", {"site_url": "", "publisher": "P"})
    catalogue = files["downloads/latest/catalog.jsonld"].decode()
    base = "http://mirror.test/downloads/latest/catalog.jsonld"  # where a portal would have fetched it
    graph = rdflib.Graph().parse(data=catalogue, format="json-ld", publicID=base)
    urls = [str(o) for o in graph.objects(None, DCAT.downloadURL)]
    assert urls and all(u.startswith("http://mirror.test/downloads/v0.1.0/") for u in urls)  # from either folder
    docs = [json.loads(t) for text in files.values() if isinstance(text, str) for t in JSONLD.findall(text)]
    assert docs and all("url" not in d and all("contentUrl" not in x for x in d["distribution"]) for d in docs)
    metas = [json.loads(v) for k, v in files.items() if k.endswith(".metadata.json")]
    assert metas and all(m["page"].startswith("../../") and "http" not in m["citation"] for m in metas)
    uses = [
        u
        for text in files.values()
        if isinstance(text, str)
        for u in re.findall(r'read_csv\("([^"]+)"', html.unescape(text))
    ]
    assert uses and all(re.fullmatch(r"[a-z0-9-]+\.csv", u) for u in uses)
    feed = ET.fromstring(files["feed.xml"])
    assert all(not link.get("href").startswith(("http", "/")) for link in feed.iter(f"{ATOM}link"))


def test_json_ld_text_can_close_no_element_and_form_no_placeholder():
    hostile = "</script><script>alert(1)</script> @@spf-download:size:x@@ & <!--"
    block = linked_data.script({"name": hostile})
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "@" not in inner and "&" not in inner
    assert json.loads(inner) == {"name": hostile}


# --- 5. the Atom feed and freshness -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANG_DIRS)
def test_the_feed_lists_the_current_release_with_stable_ids_and_rfc3339_dates(built_site, site_url, lang):
    feed = ET.parse(built_site / LANG_DIRS[lang] / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = feed.findall(f"{ATOM}entry")
    versions = [v for v, _d in release.changelog_entries((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))]
    assert [e.find(f"{ATOM}title").text.rsplit(" ", 1)[-1] for e in entries] == versions and versions[0] == VERSION
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(uuid.UUID(i.removeprefix("urn:uuid:")) for i in ids)
    for stamp in [feed.find(f"{ATOM}updated").text] + [e.find(f"{ATOM}updated").text for e in entries]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", stamp) and datetime.fromisoformat(stamp)
    for link in feed.iter(f"{ATOM}link"):
        assert local(built_site, site_url, link.get("href").split("#")[0]).is_file(), link.get("href")
    current = entries[0].find(f"{ATOM}content").text
    assert current.strip() and current in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_feed_ids_stay_when_a_release_is_added_and_text_is_escaped_by_construction():
    rel = release.Release("0.2.0", "2026-12-01", "T", "P", "")
    old = "# Changelog\n\n## 0.1.0 – 2026-11-27\n\nFirst <b>&amp; ]]> release.\n"
    new = "# Changelog\n\n## 0.2.0 – 2026-12-01\n\nSecond.\n\n" + old.split("\n\n", 1)[1]
    first, second = (ET.fromstring(feeds.atom(text, rel, "S <&>")) for text in (old, new))
    ids = {e.find(f"{ATOM}title").text: e.find(f"{ATOM}id").text for e in second.iter(f"{ATOM}entry")}
    (only,) = first.iter(f"{ATOM}entry")
    assert ids["Data release 0.1.0"] == only.find(f"{ATOM}id").text != ids["Data release 0.2.0"]
    assert only.find(f"{ATOM}content").text == "First <b>&amp; ]]> release."
    assert first.find(f"{ATOM}title").text == "S <&>: data releases"


def test_every_page_links_the_feed_of_its_language(built_site):
    pages = [p for p in built_site.rglob("index.html") if "embed" not in p.relative_to(built_site).parts]
    assert len(pages) > 100
    for page in pages:
        (href,) = re.findall(
            r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', page.read_text(encoding="utf-8")
        )
        first = page.relative_to(built_site).parts[0]
        lang = first if first in LANG_DIRS else i18n.DEFAULT
        assert (page.parent / href).resolve() == (built_site / LANG_DIRS[lang] / "feed.xml").resolve(), page


def test_data_pages_say_when_they_were_updated_and_the_newest_year(built_site):
    for res in DESCRIPTOR["resources"]:
        html = (built_site / f"data/{res['name']}/index.html").read_text(encoding="utf-8")
        assert f"Last updated in release {VERSION}" in html
        span = freshness.years(generate.load().pkg, res["name"])
        if span:
            assert f"newest year: {span[1]}" in html, res["name"]


def test_an_old_dataset_is_said_to_be_old():
    rel = release.Release("1.0.0", "2026-12-01", "T", "P", "")
    with i18n.using("en"):
        assert "may be out of date" in freshness.note((2010, 2022), rel, 3)
        assert "may be out of date" not in freshness.note((2010, 2023), rel, 3)
        assert "describe no period" in freshness.note(None, rel, 3)


def test_years_are_read_as_written(package):
    pkg = generate.load(package()).pkg
    frame = pkg["institutional_changes"]
    years = {int(y) for y in frame["year"].dropna()} | {
        int(y) for p in frame["period"] for y in re.findall(r"(?:19|20)\d\d", p)
    }
    assert freshness.years(pkg, "institutional_changes") == (min(years), max(years))
    assert freshness.years(pkg, "countries") is None


@pytest.mark.parametrize("value", ["three", 0, True, -1])
def test_a_bad_staleness_setting_is_a_clear_error(tmp_path, value):
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nextra:\n  stale_after_years: {json.dumps(value)}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="stale_after_years must be a whole number"):
        settings.stale_after_years(config)


def test_a_clean_clone_generates_every_researcher_output(tmp_path):
    """Nothing the outputs need is generated and left uncommitted: a clone of the committed tree makes them all."""
    import subprocess

    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    files = generate.generate(clone / "datapackage.json", {"site_url": "https://example.org/repo/"})
    descriptor = json.loads((clone / "datapackage.json").read_text(encoding="utf-8"))
    version = descriptor["version"]
    for res in descriptor["resources"]:
        assert files[f"downloads/v{version}/{res['name']}-v{version}.parquet"][:4] == b"PAR1"
    assert json.loads(files[f"downloads/v{version}/catalog-v{version}.jsonld"])["dcat:version"] == version
    charts = [p.removesuffix(".csv") for p in files if p.startswith("downloads/charts/") and p.endswith(".csv")]
    assert charts and all(f"{c}.metadata.json" in files for c in charts)
    assert ET.fromstring(files["feed.xml"]).find(f"{ATOM}entry/{ATOM}title").text.endswith(version)
    assert json.loads(files["api/v1/index.json"])["release"]["version"] == version
    assert json.loads(files["api/openapi.json"])["servers"] == [{"url": "https://example.org/repo/api/v1"}]
