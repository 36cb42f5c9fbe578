"""Global context: SDG 1.3.1 for the world and regions, spending by income group, coverage by branch."""

from __future__ import annotations

from spf.sitegen.charts import ChartSpec, trend_sentence
from spf.sitegen.components import Column, badge, provenance, table
from spf.sitegen.page import Page
from spf.sitegen.pages.common import SOURCE_COLUMNS, with_source
from spf.sitegen.text import figure, number

WORLD, ANY = "OWID_WRL", "sdg131_any_benefit"
UN_REGIONS = ["UN_AFR", "UN_ASI", "UN_EUR", "UN_LAC", "UN_NAM", "UN_OCE"]


def _world(pkg) -> ChartSpec | None:
    rows = [with_source(pkg, {**r, "series": r["area_name"]}) for r in pkg.coverage_series(WORLD, ANY)]
    for code in UN_REGIONS:
        rows += [with_source(pkg, {**r, "series": r["area_name"]}) for r in pkg.coverage_series(code, ANY)]
    if not rows:
        return None
    world = [r for r in rows if r["area_code"] == WORLD]
    return ChartSpec(
        id="context-sdg131-world-regions",
        title="Population covered by at least one social protection benefit",
        kind="line",
        data=rows,
        x="year",
        y="value",
        series="series",
        unit="percent",
        summary=trend_sentence("World coverage", world) + " Regions follow the UN grouping used by the source.",
        columns=[Column("series", "Area"), Column("year", "Year"), Column("value", "Percent", True)] + SOURCE_COLUMNS,
    )


def _bars(pkg, topic: str, chart_id: str, title: str, unit: str, lead: str) -> ChartSpec | None:
    rows = [
        with_source(pkg, {**r, "what": r["label"].split(": ")[-1]}) for r in pkg.figures.values() if r["topic"] == topic
    ]
    if not rows:
        return None
    rows.sort(key=lambda r: -r["value"])
    return ChartSpec(
        id=chart_id,
        title=title,
        kind="bar",
        data=rows,
        x="what",
        y="value",
        unit=unit,
        summary=lead + ", ".join(f"{r['what']} {number(r['value'])} %" for r in rows) + ".",
        columns=[Column("what", "Group"), Column("period", "Year"), Column("value", "Value", True)] + SOURCE_COLUMNS,
    )


def world_comparison(pkg) -> list[dict]:
    """The ILO's own world figures next to the same year of the dataset series."""
    rows = []
    for r in pkg.measure("sdg131_world", targets=False):
        year = int(r["as_of"][:4])
        match = [x for x in pkg.coverage_series(WORLD, ANY) if x["year"] == year]
        rows.append(
            {
                "year": year,
                "a": figure(r["value"], r["unit"]),
                "a_src": provenance(pkg, [r]),
                "b": figure(match[0]["value"], "percent") if match else "no data",
                "b_src": provenance(pkg, match) if match else "",
                "same": "yes" if match and float(match[0]["value"]) == float(r["value"]) else "no",
            }
        )
    return rows


def build(pkg) -> list[Page]:
    page = Page(
        "global-context.md",
        "Global context",
        "Social protection coverage and spending worldwide: SDG 1.3.1 "
        "for the world and regions, spending by income group, with sources.",
    )
    spec = _world(pkg)
    if spec:
        page.add("## Coverage over time")
        page.chart(spec)
    comparison = world_comparison(pkg)
    if comparison:
        page.add(
            "## World coverage: two sources side by side",
            "The ILO's published world figure and the dataset series do not always agree, because estimates "
            "are revised between releases. Both are kept.",
        )
        page.add(
            table(
                [
                    Column("year", "Year"),
                    Column("a", "ILO publication"),
                    Column("a_src", "Source"),
                    Column("b", "Dataset series"),
                    Column("b_src", "Source"),
                    Column("same", "Same value"),
                ],
                comparison,
            )
        )
    regions = [r for r in pkg.figures.values() if r["topic"] == "coverage_region"]
    if regions:
        page.add(
            "## ILO regions in 2020",
            table(
                [Column("what", "Region"), Column("value", "Covered"), Column("source", "Source")],
                [
                    {
                        "what": r["label"].split(": ")[-1],
                        "value": figure(r["value"], r["unit"]),
                        "source": provenance(pkg, [r]),
                    }
                    for r in sorted(regions, key=lambda r: -r["value"])
                ],
            ),
        )
    for heading, spec in (
        (
            "## Spending by income group",
            _bars(
                pkg,
                "spending_by_income",
                "context-spending-income",
                "Social protection spending excluding health, by income group (% of GDP)",
                "percent",
                "Spending in 2023: ",
            ),
        ),
        (
            "## Coverage by branch",
            _bars(
                pkg,
                "coverage_branch",
                "context-coverage-branch",
                "World coverage by branch of social protection (%)",
                "percent",
                "Share covered in 2023: ",
            ),
        ),
    ):
        if spec:
            page.add(heading)
            page.chart(spec)
    other = [
        r
        for r in pkg.figures.values()
        if r["topic"] in ("spending", "coverage_world", "context") and r["measure"] != "sdg131_world"
    ]
    if other:
        page.add(
            "## Other figures",
            table(
                [
                    Column("label", "Figure"),
                    Column("value", "Value"),
                    Column("period", "Year"),
                    Column("verification", "Verification"),
                    Column("source", "Source"),
                ],
                [
                    {
                        "label": r["label"],
                        "value": figure(r["value"], r["unit"], r["qualifier"]),
                        "period": r["period"],
                        "verification": badge(r["verification"]),
                        "source": provenance(pkg, [r]),
                    }
                    for r in other
                ],
            ),
        )
    return [page]
