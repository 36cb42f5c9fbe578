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
import re
import shutil
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spf import csvsafe
from spf.canonical import file_facts
from spf.forked import Forked
from spf.sitegen import i18n, parquet, workbook
from spf.sitegen.i18n import pgettext
from spf.sitegen.late import download_placeholder
from spf.sitegen.release import Release

PACKAGE_STEM = "spf-flagship-data"
LICENCE_NOTE = (
    "This compilation is licensed under the Creative Commons Attribution 4.0 International licence (CC BY 4.0):\n"
    "https://creativecommons.org/licenses/by/4.0/\n\n"
    "You may share and adapt it for any purpose if you give appropriate credit (see CITATION.cff).\n"
    "The underlying sources listed in data/sources.csv keep their own terms of use.\n"
)


def human_size(n: int) -> str:
    for unit, factor in (("MB", 1e6), ("KB", 1e3)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}"
    return f"{n} B"


_SIZE = re.compile(r"(\d+(?:\.\d+)?) (MB|KB|B)")


def local_size(english: str, lang: str) -> str:
    """A size human_size wrote ('80.5 KB') in a page's language: '80,5 ko', '80,5 kB' (Babel's decimal mark,
    the catalogue's unit symbol). English, and any other text, as written."""
    m = _SIZE.fullmatch(english)
    if lang == i18n.DEFAULT or m is None:
        return english
    with i18n.using(lang):
        size = i18n.decimal(m.group(1))
        units = {
            "MB": pgettext("file size", "{size} MB", size=size),
            "KB": pgettext("file size", "{size} KB", size=size),
            "B": pgettext("file size", "{size} bytes", size=size),
        }
        return str(units[m.group(2)])


@dataclass(frozen=True)
class Planned:
    """A download before it is built: what the pages need to link to it. Its size and checksum are
    placeholders, which late.py fills in the rendered page once the file exists."""

    name: str  # file name inside the folder
    kind: str  # csv | json | parquet | xlsx | zip | dcat
    resource: str | None
    latest_name: str

    @property
    def size_text(self) -> str:
        return download_placeholder("size", self.name)

    @property
    def sha256(self) -> str:
        return download_placeholder("sha256", self.name)


@dataclass(frozen=True)
class Download(Planned):
    content: bytes = b""

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def size_text(self) -> str:
        return human_size(self.size)

    @cached_property
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
        "`parquet/<resource>.parquet`: the same rows as Parquet, typed from the Table Schema (not part of the",
        "Frictionless package; for DuckDB, Polars, Arrow, pandas and R).",
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


