"""not-canonical (a notice, not an error): each CSV is in the canonical form that `make format` writes (see
scripts/canonical.py). The notice names the line and the exact edit; the tidy workflow makes it on main.

Only reported on tables without other errors, so a contributor first sees what is really wrong: it runs
after the other checks. The reasons are worked out in advance, while the forked checks run (prepare());
check() then drops the tables with errors."""

from __future__ import annotations

from spf.canonical import the_fix, why_not_canonical
from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["not-canonical"]
FORKED = False
AFTER_OTHERS = True


def reasons(ctx: Context) -> dict[str, tuple[str, str | None | Exception]]:
    """{path: (resource name, why it is not canonical, None, or the exception a broken table raised)}."""
    found: dict[str, tuple[str, str | None | Exception]] = {}
    for table in ctx.tables.values():
        try:
            reason = "it starts with a byte-order mark" if table.raw.startswith(b"\xef\xbb\xbf") else None
            reason = reason or why_not_canonical(table.descriptor, table.text, [table.header, *table.records])
        except Exception as exc:  # a table broken in other ways; raised below only if nothing else is wrong
            reason = exc
        found[table.path] = (table.name, reason)
    return found


def prepare(ctx: Context) -> None:
    ctx.prepared[__name__] = reasons(ctx)


def check(ctx: Context):
    found = ctx.prepared.get(__name__)
    with_errors = {e.path for e in ctx.errors}
    for path, (name, reason) in (reasons(ctx) if found is None else found).items():
        if path in with_errors:
            continue  # fix the real problems first; `make format` cannot format a broken table
        if isinstance(reason, Exception):
            raise reason
        if reason:
            table = ctx.tables[name]
            line, fix = the_fix(table.descriptor, table.raw)
            yield make_error("not-canonical", path=path, resource=name, row=line, note=reason, fix=fix)
