"""stale-checksum: `bytes` and `hash` recorded in datapackage.json match each file (`make format` refreshes
them), so that a download can be checked against the package."""

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
            if recorded != actual[key]:
                yield make_error(
                    "stale-checksum",
                    path=ctx.descriptor_rel,
                    resource=table.name,
                    field=key,
                    file=table.path,
                    value="nothing" if recorded is None else _short(recorded),
                    note=_short(actual[key]),
                )
