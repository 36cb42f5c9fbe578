"""Institutional changes: the register by country, year and step, against the totals the ILO reports."""

from __future__ import annotations

from spf.sitegen import register, views
from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import Block, Column, gap, link, md_link
from spf.sitegen.figures import Fig, count_note, count_text
from spf.sitegen.i18n import _, ngettext
from spf.sitegen.page import Page
from spf.sitegen.pages.common import CONTRIBUTE, source_columns, with_source
from spf.sitegen.pages.countries import (
    ASSIGNED,
    COUNTED,
    NOT_COUNTED_NOTE,
    STEP_NAMES,
    change_columns,
    change_rows,
)


def columns() -> list[Column]:
    return [
        Column("phase", _("Phase")),
        Column("series", _("Series")),
        Column("value", _("Count"), True),
        Column("period", _("Period")),
    ] + source_columns()


def _documented_vs_reported(pkg, view: views.Chart) -> ChartSpec | None:
    df = pkg["institutional_changes"]
    df = df[df["programme_link"] == COUNTED]  # only changes a source counts among the programme's results
    data = []
    for item in view.items:
        (measure,) = item.measures
        reported = pkg.measure(measure, targets=False)
        if not reported:
            continue
        verified = [r for r in reported if r["verification"] == "verified"]
        total = (verified or reported)[-1]  # the latest published total; a press figure only when there is none
        phase = views.text("chart.changes_documented.phase", phase=item.key)
        data.append(
            {
                "phase": phase,
                "series": views.text("chart.changes_documented.documented"),
                "value": int((df["phase"] == int(item.key)).sum()),
                "verification": "computed",
                "source_id": "",
                "period": "",
                "label": views.text("chart.changes_documented.rows"),
            }
        )
        data.append(
            {
                "phase": phase,
                "series": views.text(f"chart.changes_documented.reported_{total['verification']}"),
                **{k: total[k] for k in ("value", "unit", "verification", "source_id", "period", "label")},
            }
        )
    if not data:
        return None
    pairs = _("; ").join(
        views.text(
            "chart.changes_documented.pair",
            phase=d["phase"],
            documented=Fig.count(d["value"], "documented").text(),
            reported=Fig.of(t).text(),
        )
        for d, t in zip(data[::2], data[1::2], strict=True)
    )
    data = [with_source(pkg, d) for d in data]
    return view.spec(data, views.text(view.summary, pairs=pairs), columns())


def _step_caveat(pkg) -> str:
    """What the step counts are: rows of this package, most of them not stated as programme results, some
    with a step the compilers assigned."""
    stepped = [c for c in pkg.records("institutional_changes") if c["step"] in STEP_NAMES]
    if not stepped:
        return ""
    n = sum(1 for c in stepped if c.get("programme_link") != COUNTED)
    assigned = sum(1 for c in stepped if ASSIGNED in (c.get("notes") or ""))
    return ngettext(
        "These counts are rows of this package, not the programme's own figures: of {total}, {count} is not "
        "stated as a programme result, and for {assigned} the compilers assigned the step.",
        "These counts are rows of this package, not the programme's own figures: of {total}, {count} are not "
        "stated as programme results, and for {assigned} the compilers assigned the step.",
        n,
        total=count_text(len(stepped), "entries"),
        count=count_text(n, "entries"),
        assigned=count_text(assigned, "entries"),
    )


def build(pkg) -> list[Page]:
    src = "institutional-changes.md"
    page = Page(
        src,
        _("Institutional changes"),
        _(
            "Register of documented institutional changes in the SPF Flagship programme's countries, by country, "
            "year and step, with sources and whether a source counts each one among the programme's results."
        ),
    )
    page.add(
        _(
            "The programme counts its results as institutional changes in three steps: a strategy or policy "
            "adopted (step 1), a law or scheme designed and adopted (step 2), and better governance or "
            "operations (step 3). Only a few changes are documented one by one in public sources; the rest "
            "are known only as totals."
        )
    )
    for key, name in STEP_NAMES.items():
        n = int((pkg["institutional_changes"]["step"] == key).sum())
        number, what = _(name).split(". ", 1)  # "1. Strategy" would start an ordered list
        line = _("Step {number} ({what}): {count}", number=number, what=what.lower(), count=count_text(n, "documented"))
        page.add(f"- {line}")
    caveat = _step_caveat(pkg)
    if caveat:
        page.add(caveat)
    page.add(count_note())
    spec = _documented_vs_reported(pkg, views.for_page(pkg, "changes")[1][0])
    if spec:
        page.chart(spec)
    changes = pkg["institutional_changes"].sort_values(["iso3", "change_id"]).to_dict("records")
    page.add("## " + _("The register"))
    if changes:
        cols = [Column("country", _("Country"))] + change_columns()
        page.add(_(NOT_COUNTED_NOTE))
        page.add(
            _(
                "Filter the register by country, step, phase, verification label and programme link, order it by "
                "date and download the rows shown as CSV (with JavaScript; without it, the whole register is below "
                "and in {csv_link}).",
                csv_link=f"[institutional\\_changes.csv]({md_link(src, 'data/institutional_changes.md')})",
            )
        )
        page.add(Block(register.filters(pkg, changes, STEP_NAMES)))
        page.add(register.table(pkg, changes, change_rows(pkg, changes, src, with_country=True), cols))
        page.add(Block(register.script(src)))
    else:
        page.add(gap(_("No institutional change is documented yet."), link(src, CONTRIBUTE)))
    return [page]
