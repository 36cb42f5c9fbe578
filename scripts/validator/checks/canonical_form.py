"""not-canonical: each CSV is in the canonical form that `make format` writes (see scripts/canonical.py).

Only checked on tables without other errors, so a contributor first sees what is really wrong."""

from __future__ import annotations

from canonical import canonical_text

from validator.catalogue import make_error
from validator.context import Context

ERRORS = ["not-canonical"]


def _why(raw: bytes, expected: str) -> str:
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        return "it starts with a byte-order mark"
    if "\r" in text:
        return "it has Windows line endings"
    if not text.endswith("\n"):
        return "the last line has no line ending"
    got, want = text.splitlines(), expected.splitlines()
    if got[0] != want[0]:
        return "the header differs from the schema's field order"
    if sorted(got) == sorted(want):
        return "rows are not sorted by their key"
    for i, (a, b) in enumerate(zip(got, want, strict=False), 1):
        if a != b:
            return f"line {i} has extra spaces or quoting that `make format` would change"
    return "its layout differs from what `make format` writes"


def check(ctx: Context):
    with_errors = {e.path for e in ctx.errors}
    for table in ctx.tables.values():
        if table.path in with_errors:
            continue  # fix the real problems first; `make format` cannot format a broken table
        expected = canonical_text(table.descriptor, [row for _, row in table.rows])
        if table.raw != expected.encode("utf-8"):
            yield make_error("not-canonical", path=table.path, resource=table.name, note=_why(table.raw, expected))
