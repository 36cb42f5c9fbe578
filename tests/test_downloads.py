"""Downloads for researchers: byte-identical CSVs, a zip that re-validates, an XLSX that round-trips, checksums
that match, release metadata that agrees everywhere, and links that resolve on the built site."""

from __future__ import annotations

import dataclasses
import hashlib
import html as htmllib
import io
import json
import re
import subprocess
import sys
import zipfile

import pandas as pd
import pytest

from conftest import ROOT

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
VERSION = DESCRIPTOR["version"]
VDIR = f"downloads/v{VERSION}"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("res", DESCRIPTOR["resources"], ids=lambda r: r["name"])
@pytest.mark.repo_data
def test_published_csv_is_byte_identical(built_site, res):
    """The source descriptor carries no checksums; the released one (in the zip) records each file's."""
    assert "hash" not in res and "bytes" not in res
    with zipfile.ZipFile(built_site / VDIR / f"spf-flagship-data-v{VERSION}.zip") as zf:
        released = {r["name"]: r for r in json.loads(zf.read("datapackage.json"))["resources"]}[res["name"]]
    source = (ROOT / res["path"]).read_bytes()
    assert released["bytes"] == len(source)
    for path in (f"{VDIR}/{res['name']}-v{VERSION}.csv", f"downloads/latest/{res['name']}.csv"):
        assert sha((built_site / path).read_bytes()) == sha(source) == released["hash"].removeprefix("sha256:")


@pytest.mark.repo_data
def test_zip_revalidates_with_frictionless_after_unzip(built_site, tmp_path):
    with zipfile.ZipFile(built_site / VDIR / f"spf-flagship-data-v{VERSION}.zip") as zf:
        names = set(zf.namelist())
        assert {"datapackage.json", "README.md", "LICENSE.txt", "CITATION.cff"} <= names
        assert all(not n.startswith("/") and ".." not in n for n in names)
        zf.extractall(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert f"version {VERSION}" in (tmp_path / "README.md").read_text().lower()


@pytest.mark.repo_data
def test_xlsx_round_trips_every_resource(built_site):
    book = pd.read_excel(built_site / VDIR / f"spf-flagship-data-v{VERSION}.xlsx", sheet_name=None)
    readme = book["README"]
    assert VERSION in readme.to_string() and "CC BY 4.0" in readme.to_string()
    for res in DESCRIPTOR["resources"]:
        sheet = book[res["name"][:31]]
        csv = pd.read_csv(ROOT / res["path"], dtype=str, keep_default_na=False)
        assert list(sheet.columns) == list(csv.columns)
        assert len(sheet) == len(csv)
        numeric = {f["name"] for f in res["schema"]["fields"] if f["type"] in ("integer", "number")}
        for col in csv.columns:
            expected = csv[col]
            got = sheet[col]
            if col in numeric:
                pd.testing.assert_series_equal(
                    pd.to_numeric(expected.replace("", None)).astype(float), got.astype(float), check_names=False
                )
            else:
                assert got.fillna("").astype(str).tolist() == expected.tolist(), (res["name"], col)


@pytest.mark.repo_data
def test_json_records_match_csv(built_site):
    for res in DESCRIPTOR["resources"]:
        records = json.loads((built_site / "downloads/latest" / f"{res['name']}.json").read_text(encoding="utf-8"))
        csv = pd.read_csv(ROOT / res["path"], dtype=str, keep_default_na=False)
        assert len(records) == len(csv) and list(records[0]) == list(csv.columns)


@pytest.mark.parametrize("folder", [VDIR, "downloads/latest"])
@pytest.mark.repo_data
def test_checksum_list_matches_files(built_site, folder):
    lines = (built_site / folder / "SHA256SUMS").read_text().splitlines()
    files = {p.name for p in (built_site / folder).iterdir() if p.name != "SHA256SUMS"}
    listed = {}
    for line in lines:
        digest, name = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line).groups()
        listed[name] = digest
    assert set(listed) == files
    for name, digest in listed.items():
        assert sha((built_site / folder / name).read_bytes()) == digest


@pytest.mark.repo_data
def test_versioned_names_carry_the_version(built_site):
    for path in (built_site / VDIR).iterdir():
        assert path.name == "SHA256SUMS" or f"v{VERSION}" in path.name


