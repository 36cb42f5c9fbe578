"""Canonical form of the package's CSV files, so that a pull request's diff shows only real changes.

Canonical means: UTF-8 without BOM, LF line endings, the header in the schema's field order, cells without
leading or trailing spaces, minimal quoting, and rows sorted by the resource's primary key (numbers as
numbers, empty cells first). The schema in datapackage.json is the only configuration.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from spf.paths import DATAPACKAGE, ROOT


def load_descriptor(path: Path = DATAPACKAGE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def resource_schema(name: str, descriptor: dict | None = None) -> dict:
    descriptor = descriptor or load_descriptor()
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource
    raise KeyError(f"datapackage.json has no resource named {name!r}")


def _key_function(fields: list[dict], key: list[str], names: list[str]):
    """Sort key for a row given as a list in field order: numbers as numbers, empty cells first."""
    types = {f["name"]: f.get("type", "string") for f in fields}
    plan = [(names.index(k), types.get(k) in ("integer", "number")) for k in key if k in names]

    def sort_key(values: list[str]):
        out = []
        for i, numeric in plan:
            value = values[i]
            if numeric:
                try:
                    out.append((1, float(value), ""))
                except ValueError:
                    out.append((0 if not value else 2, 0.0, value))
            else:
                out.append((1 if value else 0, 0.0, value))
        return out

    return sort_key


def canonical_text(resource: dict, rows: list[dict]) -> str:
    """The canonical file content for these rows of this resource."""
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    key = resource["schema"].get("primaryKey") or names
    key = [key] if isinstance(key, str) else key
    values = [["" if row.get(n) is None else str(row.get(n)).strip() for n in names] for row in rows]
    values.sort(key=_key_function(fields, key, names))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    writer.writerows(values)
    return buf.getvalue()


def _fast_keys(rows: list[list[str]], plan: list[tuple[int, bool]]) -> list[tuple]:
    """Sort keys equivalent to _key_function when every numeric key cell is empty or a valid number:
    strings compare as themselves (empty first), numbers as floats (empty first)."""
    ninf = float("-inf")
    return [tuple((float(r[i]) if r[i] else ninf) if numeric else r[i] for i, numeric in plan) for r in rows]


def why_not_canonical(resource: dict, text: str, records: list[list[str]] | None = None) -> str | None:
    """Why `text` is not the canonical form of this resource's file, or None when it is. Faster than
    comparing with canonical_text: rows stay lists and are only checked for order, not sorted.
    `records` may pass the already parsed rows (header first)."""
    if text.startswith("\ufeff"):
        return "it starts with a byte-order mark"
    if "\r" in text:
        return "it has Windows line endings"
    if not text.endswith("\n"):
        return "the last line has no line ending"
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    if records is None:
        records = list(csv.reader(io.StringIO(text, newline="")))
    if not records or records[0] != names:
        return "the header differs from the schema's field order"
    rows = records[1:]
    if any(len(r) != len(names) for r in rows):
        return "a row has a different number of cells than the header"
    key = resource["schema"].get("primaryKey") or names
    key = [key] if isinstance(key, str) else key
    types = {f["name"]: f.get("type", "string") for f in fields}
    plan = [(names.index(k), types.get(k) in ("integer", "number")) for k in key if k in names]
    try:
        keys = _fast_keys(rows, plan)
    except ValueError:
        keys = [_key_function(fields, key, names)(r) for r in rows]
    if any(a > b for a, b in zip(keys, keys[1:], strict=False)):
        return "rows are not sorted by their key"
    if any(c[:1].isspace() or c[-1:].isspace() for r in rows for c in r):
        return "a cell starts or ends with a space"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    writer.writerows(rows)
    if buf.getvalue() != text:
        for i, (a, b) in enumerate(zip(text.splitlines(), buf.getvalue().splitlines(), strict=False), 1):
            if a != b:
                return f"line {i} has quoting that `make format` would change"
        return "its layout differs from what `make format` writes"
    return None


class NotReadable(ValueError):
    """A file that cannot be read exactly, so `make format` must not rewrite it."""

    def __init__(self, line: int | None, reason: str):
        super().__init__(f"line {line}: {reason}" if line else reason)
        self.line = line
        self.reason = reason


class RecordError(ValueError):
    """A record that csv's strict reader refuses (a misplaced or unterminated quote), at the line it starts on."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def strict_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, its cells) for every record of CSV text, the header being line 1, read
    strictly: RecordError at the line where a record that cannot be read exactly starts. The one strict reading
    of the package's CSVs: strict_rows here and the validator's tables.parse_records both use it."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise RecordError(start, str(exc)) from None
        yield start, record


