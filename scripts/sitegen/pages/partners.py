"""Partners and funding: the phase-2 budget against its funding gap, and every partner with its evidence."""

from __future__ import annotations

from spf.sitegen import i18n, views
from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import Column, Raw, badge, data_text, provenance, table
from spf.sitegen.figures import Fig, listing
from spf.sitegen.i18n import _
from spf.sitegen.page import Page
from spf.sitegen.pages.common import source_columns, with_source
from spf.sitegen.text import as_data, figure, is_blank


def _budget(pkg, view: views.Chart) -> ChartSpec | None:
    data = []
    for item in view.items:
        name = views.text(item.label)
        for measure in item.measures:
            for r in pkg.measure(measure):
                series = views.text(_as_of(r, "chart.funding_budget.series"), as_of=_plain_date(r["as_of"]))
                data.append(with_source(pkg, {**r, "item": name, "series": series}))
    if not data:
        return None
    items = _("; ").join(
        views.text(
            _as_of(d, "chart.funding_budget.item"),
            item=d["item"],
            value=figure(d["value"], d["unit"]),
            verification=Fig.of(d).label(),
            as_of=_plain_date(d["as_of"]),
        )
        for d in data
    )
    return view.spec(
        data,
        views.text(view.summary, items=items),
        [Column("item", _("Item")), Column("as_of", _("As of")), Column("value", _("US$"), True)] + source_columns(),
    )


def _split(pkg, view: views.Chart) -> ChartSpec | None:
    rows = [with_source(pkg, r) for r in pkg.figures.values() if r["topic"] == view.topic]
    if not rows:
        return None
    rows.sort(key=lambda r: -r["value"])
    for r in rows:
        r["part"] = r["label"].replace("Share of the phase-2 budget for ", "")  # the data's words
    parts = listing([(as_data(r["part"]), Fig.of(r, unit="percent")) for r in rows])
    return view.spec(
        rows,
        views.text(view.summary, parts=parts),
        [Column("part", _("Part")), Column("value", _("Percent"), True)] + source_columns(),
        data_text=("part",),
    )


BUILDERS = {"budget": _budget, "split": _split}


def _as_of(row: dict, message: str) -> str:
    """The message for a date ('au 7 octobre 2021') or its own for a month ('en octobre 2021')."""
    return message + "_month" if len(str(row["as_of"])) == 7 else message


def _plain_date(value: str) -> str:
    """A date inside a sentence or a series name, in the page's language (the <time> element is for HTML)."""
    return i18n.when(value)


def partner_columns() -> list[Column]:
    return [
        Column("name", _("Partner")),
        Column("type", _("Type")),
        Column("evidence", _("Evidence")),
        Column("where", _("Countries")),
        Column("amount", _("Amount")),
        Column("source", _("Source")),
    ]


def _other_funding(pkg) -> str | None:
    other = [r for r in pkg.figures.values() if r["topic"] == "funding" and r["phase"] != 2]
    if not other:
        return None
    return table(
        [
            Column("label", _("Figure")),
            Column("value", _("Value")),
            Column("period", _("Period")),
            Column("source", _("Source")),
        ],
        [
            {
                "label": data_text(r["label"]),
                "value": figure(r["value"], r["unit"], r["qualifier"]),
                "period": data_text(r["period"]),
                "source": provenance(pkg, [r]),
            }
            for r in sorted(other, key=lambda r: r["as_of"])
        ],
    )


def _partner_rows(pkg) -> list[dict]:
    rows = []
    for p in pkg["partners"].sort_values("name").to_dict("records"):
        amount = _("not on record") if is_blank(p["amount"]) else figure(p["amount"], p["currency"] or "")
        if p["currency"] == "USD" and not is_blank(p["amount"]):
            amount = figure(p["amount"], "USD")
        rows.append(
            {
                "name": data_text(p["name"]),
                "type": data_text(p["partner_type"]),
                "evidence": data_text(p["evidence"]),
                "where": data_text(p["countries"] or ""),
                "amount": amount,
                "verification": badge(p["verification"]),
                "source": Raw(provenance(pkg, [p])),
            }
        )
    return rows


def build(pkg) -> list[Page]:
    page = Page(
        "partners-and-funding.md",
        _("Partners and funding"),
        _("Budget, funding gap and development partners of the SPF Flagship programme, with the evidence for each."),
    )
    for view in views.for_page(pkg, "partners")[1]:
        spec = BUILDERS[view.build](pkg, view)
        if spec:
            page.add(f"## {views.text(view.heading)}")
            page.chart(spec)
    other = _other_funding(pkg)
    if other:
        page.add("## " + _("Other funding figures"), other)
    page.add(
        "## " + _("Partners"),
        _(
            "Partners named in public sources as supporting the programme. Amounts are shown only "
            "where a source gives one; an empty cell means no amount is on record."
        ),
    )
    page.add(table(partner_columns(), _partner_rows(pkg), searchable=True))
    return [page]
