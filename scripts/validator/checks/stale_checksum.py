"""stale-checksum: the source datapackage.json records no `bytes` or `hash`: they belong to the release (the
zip's datapackage.json gets them at build time, see sitegen/downloads.py), so that a correct edit made in
the browser never needs them refreshed. A descriptor that still records one is checked against its file, so a
wrong value is never published; the hint says to delete it."""

from __future__ import annotations

from spf.canonical import file_facts
from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["stale-checksum"]
FORKED = False
AFTER_OTHERS = False


def _short(value) -> str:
    """Hashes are shown by their first 16 hex digits: enough to tell them apart, short enough to read."""
    text = str(value)
    return text[: len("sha256:") + 16] + "…" if text.startswith("sha256:") else text


def check(ctx: Context):
    for table in ctx.tables.values():
        actual = file_facts(table.raw)
        for key in ("bytes", "hash"):
            recorded = table.descriptor.get(key)
            if recorded is not None and recorded != actual[key]:
                yield make_error(
                    "stale-checksum",
                    path=ctx.descriptor_rel,
                    resource=table.name,
                    field=key,
                    file=table.path,
                    value=_short(recorded),
                    note=_short(actual[key]),
                )