def strict_rows(raw: bytes, names: list[str]) -> list[dict[str, str]]:
    """Every row of a CSV file as {column: cell}, or NotReadable when any byte of it could be lost or
    misread: not UTF-8, an unterminated or misplaced quote, a header that is not exactly the schema's columns
    (in any order; none renamed, missing or repeated), a row with more or fewer cells than the header, or a
    blank line between rows. A byte-order mark and blank lines at the very end hold no data and are dropped."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise NotReadable(line, "the file is not UTF-8 text") from exc
    text = text.removeprefix("\ufeff")
    try:
        records = list(strict_records(text))  # (line the record starts on, cells)
    except RecordError as exc:
        raise NotReadable(exc.line, f"the CSV cannot be read exactly ({exc.reason})") from exc
    while records and records[-1][1] == []:
        records.pop()  # blank lines at the end of the file
    if not records:
        raise NotReadable(1, "the file has no header")
    header = records[0][1]
    if sorted(header) != sorted(names) or len(set(header)) != len(header):
        raise NotReadable(1, f"the header is not exactly the schema's columns ({', '.join(names)})")
    rows = []
    for line, record in records[1:]:
        if len(record) != len(header):
            raise NotReadable(line, f"the row has {len(record)} cells, the header {len(header)}")
        rows.append(dict(zip(header, record, strict=True)))
    return rows


def row_multiset(rows: list[dict[str, str]]) -> Counter:
    """The rows as a multiset of {column: cell without surrounding spaces}: what a rewrite must keep."""
    names = sorted(rows[0]) if rows else []
    return Counter((len(row), *(row.get(n, "").strip() for n in names)) for row in rows)


def _quoted(line: str, limit: int = 60) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"


def the_fix(resource: dict, raw: bytes) -> tuple[int | None, str]:
    """(line to annotate, the exact edit that makes this file canonical), e.g. a row to move and where to."""
    names = [f["name"] for f in resource["schema"]["fields"]]
    try:
        rows = strict_rows(raw, names)
    except NotReadable:
        return None, "run `make format`."
    old = raw.decode("utf-8").removeprefix("\ufeff").splitlines()
    new = canonical_text(resource, rows).splitlines()
    if old == new:
        return len(old), f"add a line ending after the last line (line {len(old)})."
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    inserted = {}
    for op, _, _, j1, j2 in matcher.get_opcodes():
        if op in ("insert", "replace"):
            for j in range(j1, j2):
                inserted.setdefault(new[j], j)
    for op, i1, i2, _, _ in matcher.get_opcodes():
        for i in range(i1, i2) if op in ("delete", "replace") else ():
            if old[i] in inserted:
                j = inserted[old[i]]
                where = f"just after line {j} ({_quoted(new[j - 1])})" if j else "to the top"
                return i + 1, f"move line {i + 1} ({_quoted(old[i])}) {where}, or run `make format`."
    first = next(i for i, (a, b) in enumerate(zip(old + [""], new + [""], strict=False)) if a != b)
    return (
        first + 1,
        f"make line {first + 1} read `{_quoted(new[first] if first < len(new) else '')}`, or run `make format`.",
    )


def file_facts(raw: bytes) -> dict:
    """The `bytes` and `hash` datapackage.json records for a file with this content."""
    return {"bytes": len(raw), "hash": "sha256:" + hashlib.sha256(raw).hexdigest()}


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(name: str, rows: list[dict], root: Path = ROOT) -> Path:
    resource = resource_schema(name, load_descriptor(root / "datapackage.json"))
    path = root / resource["path"]
    path.write_bytes(canonical_text(resource, rows).encode("utf-8"))
    return path