def released_descriptor(pkg) -> bytes:
    """The package's datapackage.json as released: each resource gets the `bytes` and `hash` of its file, which
    the source descriptor leaves out (an edit in the browser could never keep them right)."""
    descriptor = json.loads((pkg.root / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        res.update(file_facts(published_csv(pkg, res)))
    return (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def package_zip(pkg, release: Release, citation_cff: str, extra: list[tuple[str, bytes]] = ()) -> bytes:
    entries = [("datapackage.json", released_descriptor(pkg))]
    for res in pkg.descriptor["resources"]:
        entries.append((res["path"], published_csv(pkg, res)))
    entries += list(extra)
    entries += [
        ("README.md", data_card(pkg, release).encode()),
        ("LICENSE.txt", LICENCE_NOTE.encode()),
        ("CITATION.cff", release.cff(citation_cff).encode()),
    ]
    return _fixed_zip(entries, release.date)


def parquet_content(pkg, name: str, table: tuple[str, list], release: Release) -> bytes:
    res = next(r for r in pkg.descriptor["resources"] if r["name"] == name)
    return parquet.table_bytes(res, table[0], table[1], release.version)


def parquet_entries(pkg, tables: dict, release: Release) -> list[tuple[str, bytes]]:
    """The zip's Parquet copies, beside the CSVs: parquet/<resource>.parquet (not resources of the package)."""
    return [
        (f"parquet/{res['name']}.parquet", parquet_content(pkg, res["name"], tables[res["name"]], release))
        for res in pkg.descriptor["resources"]
    ]


def plan(pkg, release: Release) -> list[Planned]:
    """Every download of the release, in the order of the data pages and SHA256SUMS."""
    v = release.tag
    out = []
    for res in pkg.descriptor["resources"]:
        name = res["name"]
        out.append(Planned(f"{name}-{v}.csv", "csv", name, f"{name}.csv"))
        out.append(Planned(f"{name}-{v}.json", "json", name, f"{name}.json"))
        out.append(Planned(f"{name}-{v}.parquet", "parquet", name, f"{name}.parquet"))
    out.append(Planned(f"{PACKAGE_STEM}-{v}.xlsx", "xlsx", None, f"{PACKAGE_STEM}.xlsx"))
    out.append(Planned(f"{PACKAGE_STEM}-{v}.zip", "zip", None, f"{PACKAGE_STEM}.zip"))
    out.append(Planned(f"catalog-{v}.jsonld", "dcat", None, "catalog.jsonld"))  # describes the others: last
    return out


def published_csv(pkg, res: dict) -> bytes:
    """A resource's file as the release publishes it: byte for byte the file in data/ (the validator refuses
    formula-like text, so a valid package has none), else with its formula-like text cells neutralised."""
    fields = res.get("schema", {}).get("fields", [])
    text_columns = {f["name"] for f in fields if f.get("type", "string") not in ("integer", "number")}
    return csvsafe.neutralised_file((pkg.root / res["path"]).read_bytes(), text_columns)


def build(pkg, release: Release, citation_cff: str) -> list[Download]:
    tables = {res["name"]: typed_rows(pkg, res) for res in pkg.descriptor["resources"]}
    # the workbook is the slowest file by far: a second process writes it while this one does the rest
    book = Forked("writing the workbook", workbook.write, pkg, release, tables)
    resources = {res["name"]: res for res in pkg.descriptor["resources"]}
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode  # one encoder: json.dumps makes one per call

    def content(p: Planned) -> bytes:
        if p.kind == "csv":  # byte for byte the file in data/, unless a text cell would run as a formula
            return published_csv(pkg, resources[p.resource])
        if p.kind == "json":
            header, rows = tables[p.resource]
            lines = [encode(dict(zip(header, r, strict=True))) for r in rows]
            return ("[\n" + ",\n".join(lines) + "\n]\n").encode()  # one record per line
        if p.kind == "parquet":
            return parquet_content(pkg, p.resource, tables[p.resource], release)
        return package_zip(pkg, release, citation_cff, parquet_entries(pkg, tables, release))

    planned = plan(pkg, release)
    contents = {p.name: content(p) for p in planned if p.kind not in ("xlsx", "dcat")}
    contents.update({p.name: book.result() for p in planned if p.kind == "xlsx"})  # waits for the workbook
    made = [Download(p.name, p.kind, p.resource, p.latest_name, contents[p.name]) for p in planned if p.kind != "dcat"]
    return made + described(pkg, release, made, [p for p in planned if p.kind == "dcat"])


def cache_key(pkg, release: Release, citation_cff: str) -> str:
    """Everything the downloads depend on: the package files, the release, this code and the XLSX engine."""
    digest = hashlib.sha256()
    for part in [
        (pkg.root / "datapackage.json").read_bytes(),
        repr(release).encode(),
        citation_cff.encode(),
        Path(__file__).read_bytes(),
        Path(csvsafe.__file__).read_bytes(),
        Path(workbook.__file__).read_bytes(),
        workbook.ENGINE.encode(),
        Path(parquet.__file__).read_bytes(),
        (Path(__file__).parent / "linked_data.py").read_bytes(),
        parquet.ENGINE.encode(),
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
            Download(i["name"], i["kind"], i["resource"], i["latest_name"], (entry / i["name"]).read_bytes())
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


def write_release(inputs, site_dir: Path) -> dict[str, tuple[str, str]]:
    """Build (or reuse from the cache) the downloads of `inputs` (generate.Inputs) and write them into
    site_dir; {file name: (size text, sha256)} for late.ReleaseJob."""
    made = build_cached(inputs.pkg, inputs.release, inputs.citation_cff, inputs.cache_dir)
    for path, content in {**files(made, inputs.release), **api_files(inputs)}.items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return {d.name: (d.size_text, d.sha256) for d in made}


def described(pkg, release: Release, made: list[Download], planned: list[Planned]) -> list[Download]:
    """The release's DCAT catalogue (linked_data.py) of the files in `made`; it holds their sizes and checksums,
    and is itself listed in SHA256SUMS."""
    from spf.sitegen import linked_data

    return [
        Download(p.name, p.kind, p.resource, p.latest_name, linked_data.catalogue(pkg, release, made)) for p in planned
    ]


def api_files(inputs) -> dict[str, bytes]:
    """The static JSON API of the release (api.py), written with the downloads, once, at the site's root."""
    from spf.sitegen import api

    return api.files(inputs.pkg, inputs.release)


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
