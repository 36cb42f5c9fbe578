"""percent-out-of-range: a value whose unit is a percentage lies between 0 and 100."""

from __future__ import annotations

from validator.catalogue import make_error
from validator.context import Context

ERRORS = ["percent-out-of-range"]


def check(ctx: Context):
    for table in ctx.tables.values():
        if "value" not in table.header or "unit" not in table.header:
            continue
        for line, row in table.rows:
            unit = row.get("unit", "").strip().lower()
            if not (unit.startswith("percent") or unit.startswith("%") or unit.startswith("index (0-100)")):
                continue
            try:
                value = float(row.get("value", ""))
            except ValueError:
                continue  # reported as wrong-type
            if not 0 <= value <= 100:
                yield make_error(
                    "percent-out-of-range",
                    path=table.path,
                    resource=table.name,
                    row=line,
                    field="value",
                    value=row["value"],
                    note=unit,
                )