@pytest.mark.repo_data
def test_data_pages_show_version_checksums_and_citation(built_site):
    for page in ["data/index.html"] + [f"data/{r['name']}/index.html" for r in DESCRIPTOR["resources"]]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert f"Release {VERSION}" in html, page
        text = htmllib.unescape(html)  # data text is written with entities (text.h)
        assert "@misc{spf_flagship_data_" in text and "How to cite" in html, page
        assert re.search(r"<code>[0-9a-f]{64}</code>", html), page


@pytest.mark.repo_data
def test_data_dictionary_lists_every_field(built_site):
    for res in DESCRIPTOR["resources"]:
        html = (built_site / f"data/{res['name']}/index.html").read_text(encoding="utf-8")
        for field in res["schema"]["fields"]:
            assert f"<code>{field['name']}</code>" in htmllib.unescape(html), (res["name"], field["name"])


@pytest.mark.repo_data
def test_every_download_link_resolves(built_site):
    found = 0
    for page in built_site.rglob("*.html"):
        for href in re.findall(r'href="([^"#]*downloads/[^"#]+)"', page.read_text(encoding="utf-8")):
            assert (page.parent / href).resolve().is_file(), (page, href)
            found += 1
    assert found > 50


def test_release_metadata_agrees():
    """datapackage.json, CHANGELOG.md and CITATION.cff name the same release."""
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    top = re.search(r"^## (\d+\.\d+\.\d+) [–-] (\d{4}-\d{2}-\d{2})", changelog, re.M)
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert top.group(1) == VERSION
    assert f'version: "{VERSION}"' in cff and f'date-released: "{top.group(2)}"' in cff
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)


@pytest.mark.repo_data
def test_downloads_are_deterministic():
    from spf.sitegen.generate import generate

    a, b = generate(), generate()
    assert {k: v for k, v in a.items() if k.startswith("downloads/")} == {
        k: v for k, v in b.items() if k.startswith("downloads/")
    }


@pytest.mark.repo_data
def test_zip_in_memory_has_fixed_timestamps(built_site):
    with zipfile.ZipFile(io.BytesIO((built_site / "downloads/latest/spf-flagship-data.zip").read_bytes())) as zf:
        changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        date = re.search(r"^## \S+ [–-] (\d{4})-(\d{2})-(\d{2})", changelog, re.M).groups()
        assert {i.date_time[:3] for i in zf.infolist()} == {tuple(int(x) for x in date)}


