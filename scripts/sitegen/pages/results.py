"""Results: progress over time against targets, phase 1 by step, people by dimension, and every pair of
figures that disagree."""

from __future__ import annotations

import re

from spf.sitegen import i18n, views
from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import Column, SearchableBlock, badge, data_text, provenance, table
from spf.sitegen.figures import Fig, same_thing, series
from spf.sitegen.i18n import _, pgettext
from spf.sitegen.page import Page
from spf.sitegen.pages.common import (
    differs,
    phase1_countries,
    source_columns,
    verified_first,
    verified_then_later,
    with_source,
)
from spf.sitegen.text import h


def fig_columns() -> list[Column]:
    return [
        Column("period", _("Period")),
        Column("label", _("What is counted")),
        Column("value", _("Value"), True),
        Column("qualifier", _("Qualifier")),
    ]


def _rows(pkg, rows):
    return [with_source(pkg, r) for r in rows]


def _progress(pkg, view: views.Chart) -> ChartSpec | None:
    """Results of one measure over time, beside its targets: the targets are rows of the chart's data (their
    own bars, with their source in the data table), never lines without a source."""
    (measure,) = view.measures
    results = pkg.measure(measure, targets=False)
    if not results:
        return None
    targets = pkg.measure(measure, targets=True)
    summary = _progress_summary(views.text(view.what), results)
    if targets:
        summary += views.text(
            "chart.progress.summary.targets",
            targets=views.text("chart.progress.target_joiner").join(Fig.of(t).text() for t in targets),
        )
    result = views.text("chart.progress.result")
    data = [{**r, "series": result} for r in results]
    data += [{**t, "series": views.text("chart.progress.target_series", what=Fig.of(t).words())} for t in targets]
    return view.spec(
        _rows(pkg, data), summary + ".", [Column("series", _("Series"))] + fig_columns() + source_columns()
    )


def _progress_summary(what: str, results: list[dict]) -> str:
    """'went from A to B' ending on the latest verified figure, then what a later report gives (148 verified,
    then 149 reported): the verified figure first, the reported one beside it."""
    latest = verified_then_later(results)
    if len(latest) < 2 or len(results) == len(latest) or not same_thing([Fig.of(r) for r in latest]):
        return series(what, [Fig.of(r) for r in results])
    upto = results[: len(results) - len(latest) + 1]
    later = views.text("chart.progress.target_joiner").join(Fig.of(r).text() for r in latest[1:])
    return views.text("chart.progress.summary.later", first=series(what, [Fig.of(r) for r in upto]), later=later)


def _step_words(row: dict, names: dict) -> str:
    """What a step counts, for the summary: the data's words on English pages ('strategy or policy'), the
    step's translated name elsewhere ('1. Stratégie ou politique' -> 'stratégie ou politique')."""
    if i18n.current() == i18n.DEFAULT or row["measure"] not in names:
        return row["label"].split(": ")[-1]
    name = re.sub(r"^\d+\.\s*", "", names[row["measure"]][1])
    return name[:1].lower() + name[1:]


def _by_step(pkg, view: views.Chart) -> ChartSpec | None:
    """The phase-1 changes of each step, against the official total."""
    rows = [r for r in pkg.figures.values() if r["topic"] == view.topic and r["phase"] == 1]
    if not rows:
        return None
    names = {m: (n, views.text(item.label)) for n, item in enumerate(view.items, 1) for m in item.measures}
    data = sorted(
        (with_source(pkg, {**r, "step": names.get(r["measure"], (0, r["label"]))[1]}) for r in rows),
        key=lambda r: r["step"],
    )
    steps = _("; ").join(
        views.text(
            "chart.results_by_step.step",
            n=names.get(r["measure"], (0, ""))[0],
            what=_step_words(r, names),
            value=Fig.of(r).text(period=False),
        )
        for r in data
    )
    summary = views.text(view.summary, steps=steps)
    official = pkg.measure(view.measures[0], targets=False)
    if official:
        total, last = sum(float(r["value"]) for r in data), official[-1]
        # each relation is a whole message, so each language writes its own article ('du total', 'del total')
        same = float(last["value"]) == total
        summary += views.text(
            "chart.results_by_step.match_same" if same else "chart.results_by_step.match_differs",
            total=Fig.count(int(total), last["unit"]).text(),
            official=Fig.of(last).text(),
        )
        labels = sorted({r["verification"] for r in data} - {"verified"})
        if labels:
            names = [predicate(label) for label in labels]
            summary += views.text("chart.results_by_step.caveat", labels=_(" and ").join(names))
    return view.spec(data, summary, [Column("step", _("Step"))] + fig_columns() + source_columns())


def predicate(label: str) -> str:
    """A verification label after "the step figures are": its own message, so it agrees with the plural subject
    ('non vérifiés', 'no verificados')."""
    words = {
        "verified": pgettext("the figures are …", "verified"),
        "reported": pgettext("the figures are …", "reported"),
        "unverified": pgettext("the figures are …", "unverified"),
        "computed": pgettext("the figures are …", "computed"),
    }
    return words[label]


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
    order = [
        views.text(f"chart.results_dimensions.{k}") for k in ("phase1_official", "phase1_prototype", "phase2_target")
    ]
    data.sort(key=lambda r: (order.index(r["series"]), dims.index(r["dimension"])))  # the same order in every language
    return view.spec(
        data,
        views.text(view.summary),
        [Column("dimension", _("Dimension")), Column("series", _("Series"))] + fig_columns() + source_columns(),
    )


