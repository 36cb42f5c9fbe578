"""percent-out-of-range: a value whose unit is a percentage (or a 0-100 index) lies between 0 and 100."""

from __future__ import annotations

from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["percent-out-of-range"]
FORKED = False
AFTER_OTHERS = False
PERCENT_UNITS = ("percent", "%", "index (0-100)")


def check(ctx: Context):
    for table in ctx.tables.values():
        if "value" not in table.index or "unit" not in table.index:
            continue
        units = table.column("unit")
        for i, cell in enumerate(table.column("value")):
            unit = units[i].strip().lower()
            if not unit.startswith(PERCENT_UNITS):
                continue
            try:
                value = float(cell)
            except ValueError:
                continue  # reported as wrong-type
            if not 0 <= value <= 100:
                yield make_error(
                    "percent-out-of-range",
                    path=table.path,
                    resource=table.name,
                    row=table.lines[i],
                    field="value",
                    value=cell,
                    note=unit,
                )
