"""The static JSON API (issue 21, item 3): an OpenAPI 3.1 description that validates, paths that stay stable,
every file there and valid against its schema, rows exactly the package's, and identifiers that cannot name
a file outside the API."""

from __future__ import annotations

import csv
import json
import re

import jsonschema
import pandas as pd
import pytest
from openapi_spec_validator import validate

from conftest import ROOT
from spf.sitegen import api, generate

pytestmark = pytest.mark.repo_data  # these read the site built from the repository's package

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
VERSION = DESCRIPTOR["version"]
# The contract: these paths stay (additive changes only).
PINNED = {"/index.json", "/countries/index.json", "/countries/{iso3}.json", "/measures/index.json",
          "/measures/{measure}.json"}  # fmt: skip


@pytest.fixture(scope="module")
def spec(built_site):
    return json.loads((built_site / "api/openapi.json").read_text(encoding="utf-8"))


def check(doc: dict, spec: dict, name: str) -> None:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "components": spec["components"],
              "$ref": f"#/components/schemas/{name}"}  # fmt: skip
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)


def test_the_openapi_description_validates_and_keeps_its_paths(spec, site_url):
    validate(spec)
    assert spec["openapi"] == "3.1.0" and spec["info"]["version"] == VERSION
    assert PINNED <= set(spec["paths"])
    assert spec["servers"] == [{"url": f"{site_url}/api/v1"}]


def test_every_file_exists_and_matches_its_schema(built_site, spec):
    v1 = built_site / "api/v1"
    index = json.loads((v1 / "index.json").read_text(encoding="utf-8"))
    check(index, spec, "Index")
    assert index["release"]["version"] == VERSION
    countries = json.loads((v1 / index["countries"]).read_text(encoding="utf-8"))
    measures = json.loads((v1 / index["measures"]).read_text(encoding="utf-8"))
    check(countries, spec, "CountryIndex")
    check(measures, spec, "MeasureIndex")
    listed = {c["iso3"] for c in countries["countries"]}
    assert listed == set(pd.read_csv(ROOT / "data/countries.csv", dtype=str)["iso3"])
    for c in countries["countries"]:
        check(json.loads((v1 / "countries" / c["path"]).read_text(encoding="utf-8")), spec, "Country")
    figures = pd.read_csv(ROOT / "data/headline_figures.csv", dtype=str)
    assert {m["measure"] for m in measures["measures"]} == set(figures["measure"])
    for m in measures["measures"]:
        doc = json.loads((v1 / "measures" / m["path"]).read_text(encoding="utf-8"))
        check(doc, spec, "Measure")
        assert len(doc["figures"]) == m["figures"] == (figures["measure"] == m["measure"]).sum()
    assert (v1 / index["openapi"]).resolve() == (built_site / "api/openapi.json").resolve()


def test_a_country_file_holds_exactly_the_packages_rows_and_their_sources(built_site):
    doc = json.loads((built_site / "api/v1/countries/TGO.json").read_text(encoding="utf-8"))
    records = json.loads((built_site / "downloads/latest/institutional_changes.json").read_text(encoding="utf-8"))
    assert doc["changes"] == [r for r in records if r["iso3"] == "TGO"] and doc["changes"]
    coverage = json.loads((built_site / "downloads/latest/coverage.json").read_text(encoding="utf-8"))
    assert doc["coverage"] == [r for r in coverage if r["area_code"] == "TGO"]
    rows = [r for part in ("focus", "changes", "coverage", "partners") for r in doc[part]]
    cells = [str(r.get(col) or "") for r in rows for col in ("source_id", "people_source_id")]
    cited = {s.strip() for cell in cells for s in cell.split(";") if s.strip()}
    assert {s["source_id"] for s in doc["sources"]} == cited


def test_the_data_pages_link_to_the_api_in_every_language(built_site):
    for page in ("data/index.html", "fr/data/index.html", "es/data/index.html"):
        hrefs = re.findall(r'href="([^"]*api/[^"]+)"', (built_site / page).read_text(encoding="utf-8"))
        assert len(hrefs) == 2
        assert all(((built_site / page).parent / h).resolve().is_file() for h in hrefs), (page, hrefs)


def test_the_api_is_deterministic_and_an_unsafe_identifier_fails_clearly(package):
    inputs = generate.load(package())
    assert api.files(inputs.pkg, inputs.release) == api.files(inputs.pkg, inputs.release)
    without = api.openapi(inputs.pkg, inputs.release)
    assert without["servers"] == [{"url": "v1"}]  # no address: relative to the description
    path = inputs.pkg.root / "data/headline_figures.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index("measure")] = "../../index"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(ValueError, match=r"measure '\.\./\.\./index' cannot name a file"):
        api.files(inputs.pkg, inputs.release)
