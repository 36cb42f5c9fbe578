"""A static JSON API of the release under api/v1/, for asking for one country or one measure without
downloading a whole table, described by an OpenAPI 3.1 document (api/openapi.json):

    api/v1/index.json                 the release, and where everything is
    api/v1/countries/index.json       every country with a page: ISO3, name, path
    api/v1/countries/{iso3}.json      its focus-country rows, institutional changes, coverage, partners, sources
    api/v1/measures/index.json        every measure of headline_figures: id, path, number of figures
    api/v1/measures/{measure}.json    its figures and their sources

Generated from the package at build time by the release job (written once, at the site's root, whatever the
language). The rows are the package's rows exactly as the JSON downloads have them (numbers typed by the Table
Schema, empty cells null), in the CSV's order, so the files are deterministic. The paths are a contract:
additive changes only (tests/test_api.py pins them). Identifiers become file names only when they are
file-safe (the Table Schemas' patterns say so too); anything else fails the build with a clear error.
"""

from __future__ import annotations

import json
import re

from spf.sitegen.release import Release

VERSION = "v1"
ROOT = f"api/{VERSION}"
OPENAPI = "api/openapi.json"
SAFE = {"iso3": re.compile(r"[A-Z]{3}"), "measure": re.compile(r"[a-z0-9_]+")}
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
JSON_TYPES = {"integer": "integer", "number": "number", "boolean": "boolean"}


def _dump(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n").encode()


def _safe(kind: str, value: str) -> str:
    if not SAFE[kind].fullmatch(value):
        raise ValueError(f"{kind} {value!r} cannot name a file of the JSON API (expected {SAFE[kind].pattern})")
    return value


def records(pkg) -> dict[str, list[dict]]:
    """Every resource's rows as the JSON downloads have them."""
    from spf.sitegen.downloads import typed_rows

    out = {}
    for res in pkg.descriptor["resources"]:
        header, rows = typed_rows(pkg, res)
        out[res["name"]] = [dict(zip(header, r, strict=True)) for r in rows]
    return out


def _ids(rows: list[dict]) -> set[str]:
    found = set()
    for r in rows:
        for col in ("source_id", "people_source_id"):
            found |= {s.strip() for s in str(r.get(col) or "").split(";") if s.strip()}
    return found


def _head(release: Release) -> dict:
    return {"api": VERSION, "release": {"version": release.version, "date": release.date}, "licence": LICENCE}


def _sources(recs: dict, rows: list[dict]) -> list[dict]:
    wanted = _ids(rows)
    return [s for s in recs.get("sources", []) if s["source_id"] in wanted]


def country(recs: dict, iso3: str, name: str, release: Release) -> dict:
    """One country: its rows of each resource that names it (partners: by name, as the package writes them)."""
    parts = {
        "focus": [r for r in recs.get("focus_countries", []) if r["iso3"] == iso3],
        "changes": [r for r in recs.get("institutional_changes", []) if r["iso3"] == iso3],
        "coverage": [r for r in recs.get("coverage", []) if r["area_code"] == iso3],
        "partners": [
            r for r in recs.get("partners", []) if name in [c.strip() for c in str(r["countries"] or "").split(";")]
        ],
    }
    rows = [r for part in parts.values() for r in part]
    return {**_head(release), "iso3": iso3, "name": name, **parts, "sources": _sources(recs, rows)}


def measure(recs: dict, measure_id: str, release: Release) -> dict:
    figures = [r for r in recs.get("headline_figures", []) if r["measure"] == measure_id]
    return {**_head(release), "measure": measure_id, "figures": figures, "sources": _sources(recs, figures)}


def files(pkg, release: Release) -> dict[str, bytes]:
    """{site path: bytes} of every file of the API and its OpenAPI description."""
    recs = records(pkg)
    countries = [(_safe("iso3", r["iso3"]), r["name"]) for r in recs.get("countries", [])]
    measures = sorted({_safe("measure", r["measure"]) for r in recs.get("headline_figures", [])})
    out = {f"{ROOT}/countries/{iso3}.json": _dump(country(recs, iso3, name, release)) for iso3, name in countries}
    out.update({f"{ROOT}/measures/{m}.json": _dump(measure(recs, m, release)) for m in measures})
    count = {m: sum(r["measure"] == m for r in recs.get("headline_figures", [])) for m in measures}
    out[f"{ROOT}/countries/index.json"] = _dump(
        {**_head(release), "countries": [{"iso3": i, "name": n, "path": f"{i}.json"} for i, n in countries]}
    )
    out[f"{ROOT}/measures/index.json"] = _dump(
        {**_head(release), "measures": [{"measure": m, "figures": count[m], "path": f"{m}.json"} for m in measures]}
    )
    out[f"{ROOT}/index.json"] = _dump(
        {
            **_head(release),
            "countries": "countries/index.json",
            "measures": "measures/index.json",
            "openapi": "../openapi.json",
        }
    )
    out[OPENAPI] = (json.dumps(openapi(pkg, release), ensure_ascii=False, indent=1) + "\n").encode()
    return out


def row_schema(res: dict) -> dict:
    """A resource's row as JSON Schema, from its Table Schema (every value may be null: empty cells are)."""
    props = {}
    for f in res["schema"]["fields"]:
        prop = {"type": [JSON_TYPES.get(f.get("type"), "string"), "null"]}
        if f.get("description"):
            prop["description"] = f["description"]
        props[f["name"]] = prop
    return {"type": "object", "properties": props, "required": [f["name"] for f in res["schema"]["fields"]]}


def openapi(pkg, release: Release) -> dict:
    from spf.sitegen.api_spec import document

    return document(pkg, release, {r["name"]: row_schema(r) for r in pkg.descriptor["resources"]})
