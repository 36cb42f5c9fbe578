"""What every check reads: the package descriptor and each declared table, loaded once.

Loading never raises on bad input. What cannot be loaded becomes an error, and the resource is left out
of the checks that need its rows.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

from spf.canonical import RecordError, strict_records
from spf.paths import rel
from spf.validator.catalogue import ValidationError, make_error


@dataclass
class Table:
    """One declared resource whose file is safe to read and is UTF-8 text. Parsed on first use into records
    (lists of cells, in header order) with the CSV line number where each record starts."""

    name: str
    path: str  # relative to the package root, as declared
    descriptor: dict
    raw: bytes
    text: str

    @cached_property
    def _parsed(self) -> tuple[list[str], list[list[str]], list[int]]:
        return parse_records(self.text)

    @property
    def header(self) -> list[str]:
        return self._parsed[0]

    @property
    def records(self) -> list[list[str]]:
        return self._parsed[1]

    @property
    def lines(self) -> list[int]:
        return self._parsed[2]

    @cached_property
    def index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.header)}

    def column(self, name: str) -> list[str]:
        """Every cell of one column ('' where a short row lacks it)."""
        i = self.index.get(name)
        if i is None:
            return [""] * len(self.records)
        return [r[i] if i < len(r) else "" for r in self.records]

    def keys(self, names: tuple[str, ...]) -> set[tuple[str, ...]]:
        """The set of value tuples of these columns (cached: foreign-key errors look it up once per row)."""
        cache = self.__dict__.setdefault("_keys", {})
        if names not in cache:
            cache[names] = set(zip(*(self.column(n) for n in names), strict=True))
        return cache[names]

    @property
    def fields(self) -> list[dict]:
        return self.descriptor.get("schema", {}).get("fields", [])

    def field_type(self, name: str) -> str:
        return next((f.get("type", "string") for f in self.fields if f.get("name") == name), "string")

    def field(self, name: str) -> dict:
        return next((f for f in self.fields if f.get("name") == name), {})


@dataclass
class Context:
    root: Path
    descriptor_path: Path
    descriptor: dict | None = None
    tables: dict[str, Table] = field(default_factory=dict)
    safe: list[dict] = field(default_factory=list)  # resources whose path is a real file inside data/
    readable: list[dict] = field(default_factory=list)  # resources safe to hand to frictionless
    errors: list[ValidationError] = field(default_factory=list)
    prepared: dict[str, object] = field(default_factory=dict)  # what a check's prepare() worked out, by module

    @property
    def descriptor_rel(self) -> str:
        return rel(self.descriptor_path, self.root)

    def table(self, name: str) -> Table | None:
        return self.tables.get(name)


MAX_FILE_BYTES = 5_000_000  # a hard limit per file (file-too-large); the largest real file is about 100 KB
# Python's csv module stops at 131,072 characters a cell with an exception; the limit per file bounds every
# cell instead, so a long cell is read and answered (cell-too-long), never a crash.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))


class CsvProblem(ValueError):
    """A CSV that cannot be read exactly (the formatter's strict parse refuses it too)."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def parse_records(text: str) -> tuple[list[str], list[list[str]], list[int]]:
    """(header, records, line number where each record starts). Line numbers count the header as 1. Parsed
    strictly by canonical.strict_records, as the formatter parses: a misplaced or unterminated quote raises
    CsvProblem with the line where its record starts."""
    try:
        numbered = list(strict_records(text))
    except RecordError as exc:
        raise CsvProblem(exc.line, exc.reason) from None
    records = [record for _, record in numbered]
    lines = [start for start, _ in numbered]
    header = records.pop(0) if records else []
    lines = lines[1:]
    return header, records, lines


ERRORS = ["invalid-json", "invalid-descriptor", "encoding-error"]  # what load_descriptor reports
MAX_DESCRIPTOR_BYTES = 5_000_000  # the real one is about 40 KB
MAX_DEPTH = 20  # the real one nests 7 levels deep


def _depth(value) -> int:
    """How deeply lists and objects nest in a parsed JSON value (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


_UNREADABLE = object()


def _read_json(ctx: Context):
    """The parsed descriptor, or _UNREADABLE after adding the error that says why it cannot be read."""
    path = ctx.descriptor_rel
    fail = ctx.errors.append
    try:
        if ctx.descriptor_path.stat().st_size > MAX_DESCRIPTOR_BYTES:
            fail(make_error("invalid-descriptor", path=path, note=f"it is larger than {MAX_DESCRIPTOR_BYTES:,} bytes"))
            return _UNREADABLE
        text = ctx.descriptor_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(make_error("invalid-descriptor", path=path, note="the file does not exist"))
        return _UNREADABLE
    except UnicodeDecodeError as exc:
        fail(make_error("encoding-error", path=path, note=str(exc.reason)))
        return _UNREADABLE
    except OSError as exc:
        fail(make_error("invalid-descriptor", path=path, note=f"it cannot be read ({exc.strerror})"))
        return _UNREADABLE
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        fail(make_error("invalid-json", path=path, row=exc.lineno, note=exc.msg, line=exc.lineno, column=exc.colno))
        return _UNREADABLE
    except RecursionError:
        descriptor = _UNREADABLE
    if descriptor is _UNREADABLE or _depth(descriptor) > MAX_DEPTH:
        fail(make_error("invalid-descriptor", path=path, note=f"it nests lists or objects more than {MAX_DEPTH} deep"))
        return _UNREADABLE
    return descriptor


def load_descriptor(ctx: Context) -> None:
    path = ctx.descriptor_rel
    descriptor = _read_json(ctx)
    if descriptor is _UNREADABLE:
        return
    problems = []
    if not isinstance(descriptor, dict):
        problems.append("the top level must be an object in curly braces")
    elif not isinstance(descriptor.get("resources"), list) or not descriptor["resources"]:
        problems.append('it needs a non-empty "resources" list')
    else:
        for i, res in enumerate(descriptor["resources"], 1):
            if not isinstance(res, dict):
                problems.append(f"resource number {i} is not an object")
                continue
            for key in ("name", "path", "schema"):
                if key not in res:
                    problems.append(f'resource number {i} ({res.get("name", "unnamed")}) has no "{key}"')
            if "name" in res and not isinstance(res["name"], str):
                problems.append(f'the "name" of resource number {i} is not text')
            schema = res.get("schema")
            if "schema" in res and not (isinstance(schema, dict) and isinstance(schema.get("fields"), list)):
                problems.append(f'the schema of resource "{res.get("name")}" needs a "fields" list')
    for note in problems:
        ctx.errors.append(make_error("invalid-descriptor", path=path, note=note))
    if not problems:
        ctx.descriptor = descriptor


def safe_relative(value) -> str | None:
    """Why a resource path is unsafe, or None when it is a plain relative path inside data/."""
    if not isinstance(value, str):
        return "not a single path (a list or other value)"
    if "://" in value or value.lower().startswith(("http:", "https:", "file:", "ftp:")):
        return "a web address or URL (frictionless would download it)"
    if value.startswith(("/", "\\", "~")) or (len(value) > 1 and value[1] == ":"):
        return "an absolute path"
    if "$" in value or "%" in value:
        return "a path with variables in it"
    parts = PurePosixPath(value.replace("\\", "/")).parts
    if ".." in parts:
        return "a path that climbs out of its folder with '..'"
    if len(parts) < 2 or parts[0] != "data":
        return "outside the data/ folder"
    return None
