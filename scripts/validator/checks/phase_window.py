"""year-outside-phase: a row's year lies in its phase's window (1: 2016-2020, 2: 2021-2025, 3: 2026-2030).

Applies to `year` and to the year of `as_of` in any table that also has a `phase` column."""

from __future__ import annotations

from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["year-outside-phase"]
FORKED = False
AFTER_OTHERS = False
PHASES = {"1": (2016, 2020), "2": (2021, 2025), "3": (2026, 2030)}


def check(ctx: Context):
    for table in ctx.tables.values():
        if "phase" not in table.index:
            continue
        phases = table.column("phase")
        for column in ("year", "as_of"):
            if column not in table.index:
                continue
            for i, cell in enumerate(table.column(column)):
                window = PHASES.get(phases[i].strip())
                year = cell.strip()[:4]
                if window and year.isdigit() and len(year) == 4 and not window[0] <= int(year) <= window[1]:
                    yield make_error(
                        "year-outside-phase",
                        path=table.path,
                        resource=table.name,
                        row=table.lines[i],
                        field=column,
                        value=year,
                        phase=phases[i],
                        note=f"{window[0]}-{window[1]}",
                    )
