"""The OpenAPI 3.1 description of the static JSON API (api.py), generated with it: its row schemas come from
the package's Table Schemas, so the description always says what the files hold. Its server is the API's
published address, or, without one, `v1` relative to the description itself (api/openapi.json)."""

from __future__ import annotations

from spf.sitegen.release import Release

REF = "#/components/schemas/"


def _ref(name: str) -> dict:
    return {"$ref": REF + name}


def _rows(name: str) -> dict:
    return {"type": "array", "items": _ref(f"row_{name}")}


def _object(props: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": props, "required": required or list(props)}


def _schemas(rows: dict[str, dict]) -> dict:
    head = {
        "api": {"type": "string", "const": "v1"},
        "release": _object({"version": {"type": "string"}, "date": {"type": "string", "format": "date"}}),
        "licence": _object({"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}}),
    }
    listed = {"type": "string", "description": "a path relative to this file"}
    schemas = {f"row_{name}": schema for name, schema in rows.items()}
    sources = _rows("sources") if "sources" in rows else {"type": "array"}

    def part(resource: str) -> dict:
        return _rows(resource) if resource in rows else {"type": "array"}

    schemas.update(
        {
            "Index": _object({**head, "countries": listed, "measures": listed, "openapi": listed}),
            "CountryIndex": _object(
                {
                    **head,
                    "countries": {
                        "type": "array",
                        "items": _object({"iso3": {"type": "string"}, "name": {"type": "string"}, "path": listed}),
                    },
                }  # fmt: skip
            ),
            "Country": _object(
                {
                    **head,
                    "iso3": {"type": "string", "pattern": "^[A-Z]{3}$"},
                    "name": {"type": "string"},
                    "focus": part("focus_countries"),
                    "changes": part("institutional_changes"),
                    "coverage": part("coverage"),
                    "partners": part("partners"),
                    "sources": sources,
                }
            ),
            "MeasureIndex": _object(
                {
                    **head,
                    "measures": {
                        "type": "array",
                        "items": _object(
                            {"measure": {"type": "string"}, "figures": {"type": "integer"}, "path": listed}
                        ),
                    },
                }  # fmt: skip
            ),
            "Measure": _object(
                {**head, "measure": {"type": "string"}, "figures": part("headline_figures"), "sources": sources}
            ),  # fmt: skip
        }
    )
    return schemas


def _get(summary: str, schema: str, param: dict | None = None) -> dict:
    op = {
        "summary": summary,
        "operationId": "get" + schema,
        "responses": {
            "200": {"description": summary, "content": {"application/json": {"schema": _ref(schema)}}},
            "404": {"description": "No such file: the identifier is not in this release."},
        },
    }
    if param:
        op["parameters"] = [param]
    return {"get": op}


def _param(name: str, pattern: str, what: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": what,
            "schema": {"type": "string", "pattern": pattern}}  # fmt: skip


def document(pkg, release: Release, rows: dict[str, dict]) -> dict:
    server = release.site_url + "api/v1" if release.site_url else "v1"
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{pkg.descriptor.get('title', '')}: JSON API",
            "version": release.version,
            "summary": "Static JSON files of one release: one per country and one per measure.",
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": server}],
        "paths": {
            "/index.json": _get("The release and where everything is", "Index"),
            "/countries/index.json": _get("Every country with a page", "CountryIndex"),
            "/countries/{iso3}.json": _get(
                "One country's rows and their sources",
                "Country",
                _param("iso3", "^[A-Z]{3}$", "ISO 3166-1 alpha-3 code, upper case"),
            ),
            "/measures/index.json": _get("Every measure of the headline figures", "MeasureIndex"),
            "/measures/{measure}.json": _get(
                "One measure's figures and their sources",
                "Measure",
                _param("measure", "^[a-z0-9_]+$", "a measure id of headline_figures.csv"),
            ),
        },
        "components": {"schemas": _schemas(rows)},
    }
