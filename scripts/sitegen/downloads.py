"""Every download of a release: per-resource CSV (byte-identical to data/) and JSON, one XLSX workbook, the
whole package as a zip, and SHA256SUMS. Each file exists twice: under downloads/v<version>/ with the version
in its name, and under downloads/latest/ with a stable name.

All files are deterministic (fixed timestamps inside the zip and the workbook), so the same data gives the
same checksums on every build.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

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


def typed_rows(pkg, res: dict) -> tuple[list[str], list[list]]:
    """(header, rows) of a resource read straight from its CSV, numbers typed by the schema, empty as None."""
    types = {f["name"]: f.get("type", "string") for f in res["schema"]["fields"]}
    with open(pkg.root / res["path"], encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        convert = [int if types.get(n) == "integer" else _number if types.get(n) == "number" else str for n in header]
        rows = [[conv(c) if c != "" else None for conv, c in zip(convert, r, strict=True)] for r in reader]
    return header, rows


def _number(text: str):
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


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


def workbook(pkg, release: Release, tables: dict[str, tuple[list[str], list[list]]]) -> bytes:
    """One sheet per resource and a README sheet (title, version, licence, citation, sources); `tables` holds
    each resource's typed_rows().

    Written with XlsxWriter (pandas' own XLSX engine) in constant-memory mode: rows stream to disk, and
    with a fixed creation date the bytes are the same on every build (XlsxWriter stamps the zip entries
    with a fixed date)."""
    from datetime import datetime

    import xlsxwriter

    with tempfile.TemporaryDirectory(prefix="spf-xlsx-") as tmp:
        target = Path(tmp) / "book.xlsx"
        options = {
            "constant_memory": True,
            "tmpdir": tmp,
            # cells are data: never turn text into numbers, formulas or links
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        }
        with xlsxwriter.Workbook(target, options) as wb:
            stamp = datetime.fromisoformat(release.date).replace(tzinfo=UTC)
            wb.set_properties({"title": release.title, "author": release.publisher, "created": stamp})
            bold = wb.add_format({"bold": True})
            readme = wb.add_worksheet("README")
            line = 0
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
                if row:
                    readme.write_string(line, 0, row[0], bold)
                    readme.write_row(line, 1, row[1:])
                line += 1
            readme.write_row(line, 0, ["source_id", "title", "publisher", "url"], bold)
            for src in pkg["sources"].to_dict("records"):
                line += 1
                readme.write_row(line, 0, [src["source_id"], src["title"], src["publisher"], src["url"]])
            for res in pkg.descriptor["resources"]:
                ws = wb.add_worksheet(res["name"][:31])
                ws.freeze_panes(1, 0)
                header, rows = tables[res["name"]]
                ws.write_row(0, 0, header, bold)
                for i, row in enumerate(rows, start=1):
                    ws.write_row(i, 0, row)
        return target.read_bytes()


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
    tables = {res["name"]: typed_rows(pkg, res) for res in pkg.descriptor["resources"]}
    for res in pkg.descriptor["resources"]:
        name = res["name"]
        raw = (pkg.root / res["path"]).read_bytes()
        out.append(Download(f"{name}-{v}.csv", "csv", name, raw, f"{name}.csv"))
        header, rows = tables[name]
        lines = [json.dumps(dict(zip(header, r, strict=True)), ensure_ascii=False, allow_nan=False) for r in rows]
        body = "[\n" + ",\n".join(lines) + "\n]\n"  # one record per line
        out.append(Download(f"{name}-{v}.json", "json", name, body.encode(), f"{name}.json"))
    out.append(
        Download(f"{PACKAGE_STEM}-{v}.xlsx", "xlsx", None, workbook(pkg, release, tables), f"{PACKAGE_STEM}.xlsx")
    )
    out.append(
        Download(f"{PACKAGE_STEM}-{v}.zip", "zip", None, package_zip(pkg, release, citation_cff), f"{PACKAGE_STEM}.zip")
    )
    return out


def cache_key(pkg, release: Release, citation_cff: str) -> str:
    """Everything the downloads depend on: the package files, the release, and this code."""
    digest = hashlib.sha256()
    for part in [
        (pkg.root / "datapackage.json").read_bytes(),
        repr(release).encode(),
        citation_cff.encode(),
        Path(__file__).read_bytes(),
    ]:
        digest.update(hashlib.sha256(part).digest())
    for res in pkg.descriptor["resources"]:
        digest.update(hashlib.sha256((pkg.root / res["path"]).read_bytes()).digest())
    return digest.hexdigest()


def build_cached(pkg, release: Release, citation_cff: str, cache_dir: Path | None) -> list[Download]:
    """build(), reusing the files of an earlier build with the same inputs (they are deterministic, so a
    cached file is byte-identical to a fresh one). The workbook of a large package takes many seconds."""
    if cache_dir is None:
        return build(pkg, release, citation_cff)
    entry = cache_dir / cache_key(pkg, release, citation_cff)
    manifest = entry / "manifest.json"
    if manifest.is_file():
        items = json.loads(manifest.read_text(encoding="utf-8"))
        return [
            Download(i["name"], i["kind"], i["resource"], (entry / i["name"]).read_bytes(), i["latest_name"])
            for i in items
        ]
    made = build(pkg, release, citation_cff)
    shutil.rmtree(cache_dir, ignore_errors=True)  # keep one entry: the cache never grows
    entry.mkdir(parents=True)
    for d in made:
        (entry / d.name).write_bytes(d.content)
    manifest.write_text(
        json.dumps(
            [{"name": d.name, "kind": d.kind, "resource": d.resource, "latest_name": d.latest_name} for d in made]
        ),
        encoding="utf-8",
    )
    return made


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
