"""The release as linked data, for dataset search engines and open-data portals:

- schema.org `Dataset` JSON-LD on the data pages (the whole package on data/, one resource on each
  data/<resource>/), written into the page as `<script type="application/ld+json">`;
- a DCAT-AP catalogue of the release (JSON-LD: one dcat:Dataset per resource, one dcat:Distribution per
  file, with its size and SHA-256), a download of the release itself (catalog-v<version>.jsonld, and
  catalog.jsonld in downloads/latest/), listed in SHA256SUMS and on the data page.

Addresses are absolute from the published address (published.py); a build without one writes none: the page
markup leaves `url` and `contentUrl` out, and the catalogue uses references relative to its own file (which
RDF readers resolve against the address they fetched it from). Text from the package reaches the page only
through json.dumps with `<`, `>`, `&` and `@` written as \\u escapes, so it can close no element and form no
build placeholder.
"""

from __future__ import annotations

import json

from spf.sitegen import freshness
from spf.sitegen.components import Block
from spf.sitegen.published import absolute, root

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
    "dcat": "application/ld+json",
}
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def script(doc: dict) -> Block:
    """A JSON-LD script element whose text can never end the element or form a placeholder."""
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char in "<>&@":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Block(f'<script type="application/ld+json">{text}</script>')


def _agent(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def _span(span: tuple[int, int] | None) -> dict:
    return {"temporalCoverage": f"{span[0]}/{span[1]}"} if span else {}


def _distribution(d, release) -> dict:
    entry = {"@type": "DataDownload", "name": d.name, "encodingFormat": MEDIA_TYPES[d.kind]}
    if url := root(f"downloads/{release.tag}/{d.name}"):
        entry["contentUrl"] = url
    return entry


def _places(pkg, name: str | None) -> dict:
    """Countries named by the rows (iso3) as schema.org Places; the focus countries for the whole package."""
    if "countries" not in pkg.tables:
        return {}
    codes = pkg["countries"]["iso3"] if name is None else pkg[name].get("iso3")
    if codes is None:
        return {}
    names = sorted({pkg.countries[c]["name"] for c in codes.dropna().unique() if c in pkg.countries})
    return {"spatialCoverage": [{"@type": "Place", "name": n} for n in names]} if names else {}


def dataset(pkg, release, downloads: list, res: dict | None = None) -> dict:
    """The schema.org Dataset of the whole package (res None) or of one resource."""
    descriptor = pkg.descriptor
    name = None if res is None else res["name"]
    page = absolute("data/" if res is None else f"data/{name}/")
    doc = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": descriptor.get("title", "") if res is None else f"{res.get('title', name)} ({name})",
        "description": descriptor.get("description", "") if res is None else res.get("description", ""),
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "creator": _agent(release.publisher),
        "publisher": _agent(release.publisher),
        "version": release.version,
        "datePublished": release.date,
        "dateModified": release.date,
        "keywords": list(descriptor.get("keywords", [])),
        "creditText": release.citation(),
        **_span(freshness.package_years(pkg) if res is None else freshness.years(pkg, name)),
        **_places(pkg, name),
        # the whole package: every file of the release; a resource: its own files
        "distribution": [_distribution(d, release) for d in downloads if name is None or d.resource == name],
    }
    if res is not None:
        doc["variableMeasured"] = [f["name"] for f in res["schema"]["fields"]]
        doc["isPartOf"] = {"@type": "Dataset", "name": descriptor.get("title", "")}
        if whole := absolute("data/"):
            doc["isPartOf"]["url"] = whole
    if page:
        doc["url"] = page
    return doc


def _dcat_distribution(d, base: str, release) -> dict:
    url = f"{base}downloads/{release.tag}/{d.name}" if base else f"../{release.tag}/{d.name}"
    return {
        "@type": "dcat:Distribution",
        "dct:title": d.name,
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": "http://www.iana.org/assignments/media-types/" + MEDIA_TYPES[d.kind]},
        "dcat:byteSize": {"@value": str(d.size), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": d.sha256,
        },
        "dct:license": {"@id": LICENCE_URL},
    }


def _dcat_dataset(pkg, release, res: dict, made: list, base: str) -> dict:
    name = res["name"]
    page = f"{base}data/{name}/" if base else f"../../data/{name}/"
    doc = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": name,
        "dct:title": res.get("title", name),
        "dct:description": res.get("description", ""),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": release.publisher},
        "dct:license": {"@id": LICENCE_URL},
        "dct:issued": {"@value": release.date, "@type": "xsd:date"},
        "dcat:version": release.version,
        "dcat:keyword": list(pkg.descriptor.get("keywords", [])),
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": [_dcat_distribution(d, base, release) for d in made if d.resource == name],
    }
    if span := freshness.years(pkg, name):
        doc["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": str(span[0]), "@type": "xsd:gYear"},
            "dcat:endDate": {"@value": str(span[1]), "@type": "xsd:gYear"},
        }
    return doc


def catalogue(pkg, release, made: list) -> bytes:
    """The DCAT-AP catalogue (JSON-LD) of the release's files in `made`. The same bytes serve both folders
    (downloads/v<version>/catalog-v<version>.jsonld and downloads/latest/catalog.jsonld): without a published
    address its references, relative to the file, lead to the versioned files from either folder."""
    base = release.site_url
    doc = {
        "@context": DCAT_CONTEXT,
        "@id": f"{base}downloads/{release.tag}/catalog-{release.tag}.jsonld" if base else "",
        "@type": "dcat:Catalog",
        "dct:title": pkg.descriptor.get("title", ""),
        "dct:description": pkg.descriptor.get("description", ""),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": release.publisher},
        "dct:license": {"@id": LICENCE_URL},
        "dct:issued": {"@value": release.date, "@type": "xsd:date"},
        "dcat:version": release.version,
        "foaf:homepage": {"@id": f"{base}data/" if base else "../../data/"},
        "dcat:dataset": [_dcat_dataset(pkg, release, r, made, base) for r in pkg.descriptor["resources"]],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode()
