"""Results: progress over time against targets, phase 1 by step, people by dimension, and every pair of
figures that disagree."""

from __future__ import annotations

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


def _progress(pkg, measure: str, chart_id: str, title: str, unit: str, what: str) -> ChartSpec | None:
    results = pkg.measure(measure, targets=False)
    if not results:
        return None
    targets = pkg.measure(measure, targets=True)
    first, last = results[0], results[-1]
    summary = f"{what}: {figure(last['value'], last['unit'], last['qualifier'])} ({last['period']})"
    if len(results) > 1:
        summary = (
            f"{what} went from {figure(first['value'], first['unit'], first['qualifier'])} "
            f"({first['period']}) to {figure(last['value'], last['unit'], last['qualifier'])} ({last['period']})"
        )
    if targets:
        summary += ", against a target of " + " or ".join(
            f"{figure(t['value'], t['unit'])} ({t['verification']})" for t in targets
        )
    return ChartSpec(
        id=chart_id,
        title=title,
        kind="bar",
        data=_rows(pkg, results),
        x="period",
        y="value",
        unit=unit,
        summary=summary + ".",
        columns=FIG_COLUMNS + SOURCE_COLUMNS,
        targets=[
            {"value": t["value"], "label": f"Target {figure(t['value'], t['unit'])} ({t['verification']})"}
            for t in targets
        ],
    )


def _by_step(pkg) -> ChartSpec | None:
    rows = [r for r in pkg.figures.values() if r["topic"] == "results_by_step" and r["phase"] == 1]
    if not rows:
        return None
    names = {
        "phase1_changes_strategy": "1. Strategy or policy",
        "phase1_changes_law": "2. Law or scheme",
        "phase1_changes_operations": "3. Governance and operations",
    }
    data = sorted(
        (with_source(pkg, {**r, "step": names.get(r["measure"], r["label"])}) for r in rows), key=lambda r: r["step"]
    )
    total = sum(float(r["value"]) for r in data)
    official = pkg.measure("phase1_institutional_changes", targets=False)
    match = ""
    if official:
        same = float(official[-1]["value"]) == total
        match = (
            f" They add up to {number(total)}, {'the same as' if same else 'which differs from'} the "
            f"{official[-1]['verification']} total of {number(official[-1]['value'])}."
        )
    return ChartSpec(
        id="results-phase1-by-step",
        title="Phase-1 institutional changes by step",
        kind="bar",
        data=data,
        x="step",
        y="value",
        unit="institutional changes",
        summary="By step: " + ", ".join(f"{r['step']} {number(r['value'])}" for r in data) + "." + match,
        columns=[Column("step", "Step")] + FIG_COLUMNS + SOURCE_COLUMNS,
    )


DIMENSIONS = [
    ("Legal coverage", "phase1_people_legal", "phase2_people_legal"),
    ("Effective coverage", "phase1_people_effective", "phase2_people_effective"),
    ("Adequacy", "phase1_people_adequacy", "phase2_people_adequacy"),
]


def _dimensions(pkg) -> ChartSpec | None:
    data = []
    for dim, m1, m2 in DIMENSIONS:
        for r in pkg.measure(m1, targets=False):
            series = "Phase 1 result (" + ("official" if r["verification"] == "verified" else "prototype") + ")"
            data.append(with_source(pkg, {**r, "dimension": dim, "series": series}))
        for r in pkg.measure(m2, targets=True):
            data.append(with_source(pkg, {**r, "dimension": dim, "series": "Phase 2 target"}))
    if not data:
        return None
    data.sort(key=lambda r: (r["series"], [d[0] for d in DIMENSIONS].index(r["dimension"])))
    return ChartSpec(
        id="results-people-by-dimension",
        title="People by dimension of coverage",
        kind="bar",
        data=data,
        x="dimension",
        y="value",
        series="series",
        unit="people",
        summary="Phase-1 results by legal coverage, effective coverage and adequacy, next to the phase-2 "
        "targets; the official phase-1 figures are floors ('over'), the prototype's are exact and unverified.",
        columns=[Column("dimension", "Dimension"), Column("series", "Series")] + FIG_COLUMNS + SOURCE_COLUMNS,
    )


def conflicts(pkg) -> list[list[dict]]:
    """Groups of figures of one measure (results or targets) whose values differ."""
    groups: dict[tuple, list[dict]] = {}
    for r in pkg.figures.values():
        groups.setdefault((r["measure"], r["qualifier"] == "target", r["as_of"][:4]), []).append(r)
    return [sorted(g, key=lambda r: r["figure_id"]) for _, g in sorted(groups.items()) if differs(g)]


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
    charts = [
        (
            "## Phase 2: institutional changes against the target",
            _progress(
                pkg,
                "phase2_institutional_changes",
                "results-phase2-changes",
                "Phase-2 institutional changes so far",
                "institutional changes",
                "Institutional changes",
            ),
        ),
        (
            "## Phase 2: people reached against the target",
            _progress(
                pkg,
                "phase2_people",
                "results-phase2-people",
                "Phase-2 people reached so far",
                "people",
                "People reached",
            ),
        ),
        ("## Phase 1 by step", _by_step(pkg)),
        ("## People by dimension", _dimensions(pkg)),
    ]
    for heading, spec in charts:
        if spec:
            page.add(heading)
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
        page.add(
            table(
                [
                    Column("label", "Figure"),
                    Column("value", "Value"),
                    Column("period", "Period"),
                    Column("verification", "Verification"),
                    Column("source", "Source"),
                ],
                rows,
            )
        )
    if not groups:
        page.add("No disagreements in the current data.")
    return [page]
