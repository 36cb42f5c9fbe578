"""Canonical form of the package's CSV files, so that a pull request's diff shows only real changes.

Canonical means: UTF-8 without BOM, LF line endings, the header in the schema's field order, cells without
leading or trailing spaces, minimal quoting, and rows sorted by the resource's primary key (numbers as
numbers, empty cells first). The schema in datapackage.json is the only configuration.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from paths import DATAPACKAGE, ROOT


def load_descriptor(path: Path = DATAPACKAGE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def resource_schema(name: str, descriptor: dict | None = None) -> dict:
    descriptor = descriptor or load_descriptor()
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource
    raise KeyError(f"datapackage.json has no resource named {name!r}")


def _sort_key(row: dict, fields: list[dict], key: list[str]):
    types = {f["name"]: f.get("type", "string") for f in fields}
    out = []
    for name in key:
        value = (row.get(name) or "").strip()
        if types.get(name) in ("integer", "number"):
            try:
                out.append((1, float(value), ""))
            except ValueError:
                out.append((0 if not value else 2, 0.0, value))
        else:
            out.append((1 if value else 0, 0.0, value))
    return out


def canonical_text(resource: dict, rows: list[dict]) -> str:
    """The canonical file content for these rows of this resource."""
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    key = resource["schema"].get("primaryKey") or names
    key = [key] if isinstance(key, str) else key
    clean = [{n: ("" if row.get(n) is None else str(row.get(n))).strip() for n in names} for row in rows]
    clean.sort(key=lambda r: _sort_key(r, fields, key))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows(clean)
    return buf.getvalue()


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(name: str, rows: list[dict], root: Path = ROOT) -> Path:
    resource = resource_schema(name, load_descriptor(root / "datapackage.json"))
    path = root / resource["path"]
    path.write_bytes(canonical_text(resource, rows).encode("utf-8"))
    return path


def is_canonical(resource: dict, root: Path = ROOT) -> bool:
    path = root / resource["path"]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return text == canonical_text(resource, read_rows(path))
