"""Global context: SDG 1.3.1 for the world and regions, spending by income group, coverage by branch."""

from __future__ import annotations

from spf.sitegen import views
from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import Column, badge, data_text, group_text, provenance, sentence, table
from spf.sitegen.figures import Fig, listing, trend
from spf.sitegen.i18n import _, group_name
from spf.sitegen.page import Page
from spf.sitegen.pages.common import source_columns, with_source
from spf.sitegen.text import as_data, figure

WORLD, ANY = "OWID_WRL", "sdg131_any_benefit"
UN_REGIONS = ["UN_AFR", "UN_ASI", "UN_EUR", "UN_LAC", "UN_NAM", "UN_OCE"]


def area_columns() -> list[Column]:
    return [Column("series", _("Area")), Column("year", _("Year")), Column("value", _("Percent"), True)]


def bar_columns() -> list[Column]:
    return [Column("what", _("Group")), Column("period", _("Year")), Column("value", _("Value"), True)]


def _world(pkg, view: views.Chart) -> ChartSpec | None:
    rows = []
    for code in [WORLD, *UN_REGIONS]:
        rows += [with_source(pkg, {**r, "series": r["area_name"]}) for r in pkg.coverage_series(code, ANY)]
    if not rows:
        return None
    translated = all(group_name(r["series"]) for r in rows)  # the world and the UN's regions (names.py)
    if translated:
        rows = [{**r, "series": group_name(r["series"])} for r in rows]
    world = [Fig.of(r, unit="percent") for r in rows if r["area_code"] == WORLD]
    summary = views.text(view.summary, trend=trend(views.text(view.what), world))
    return view.spec(rows, summary, area_columns() + source_columns(), data_text=() if translated else ("series",))


def names(labels: list[str]) -> list[str]:
    """What tells figures apart: in 'Maternity protection coverage: world' and 'Disability benefit coverage:
    world' the part before ': ', in 'Spending: high-income countries' and 'Spending: low-income countries' the
    part after; the whole label when neither part is shared."""
    parts = [label.split(": ", 1) if ": " in label else [label, ""] for label in labels]
    if len({p[0] for p in parts}) == 1 and all(p[1] for p in parts):
        return [p[1] for p in parts]
    if len({p[1] for p in parts}) == 1:
        return [p[0] for p in parts]
    return labels


def _bars(pkg, view: views.Chart) -> ChartSpec | None:
    rows = sorted((r for r in pkg.figures.values() if r["topic"] == view.topic), key=lambda r: -r["value"])
    if not rows:
        return None
    english = names([r["label"] for r in rows])
    translated = all(group_name(name) for name in english)  # groups with reviewed names (names.py)
    rows = [
        with_source(pkg, {**r, "what": group_name(name) if translated else name})
        for r, name in zip(rows, english, strict=True)
    ]
    parts = listing([(r["what"] if translated else as_data(r["what"]), Fig.of(r)) for r in rows])
    marked = listing([(group_text(name), Fig.of(r)) for r, name in zip(rows, english, strict=True)], html=True)
    return view.spec(
        rows,
        views.text(view.summary, parts=parts),
        bar_columns() + source_columns(),
        data_text=() if translated else ("what",),
        summary_html=sentence(views.text(view.summary, parts="{parts}"), parts=marked),
    )


def world_comparison(pkg) -> list[dict]:
    """The ILO's own world figures next to the same year of the dataset series."""
    rows = []
    (measure,) = views.table(pkg, "global_context", "context-world-comparison").measures
    for r in pkg.measure(measure, targets=False):
        year = int(r["as_of"][:4])
        match = [x for x in pkg.coverage_series(WORLD, ANY) if x["year"] == year]
        rows.append(
            {
                "year": year,
                "a": figure(r["value"], r["unit"]),
                "a_src": provenance(pkg, [r]),
                "b": figure(match[0]["value"], "percent") if match else _("no data"),
                "b_src": provenance(pkg, match) if match else "",
                "same": _("yes") if match and float(match[0]["value"]) == float(r["value"]) else _("no"),
            }
        )
    return rows


BUILDERS = {"world": _world, "bars": _bars}


def comparison_columns() -> list[Column]:
    return [
        Column("year", _("Year")),
        Column("a", _("ILO publication")),
        Column("a_src", _("Source")),
        Column("b", _("Dataset series")),
        Column("b_src", _("Source")),
        Column("same", _("Same value")),
    ]


def other_columns() -> list[Column]:
    return [
        Column("label", _("Figure")),
        Column("value", _("Value")),
        Column("period", _("Year")),
        Column("verification", _("Verification")),
        Column("source", _("Source")),
    ]


def _chart(page: Page, pkg, view: views.Chart | None) -> None:
    spec = BUILDERS[view.build](pkg, view) if view else None
    if spec:
        page.add(f"## {views.text(view.heading)}")
        page.chart(spec)


def _comparison(page: Page, pkg) -> None:
    comparison = world_comparison(pkg)
    if comparison:
        page.add(
            "## " + _("World coverage: two sources side by side"),
            _(
                "The ILO's published world figure and the dataset series do not always agree; the sources do not "
                "say why. Both are kept."
            ),
        )
        page.add(table(comparison_columns(), comparison))


def _regions(page: Page, pkg) -> None:
    regions = sorted((r for r in pkg.figures.values() if r["topic"] == "coverage_region"), key=lambda r: -r["value"])
    if regions:
        page.add(
            "## " + _("ILO regions in 2020"),
            table(
                [Column("what", _("Region")), Column("value", _("Covered")), Column("source", _("Source"))],
                [
                    {
                        "what": group_text(name),
                        "value": figure(r["value"], r["unit"]),
                        "source": provenance(pkg, [r]),
                    }
                    for r, name in zip(regions, names([r["label"] for r in regions]), strict=True)
                ],
            ),
        )


def _other(page: Page, pkg) -> None:
    (shown,) = views.table(pkg, "global_context", "context-world-comparison").measures
    other = [
        r
        for r in pkg.figures.values()
        if r["topic"] in ("spending", "coverage_world", "context") and r["measure"] != shown
    ]
    if other:
        rows = [
            {
                "label": data_text(r["label"]),
                "value": figure(r["value"], r["unit"], r["qualifier"]),
                "period": data_text(r["period"]),
                "verification": badge(r["verification"]),
                "source": provenance(pkg, [r]),
            }
            for r in other
        ]
        page.add("## " + _("Other figures"), table(other_columns(), rows))


def build(pkg) -> list[Page]:
    page = Page(
        "global-context.md",
        _("Global context"),
        _(
            "Social protection coverage and spending worldwide: SDG 1.3.1 "
            "for the world and regions, spending by income group, with sources."
        ),
    )
    charts = views.for_page(pkg, "global_context")[1]
    world = next((v for v in charts if v.build == "world"), None)  # first; the bar charts follow the tables
    _chart(page, pkg, world)
    _comparison(page, pkg)
    _regions(page, pkg)
    for view in charts:
        if view is not world:
            _chart(page, pkg, view)
    _other(page, pkg)
    return [page]
