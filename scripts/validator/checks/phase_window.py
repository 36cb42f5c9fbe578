"""year-outside-phase: a row's year lies in its phase's window (1: 2016-2020, 2: 2021-2025, 3: 2026-2030).

Applies to `year` and to the year of `as_of` in any table that also has a `phase` column."""

from __future__ import annotations

import re

from validator.catalogue import make_error
from validator.context import Context

ERRORS = ["year-outside-phase"]
PHASES = {"1": (2016, 2020), "2": (2021, 2025), "3": (2026, 2030)}


def check(ctx: Context):
    for table in ctx.tables.values():
        if "phase" not in table.header:
            continue
        columns = [c for c in ("year", "as_of") if c in table.header]
        for line, row in table.rows:
            window = PHASES.get(row.get("phase", "").strip())
            if not window:
                continue
            for column in columns:
                m = re.match(r"^(\d{4})", row.get(column, "").strip())
                if m and not window[0] <= int(m.group(1)) <= window[1]:
                    yield make_error(
                        "year-outside-phase",
                        path=table.path,
                        resource=table.name,
                        row=line,
                        field=column,
                        value=m.group(1),
                        phase=row["phase"],
                        note=f"{window[0]}-{window[1]}",
                    )
