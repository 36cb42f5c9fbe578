"""Results: progress over time against targets, phase 1 by step, people by dimension, and every pair of
figures that disagree."""

from __future__ import annotations

from spf.sitegen import views
from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import Column, badge, provenance, table
from spf.sitegen.page import Page
from spf.sitegen.pages.common import SOURCE_COLUMNS, differs, with_source
from spf.sitegen.text import figure, number

FIG_COLUMNS = [
    Column("period", "Period"),
    Column("label", "What is counted"),
    Column("value", "Value", True),
    Column("qualifier", "Qualifier"),
]


def _rows(pkg, rows):
    return [with_source(pkg, r) for r in rows]


def _progress(pkg, view: views.Chart) -> ChartSpec | None:
    """Results of one measure over time, against its targets."""
    (measure,) = view.measures
    results = pkg.measure(measure, targets=False)
    if not results:
        return None
    targets = pkg.measure(measure, targets=True)
    first, last = results[0], results[-1]
    fields = {
        "what": views.text(view.what),
        "first": figure(first["value"], first["unit"], first["qualifier"]),
        "first_period": first["period"],
        "last": figure(last["value"], last["unit"], last["qualifier"]),
        "last_period": last["period"],
    }
    summary = views.text("chart.progress.summary.many" if len(results) > 1 else "chart.progress.summary.one", **fields)
    if targets:
        summary += views.text(
            "chart.progress.summary.targets",
            targets=views.text("chart.progress.target_joiner").join(
                views.text("chart.progress.target", value=figure(t["value"], t["unit"]), verification=t["verification"])
                for t in targets
            ),
        )
    return view.spec(
        _rows(pkg, results),
        summary + ".",
        FIG_COLUMNS + SOURCE_COLUMNS,
        targets=[
            {
                "value": t["value"],
                "label": views.text(
                    "chart.progress.target_label", value=figure(t["value"], t["unit"]), verification=t["verification"]
                ),
            }
            for t in targets
        ],
    )


def _by_step(pkg, view: views.Chart) -> ChartSpec | None:
    """The phase-1 changes of each step, against the official total."""
    rows = [r for r in pkg.figures.values() if r["topic"] == view.topic and r["phase"] == 1]
    if not rows:
        return None
    names = {m: views.text(item.label) for item in view.items for m in item.measures}
    data = sorted(
        (with_source(pkg, {**r, "step": names.get(r["measure"], r["label"])}) for r in rows), key=lambda r: r["step"]
    )
    total = sum(float(r["value"]) for r in data)
    official = pkg.measure(view.measures[0], targets=False)
    match = ""
    if official:
        same = float(official[-1]["value"]) == total
        match = views.text(
            "chart.results_by_step.match",
            total=number(total),
            relation=views.text("chart.results_by_step.same" if same else "chart.results_by_step.differs"),
            verification=official[-1]["verification"],
            official=number(official[-1]["value"]),
        )
    steps = ", ".join(views.text("chart.results_by_step.step", step=r["step"], value=number(r["value"])) for r in data)
    return view.spec(
        data,
        views.text(view.summary, steps=steps) + match,
        [Column("step", "Step")] + FIG_COLUMNS + SOURCE_COLUMNS,
    )


def _dimensions(pkg, view: views.Chart) -> ChartSpec | None:
    """Phase-1 results and phase-2 targets by dimension of coverage."""
    data = []
    dims = [views.text(item.label) for item in view.items]
    for dim, item in zip(dims, view.items, strict=True):
        m1, m2 = item.measures
        for r in pkg.measure(m1, targets=False):
            official = r["verification"] == "verified"
            series = views.text(f"chart.results_dimensions.phase1_{'official' if official else 'prototype'}")
            data.append(with_source(pkg, {**r, "dimension": dim, "series": series}))
        for r in pkg.measure(m2, targets=True):
            series = views.text("chart.results_dimensions.phase2_target")
            data.append(with_source(pkg, {**r, "dimension": dim, "series": series}))
    if not data:
        return None
    data.sort(key=lambda r: (r["series"], dims.index(r["dimension"])))
    return view.spec(
        data,
        views.text(view.summary),
        [Column("dimension", "Dimension"), Column("series", "Series")] + FIG_COLUMNS + SOURCE_COLUMNS,
    )


BUILDERS = {"progress": _progress, "by_step": _by_step, "dimensions": _dimensions}


def conflicts(pkg) -> list[list[dict]]:
    """Groups of figures of one measure (results or targets) whose values differ."""
    groups: dict[tuple, list[dict]] = {}
    for r in pkg.figures.values():
        groups.setdefault((r["measure"], r["qualifier"] == "target", r["as_of"][:4]), []).append(r)
    return [sorted(g, key=lambda r: r["figure_id"]) for _, g in sorted(groups.items()) if differs(g)]


CONFLICT_COLUMNS = [
    Column("label", "Figure"),
    Column("value", "Value"),
    Column("period", "Period"),
    Column("verification", "Verification"),
    Column("source", "Source"),
]


def _conflict_table(pkg, group: list[dict]) -> str:
    rows = [
        {
            "value": figure(r["value"], r["unit"], r["qualifier"]),
            "label": r["label"],
            "period": r["period"],
            "verification": badge(r["verification"]),
            "source": provenance(pkg, [r]),
        }
        for r in group
    ]
    return table(CONFLICT_COLUMNS, rows)


def build(pkg) -> list[Page]:
    page = Page(
        "results.md",
        "Results over time",
        "Progress of the SPF Flagship programme against its targets, with sources and verification labels.",
    )
    page.add(
        "Each chart shows the published figures only; the bars carry their verification label, and "
        "hatched bars are not verified."
    )
    for view in views.for_page(pkg, "results")[1]:
        spec = BUILDERS[view.build](pkg, view)
        if spec:
            page.add(f"## {views.text(view.heading)}")
            page.chart(spec)
    page.add(
        "The phase-2 people figures do not all count the same thing: read each label in the data table "
        "(measurable improvement, legal and effective coverage, access to benefits)."
    )
    page.add(
        "## Figures that disagree",
        "Where two sources give different numbers for the same thing, both are kept. Nothing here is "
        "resolved silently: compare the sources and labels.",
    )
    groups = conflicts(pkg)
    for group in groups:
        page.add(_conflict_table(pkg, group))
    if not groups:
        page.add("No disagreements in the current data.")
    return [page]
