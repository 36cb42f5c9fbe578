"""Partners and funding: the phase-2 budget against its funding gap, and every partner with its evidence."""

from __future__ import annotations

from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import Column, Raw, badge, provenance, table
from spf.sitegen.page import Page
from spf.sitegen.pages.common import SOURCE_COLUMNS, with_source
from spf.sitegen.text import figure, is_blank

BUDGET_MEASURES = [
    ("Budget", "phase2_budget"),
    ("Funding gap", "phase2_funding_gap"),
    ("Resources mobilised", "phase2_resources_mobilised"),
    ("ILO contribution", "phase2_ilo_contribution"),
]


def _budget(pkg) -> ChartSpec | None:
    data = []
    for name, measure in BUDGET_MEASURES:
        for r in pkg.measure(measure):
            data.append(with_source(pkg, {**r, "item": name, "series": f"as of {r['as_of']}"}))
    if not data:
        return None
    text = "; ".join(
        f"{d['item'].lower()} {figure(d['value'], d['unit'])} ({d['verification']}, as of {d['as_of']})" for d in data
    )
    return ChartSpec(
        id="funding-phase2-budget",
        title="Phase-2 budget and funding gap (US$)",
        kind="bar",
        data=data,
        x="item",
        y="value",
        series="series",
        unit="USD",
        summary=f"Phase 2 (2021-2025): {text}. The two funding-gap figures come from different dates and sources.",
        columns=[Column("item", "Item"), Column("as_of", "As of"), Column("value", "US$", True)] + SOURCE_COLUMNS,
    )


def _split(pkg) -> ChartSpec | None:
    rows = [with_source(pkg, r) for r in pkg.figures.values() if r["topic"] == "budget_split"]
    if not rows:
        return None
    rows.sort(key=lambda r: -r["value"])
    for r in rows:
        r["part"] = r["label"].replace("Share of the phase-2 budget for ", "")
    return ChartSpec(
        id="funding-phase2-split",
        title="Planned use of the phase-2 budget (%)",
        kind="bar",
        data=rows,
        x="part",
        y="value",
        unit="percent",
        summary="Planned split of the budget: "
        + ", ".join(f"{r['part']} {figure(r['value'], 'percent')}" for r in rows)
        + " (unverified prototype figures).",
        columns=[Column("part", "Part"), Column("value", "Percent", True)] + SOURCE_COLUMNS,
    )


def build(pkg) -> list[Page]:
    page = Page(
        "partners-and-funding.md",
        "Partners and funding",
        "Budget, funding gap and development partners of the SPF Flagship programme, with the evidence for each.",
    )
    for heading, spec in (
        ("## Budget and funding gap", _budget(pkg)),
        ("## How the budget is planned to be used", _split(pkg)),
    ):
        if spec:
            page.add(heading)
            page.chart(spec)
    other = [r for r in pkg.figures.values() if r["topic"] == "funding" and r["phase"] != 2]
    if other:
        page.add(
            "## Other funding figures",
            table(
                [
                    Column("label", "Figure"),
                    Column("value", "Value"),
                    Column("period", "Period"),
                    Column("source", "Source"),
                ],
                [
                    {
                        "label": r["label"],
                        "value": figure(r["value"], r["unit"], r["qualifier"]),
                        "period": r["period"],
                        "source": provenance(pkg, [r]),
                    }
                    for r in sorted(other, key=lambda r: r["as_of"])
                ],
            ),
        )
    partners = pkg["partners"].sort_values("name").to_dict("records")
    page.add(
        "## Partners",
        "Partners named in public sources as supporting the programme. Amounts are shown only "
        "where a source gives one; an empty cell means no amount is on record.",
    )
    rows = []
    for p in partners:
        amount = "not on record" if is_blank(p["amount"]) else figure(p["amount"], p["currency"] or "")
        if p["currency"] == "USD" and not is_blank(p["amount"]):
            amount = figure(p["amount"], "USD")
        rows.append(
            {
                "name": p["name"],
                "type": p["partner_type"],
                "evidence": p["evidence"],
                "where": p["countries"] or "",
                "amount": amount,
                "verification": badge(p["verification"]),
                "source": Raw(provenance(pkg, [p])),
            }
        )
    page.add(
        table(
            [
                Column("name", "Partner"),
                Column("type", "Type"),
                Column("evidence", "Evidence"),
                Column("where", "Countries"),
                Column("amount", "Amount"),
                Column("source", "Source"),
            ],
            rows,
            searchable=True,
        )
    )
    return [page]
