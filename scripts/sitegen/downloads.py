"""Every download of a release: per-resource CSV (byte-identical to data/) and JSON, one XLSX workbook, the
whole package as a zip, and SHA256SUMS. Each file exists twice: under downloads/v<version>/ with the version
in its name, and under downloads/latest/ with a stable name.

All files are deterministic (fixed timestamps inside the zip and the workbook), so the same data gives the
same checksums on every build.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import zipfile
from dataclasses import dataclass

import pandas as pd

from sitegen.release import Release

PACKAGE_STEM = "spf-flagship-data"
LICENCE_NOTE = (
    "This compilation is licensed under the Creative Commons Attribution 4.0 International licence (CC BY 4.0):\n"
    "https://creativecommons.org/licenses/by/4.0/\n\n"
    "You may share and adapt it for any purpose if you give appropriate credit (see CITATION.cff).\n"
    "The underlying sources listed in data/sources.csv keep their own terms of use.\n"
)


@dataclass(frozen=True)
class Download:
    name: str  # file name inside the folder
    kind: str  # csv | json | xlsx | zip | sums
    resource: str | None
    content: bytes
    latest_name: str

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def folder(release: Release) -> str:
    return f"downloads/{release.tag}"


def _plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def records(df: pd.DataFrame) -> list[dict]:
    return [{k: _plain(v) if v != "" else None for k, v in row.items()} for row in df.to_dict("records")]


def _fixed_zip(entries: list[tuple[str, bytes]], date: str) -> bytes:
    stamp = (int(date[:4]), int(date[5:7]), int(date[8:10]), 0, 0, 0)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def workbook(pkg, release: Release) -> bytes:
    """One sheet per resource and a README sheet (title, version, licence, citation, sources)."""
    from datetime import datetime

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    readme = wb.active
    readme.title = "README"
    bold = Font(bold=True)
    for row in [
        ("Title", release.title),
        ("Version", release.version),
        ("Released", release.date),
        ("Licence", "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); sources keep their own terms"),
        ("Citation", release.citation()),
        ("Description", pkg.descriptor.get("description", "")),
        ("Sheets", "One sheet per resource; column meanings are in datapackage.json and on the data pages."),
        (),
        ("Sources", ""),
    ]:
        readme.append(list(row))
    readme.append(["source_id", "title", "publisher", "url"])
    for s in pkg["sources"].to_dict("records"):
        readme.append([s["source_id"], s["title"], s["publisher"], s["url"]])
    for cell in readme["A"]:
        cell.font = bold
    for res in pkg.descriptor["resources"]:
        ws = wb.create_sheet(res["name"][:31])
        df = pkg[res["name"]]
        ws.append(list(df.columns))
        for cell in ws[1]:
            cell.font = bold
        for row in records(df):
            ws.append(list(row.values()))
        ws.freeze_panes = "A2"
    stamp = datetime.fromisoformat(release.date)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = release.publisher
    wb.properties.title = release.title
    raw = io.BytesIO()
    wb.save(raw)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as zf:  # re-pack with fixed timestamps
        entries = [(i.filename, zf.read(i.filename)) for i in sorted(zf.infolist(), key=lambda i: i.filename)]
    # openpyxl stamps the save time into docProps/core.xml; use the release date instead
    fixed = f"{release.date}T00:00:00Z".encode()
    entries = [
        (
            n,
            re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + fixed + rb"\g<2>", d)
            if n == "docProps/core.xml"
            else d,
        )
        for n, d in entries
    ]
    return _fixed_zip(entries, release.date)


def data_card(pkg, release: Release) -> str:
    lines = [
        f"# {release.title}",
        "",
        f"Version {release.version}, released {release.date}.",
        "",
        pkg.descriptor.get("description", ""),
        "",
        "## Resources",
        "",
    ]
    for res in pkg.descriptor["resources"]:
        lines.append(f"- `{res['path']}` ({len(pkg[res['name']])} rows): {res.get('description', '')}")
    lines += [
        "",
        "## Validate",
        "",
        "    pip install frictionless && frictionless validate datapackage.json",
        "",
        "## Verification labels",
        "",
        "- verified: seen in an official ILO or UN publication",
        "- reported: an official statement or official data republished by an independent outlet",
        "- unverified: an unofficial or uncorroborated source",
        "",
        "## How to cite",
        "",
        release.citation(),
        "",
        "## Licence",
        "",
        LICENCE_NOTE,
    ]
    return "\n".join(lines)


def package_zip(pkg, release: Release, citation_cff: str) -> bytes:
    entries = [("datapackage.json", (pkg.root / "datapackage.json").read_bytes())]
    for res in pkg.descriptor["resources"]:
        entries.append((res["path"], (pkg.root / res["path"]).read_bytes()))
    entries += [
        ("README.md", data_card(pkg, release).encode()),
        ("LICENSE.txt", LICENCE_NOTE.encode()),
        ("CITATION.cff", citation_cff.encode()),
    ]
    return _fixed_zip(entries, release.date)


def build(pkg, release: Release, citation_cff: str) -> list[Download]:
    v = release.tag
    out = []
    for res in pkg.descriptor["resources"]:
        name = res["name"]
        raw = (pkg.root / res["path"]).read_bytes()
        out.append(Download(f"{name}-{v}.csv", "csv", name, raw, f"{name}.csv"))
        lines = [json.dumps(r, ensure_ascii=False, allow_nan=False) for r in records(pkg[name])]
        body = "[\n" + ",\n".join(lines) + "\n]\n"  # one record per line
        out.append(Download(f"{name}-{v}.json", "json", name, body.encode(), f"{name}.json"))
    out.append(Download(f"{PACKAGE_STEM}-{v}.xlsx", "xlsx", None, workbook(pkg, release), f"{PACKAGE_STEM}.xlsx"))
    out.append(
        Download(f"{PACKAGE_STEM}-{v}.zip", "zip", None, package_zip(pkg, release, citation_cff), f"{PACKAGE_STEM}.zip")
    )
    return out


def sums(downloads: list[Download], latest: bool) -> bytes:
    """SHA256SUMS in the format `sha256sum -c` reads."""
    lines = [f"{d.sha256}  {d.latest_name if latest else d.name}" for d in downloads]
    return ("\n".join(lines) + "\n").encode()


def files(downloads: list[Download], release: Release) -> dict[str, bytes]:
    """{site path: bytes} for both folders, with their SHA256SUMS."""
    out = {}
    for d in downloads:
        out[f"{folder(release)}/{d.name}"] = d.content
        out[f"downloads/latest/{d.latest_name}"] = d.content
    out[f"{folder(release)}/SHA256SUMS"] = sums(downloads, latest=False)
    out["downloads/latest/SHA256SUMS"] = sums(downloads, latest=True)
    return out
