"""drawn-text-too-long: the names, titles and labels that the chart images draw (a source's title in the source
lines, a country's or an area's name in titles, axis labels and legends) hold at most svg.DRAWN_MAX characters.

The renderer cuts any longer line with "…" before laying it out (spf.sitegen.svg.drawn), so a planted
32,000-character title cannot keep the PNG renderer busy; this check tells the contributor, so that real data
is never cut."""

from __future__ import annotations

from spf.sitegen.svg import DRAWN_MAX
from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["drawn-text-too-long"]
FORKED = False
AFTER_OTHERS = False
# resource: the columns whose text the chart images draw
DRAWN = {
    "sources": ("title",),
    "countries": ("name",),
    "thematic_areas": ("name",),
    "indicators": ("name",),
    "partners": ("name",),
    "headline_figures": ("label",),
    "coverage": ("area_name",),
}


def check(ctx: Context):
    for name, columns in DRAWN.items():
        table = ctx.table(name)
        if table is None:
            continue
        for column in columns:
            for n, cell in enumerate(table.column(column)):
                if len(cell) > DRAWN_MAX:
                    where = dict(path=table.path, resource=table.name, row=table.lines[n], field=column)
                    yield make_error(
                        "drawn-text-too-long",
                        value=f"{len(cell):,}",
                        limit=f"{DRAWN_MAX:,}",
                        place=f'column "{column}"',
                        **where,
                    )
