"""not-canonical: each CSV is in the canonical form that `make format` writes (see scripts/canonical.py).

Only checked on tables without other errors, so a contributor first sees what is really wrong."""

from __future__ import annotations

from canonical import why_not_canonical

from validator.catalogue import make_error
from validator.context import Context

ERRORS = ["not-canonical"]


def check(ctx: Context):
    with_errors = {e.path for e in ctx.errors}
    for table in ctx.tables.values():
        if table.path in with_errors:
            continue  # fix the real problems first; `make format` cannot format a broken table
        reason = "it starts with a byte-order mark" if table.raw.startswith(b"\xef\xbb\xbf") else None
        reason = reason or why_not_canonical(table.descriptor, table.text, [table.header, *table.records])
        if reason:
            yield make_error("not-canonical", path=table.path, resource=table.name, note=reason)