@pytest.mark.repo_data
def test_every_download_shows_its_size_and_checksum_on_a_data_page(built_site):
    pages = "".join(p.read_text(encoding="utf-8") for p in (built_site / "data").rglob("index.html"))
    for line in (built_site / VDIR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert f"<code>{digest}</code>" in pages, name
    leftovers = [p for p in built_site.rglob("*.html") if "@@spf-download" in p.read_text(encoding="utf-8")]
    assert leftovers == []


@pytest.mark.repo_data
def test_planned_pages_filled_in_equal_pages_of_built_downloads():
    """The plugin renders the data pages before the downloads exist and fills in sizes and checksums later;
    the result must be the page generate() writes from the finished files."""
    from spf.sitegen import downloads, generate, late

    inputs = generate.load()
    made = downloads.build(inputs.pkg, inputs.release, inputs.citation_cff)
    planned = generate.pages(inputs, downloads.plan(inputs.pkg, inputs.release))
    direct = generate.pages(inputs, made)
    values = {d.name: (d.size_text, d.sha256) for d in made}
    assert [d.name for d in made] == [p.name for p in downloads.plan(inputs.pkg, inputs.release)]
    assert late.DOWNLOAD.search(planned["data/index.md"])
    filled = {
        path: late.fill_downloads(text, values) if isinstance(text, str) else text for path, text in planned.items()
    }
    assert filled == direct  # chart PNGs (bytes) hold no placeholder


@pytest.mark.repo_data
def test_a_failing_release_job_reports_the_childs_error(monkeypatch, tmp_path):
    from spf.sitegen import downloads, generate
    from spf.sitegen.late import ReleaseJob

    def broken(*args, **kwargs):
        raise ValueError("the workbook could not be written")

    monkeypatch.setattr(downloads, "build_cached", broken)  # the forked child inherits the patch
    job = ReleaseJob(downloads.write_release, generate.load(), tmp_path)
    with pytest.raises(RuntimeError, match="the workbook could not be written"):
        job.fill("<td>@@spf-download:size:x.csv@@</td>")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.repo_data
def test_cache_reuses_unchanged_downloads_and_rebuilds_changed_ones(monkeypatch, tmp_path):
    from spf.sitegen import downloads, generate

    inputs = generate.load()
    args = (inputs.pkg, inputs.release, inputs.citation_cff, tmp_path / "cache")
    first = downloads.build_cached(*args)
    real_build = downloads.build

    def must_not_build(*a, **k):
        raise AssertionError("unchanged inputs were built again")

    monkeypatch.setattr(downloads, "build", must_not_build)
    again = downloads.build_cached(*args)
    assert [(d.name, d.sha256) for d in again] == [(d.name, d.sha256) for d in first]
    changed = dataclasses.replace(inputs.release, date="2000-01-01")
    monkeypatch.setattr(downloads, "build", real_build)
    rebuilt = downloads.build_cached(inputs.pkg, changed, inputs.citation_cff, tmp_path / "cache")
    assert {d.name: d.sha256 for d in rebuilt}[f"spf-flagship-data-v{VERSION}.zip"] != (
        {d.name: d.sha256 for d in first}[f"spf-flagship-data-v{VERSION}.zip"]
    )
    assert len(list((tmp_path / "cache").iterdir())) == 1  # one entry: the cache never grows


@pytest.mark.repo_data
def test_a_failing_workbook_fails_the_release_with_its_error(monkeypatch):
    from spf.sitegen import downloads, generate, workbook

    def broken(*args, **kwargs):
        raise OSError("disk full while writing the workbook")

    monkeypatch.setattr(workbook, "write", broken)  # runs in a forked process, which inherits the patch
    inputs = generate.load()
    with pytest.raises(RuntimeError, match="writing the workbook failed(.|\n)*disk full"):
        downloads.build(inputs.pkg, inputs.release, inputs.citation_cff)


def test_fill_writes_size_and_checksum_and_leaves_other_text_alone():
    from spf.sitegen import downloads, late

    planned = downloads.Planned("a-v1.csv", "csv", "a", "a.csv")
    made = {"a-v1.csv": ("2.0 KB", "f" * 64)}
    text = f"<td>{planned.size_text}</td><code>{planned.sha256}</code> @@spf-download:size:b@@"
    assert late.fill_downloads(text, made) == f"<td>2.0 KB</td><code>{'f' * 64}</code> @@spf-download:size:b@@"


@pytest.mark.repo_data
def test_the_release_job_writes_the_downloads_and_fills_the_pages(tmp_path):
    from spf.sitegen import downloads, generate
    from spf.sitegen.late import ReleaseJob

    inputs = generate.load()
    job = ReleaseJob(downloads.write_release, inputs, tmp_path)
    planned = downloads.plan(inputs.pkg, inputs.release)[0]
    filled = job.fill(f"{planned.size_text} {planned.sha256}")
    written = (tmp_path / downloads.folder(inputs.release) / planned.name).read_bytes()
    assert filled == f"{downloads.human_size(len(written))} {hashlib.sha256(written).hexdigest()}"
    assert (tmp_path / "downloads/latest" / planned.latest_name).read_bytes() == written


@pytest.mark.repo_data
def test_the_workbook_says_where_a_cell_was_cut():
    import io

    import openpyxl

    from spf.sitegen import generate, workbook
    from spf.sitegen.downloads import typed_rows

    inputs = generate.load()
    tables = {r["name"]: typed_rows(inputs.pkg, r) for r in inputs.pkg.descriptor["resources"]}
    header, rows = tables["sources"]
    rows = [list(r) for r in rows]
    notes = header.index("notes")
    rows[1][notes] = "x" * (workbook.CELL_LIMIT + 10)
    tables["sources"] = (header, rows)
    book = openpyxl.load_workbook(io.BytesIO(workbook.write(inputs.pkg, inputs.release, tables)), read_only=True)
    readme = [" ".join(str(c) for c in r if c is not None) for r in book["README"].iter_rows(values_only=True)]
    assert any("sources, row 3, column notes: 32,777 characters cut to 32,767" in line for line in readme)
    assert len(next(book["sources"].iter_rows(min_row=3, max_row=3, values_only=True))[notes]) == workbook.CELL_LIMIT