BUILDERS = {"progress": _progress, "by_step": _by_step, "dimensions": _dimensions}


def conflicts(pkg) -> list[list[dict]]:
    """Groups of figures that give different values for one thing: one measure (or measures views.yml declares
    comparable, in the table results-conflicts), results or targets, one period."""
    alias = {
        m: item.measures[0] for item in views.table(pkg, "results", "results-conflicts").items for m in item.measures
    }
    groups: dict[tuple, list[dict]] = {}
    for r in pkg.figures.values():
        key = (alias.get(r["measure"], r["measure"]), r["qualifier"] == "target", r["period"])
        groups.setdefault(key, []).append(r)
    found = [sorted(g, key=lambda r: r["figure_id"]) for _, g in sorted(groups.items()) if differs(g)]
    for measure in sorted({r["measure"] for r in pkg.figures.values()}):
        later = verified_then_later(pkg.measure(measure, targets=False))  # 148 (verified), then 149 (reported)
        same = [r for r in later if r["label"] == later[0]["label"] and _start(r) and _start(r) == _start(later[0])]
        if len({r["period"] for r in same}) > 1 and same[0]["verification"] == "verified" and differs(same):
            found.append(same)
    return [verified_first(g) for g in found]


def _start(row: dict) -> str | None:
    """The first year of a running total's period ('2021-2024', '2021 to March 2025' -> '2021'), else None."""
    m = re.match(r"((?:19|20)\d\d)(?:-| to )", str(row["period"]))
    return m.group(1) if m else None


def conflict_columns() -> list[Column]:
    return [
        Column("group", _("Compared"), True),
        Column("label", _("Figure")),
        Column("value", _("Value")),
        Column("period", _("Period")),
        Column("verification", _("Verification")),
        Column("source", _("Source")),
    ]


def _conflict_table(pkg, groups: list[list[dict]]) -> str:
    """Every disagreement in one table; 'Compared' numbers the group each figure belongs to."""
    rows = [
        {
            "group": n,
            "value": Fig.of(r).words(),  # the label is in its own column
            "label": data_text(r["label"]),
            "period": data_text(r["period"]),
            "verification": badge(r["verification"]),
            "source": provenance(pkg, [r]),
        }
        for n, group in enumerate(groups, 1)
        for r in group
    ]
    return table(conflict_columns(), rows, caption=_("Figures that disagree, in numbered groups of figures compared"))


OTHER_TOPICS = ("programme", "meeting", "country_result")


def _other_figures(pkg) -> str | None:
    """Figures about the programme that no headline card shows (staff, countries surveyed, meetings)."""
    on_cards = {m for c in views.for_page(pkg, "home")[0] + views.for_page(pkg, "thematic")[0] for m in c.all_measures}
    rows = sorted(
        (r for r in pkg.figures.values() if r["topic"] in OTHER_TOPICS and r["measure"] not in on_cards),
        key=lambda r: (r["as_of"], r["figure_id"]),
    )
    if not rows:
        return None
    return table(
        conflict_columns()[1:],
        [
            {
                "label": data_text(r["label"]),
                "value": Fig.of(r).words(),  # the label is in its own column
                "period": data_text(r["period"]),
                "verification": badge(r["verification"]),
                "source": provenance(pkg, [r]),
            }
            for r in rows
        ],
        caption=_("Other figures about the programme"),
    )


def build(pkg) -> list[Page]:
    page = Page(
        "results.md",
        _("Results over time"),
        _("Progress of the SPF Flagship programme against its targets, with sources and verification labels."),
    )
    page.add(
        _(
            "Each chart shows the published figures only; the bars carry their verification label, and "
            "hatched bars are not verified."
        )
    )
    for view in views.for_page(pkg, "results")[1]:
        spec = BUILDERS[view.build](pkg, view)
        if spec:
            page.add(f"## {views.text(view.heading)}")
            page.chart(spec)
    page.add(
        _(
            "The phase-2 people figures do not all count the same thing: read each label in the data table "
            "(measurable improvement, legal and effective coverage, access to benefits)."
        )
    )
    other = _other_figures(pkg)
    if other:
        heading = _("Other figures about the programme")
        page.add(f"## {heading}", other)
        if both := phase1_countries(pkg):
            page.add(SearchableBlock(f'<p class="note">{h(both)}</p>'))
    heading = _("Figures that disagree")
    page.add(
        f"## {heading}",
        _(
            "Where two sources give different numbers for the same thing, both are kept. Nothing here is "
            "resolved silently: compare the sources and labels."
        ),
    )
    groups = conflicts(pkg)
    if groups:
        page.add(_conflict_table(pkg, groups))
    else:
        page.add(_("No disagreements in the current data."))
    return [page]
