"""Countries: an index with a region filter and a coverage map, and one page per country."""

from __future__ import annotations

from spf.sitegen import figures, suggest, views
from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import Column, Raw, badge, gap, link, md_link, provenance, source_link, table
from spf.sitegen.figures import Fig, count_text
from spf.sitegen.page import Page
from spf.sitegen.pages.common import CONTRIBUTE, source_columns, with_source
from spf.sitegen.text import figure, h, is_blank, md, number

WORLD = "OWID_WRL"
ANY = "sdg131_any_benefit"
STEP_NAMES = {"strategy": "1. Strategy or policy", "law": "2. Law or scheme", "operations": "3. Operations"}
COUNTED = "counted by the programme"
NOT_COUNTED_TEXT = "Not stated as a programme result: no source says the programme counts this change"
NOT_COUNTED_NOTE = (
    "Changes marked \u201cnot stated as a programme result\u201d are on record (for example in an ILO "
    "results-monitoring record), but no source says the programme counts them among the institutional changes "
    "it reports; they are not part of the programme's totals."
)
OTHER_INDICATORS = ["sdg131_pension", "sdg131_pension_female", "sdg131_pension_male", "sdg381_uhc_index"]


def country_src(iso3: str) -> str:
    return f"countries/{iso3.lower()}.md"


def latest(pkg, iso3: str, indicator: str) -> dict | None:
    series = pkg.coverage_series(iso3, indicator)
    return series[-1] if series else None


def _phases_text(pkg, iso3: str) -> Raw:
    parts = [f"{int(r['phase'])} {badge(r['verification'])}" for r in pkg.focus_phases(iso3)]
    return Raw(", ".join(parts) or "not listed")


def _changes(pkg, iso3: str):
    return sorted(pkg.by("institutional_changes", "iso3").get(iso3, []), key=lambda r: r["change_id"])


def change_rows(pkg, changes: list[dict], page_src: str, with_country: bool = False) -> list[dict]:
    rows = []
    for c in changes:
        people = ""
        if not is_blank(c.get("people_covered")):
            people = Raw(
                f"{h(number(c['people_covered']))} {h(c['people_measure'])} (source: "
                f"{provenance(pkg, [c], 'people_source_id', 'people_verification')})"
            )
        row = {
            "when": c["period"] or (str(int(c["year"])) if not is_blank(c.get("year")) else "date unknown"),
            "phase": "" if is_blank(c.get("phase")) else int(c["phase"]),
            "step": STEP_NAMES.get(c["step"], c["step"] or "not shown in the source"),
            "description": c["description"],
            "link": COUNTED if c.get("programme_link") == COUNTED else NOT_COUNTED_TEXT,
            "people": people,
            "source": provenance(pkg, [c]),
        }
        fix = suggest.change_link(c, pkg.countries.get(c["iso3"], {}).get("name", c["iso3"]), page_src)
        row["source"] = Raw(f"{row['source']} {fix}") if fix else row["source"]
        if with_country:
            name = pkg.countries.get(c["iso3"], {}).get("name", c["iso3"])
            row["country"] = Raw(f'<a href="{h(link(page_src, country_src(c["iso3"])))}">{h(name)}</a>')
        rows.append(row)
    return rows


CHANGE_COLUMNS = [
    Column("when", "When"),
    Column("phase", "Phase"),
    Column("step", "Step"),
    Column("description", "What changed"),
    Column("link", "Programme result?"),
    Column("people", "People covered"),
    Column("source", "Source"),
]


AREA_COLUMNS = [Column("series", "Area"), Column("year", "Year"), Column("value", "Percent", True)]


def coverage_chart(pkg, iso3: str, view: views.Chart) -> ChartSpec | None:
    name = pkg.countries[iso3]["name"]
    own = pkg.coverage_series(iso3, ANY)
    if not own:
        return None
    data = [with_source(pkg, {**r, "series": name}) for r in own]
    world = views.text("chart.country_coverage.world")
    data += [with_source(pkg, {**r, "series": world}) for r in pkg.coverage_series(WORLD, ANY)]
    region = pkg.countries[iso3]["ilo_region"]
    area = views.text("chart.country_coverage.region", region=region)
    for measure in next((i.measures for i in view.items if i.key == region), ()):
        for r in pkg.measure(measure, targets=False):
            data.append(
                with_source(
                    pkg,
                    {
                        "area_name": area,
                        "year": int(r["as_of"][:4]),
                        "value": r["value"],
                        "verification": r["verification"],
                        "source_id": r["source_id"],
                        "series": area,
                    },
                )
            )
    trend = figures.trend(views.text(view.what, name=name), [Fig.of(r, unit="percent") for r in own])
    return view.spec(
        data,
        views.text(view.summary, trend=trend),
        AREA_COLUMNS + source_columns(),
        title=views.text(view.title, name=name),
        id_params={"iso3": iso3.lower()},
    )


def _other_indicators(pkg, iso3: str, sources: set, contribute: str) -> str:
    names = {r["indicator"]: r["name"] for r in pkg.records("indicators")}
    rows = []
    for ind in OTHER_INDICATORS:
        r = latest(pkg, iso3, ind)
        if r:
            sources.add(r["source_id"])
            value = ("at least " if r["qualifier"] == "at_least" else "") + figure(r["value"], r["unit"])
            rows.append(
                {
                    "indicator": names.get(ind, ind),
                    "year": int(r["year"]),
                    "value": value,
                    "source": provenance(pkg, [r]),
                }
            )
    if not rows:
        return gap("No pension or health coverage figures for this country are in the package.", contribute)
    return table(
        [
            Column("indicator", "Indicator"),
            Column("year", "Year"),
            Column("value", "Value"),
            Column("source", "Source"),
        ],
        rows,
    ) + (
        '\n<p class="note" data-search-exclude>These come from the 2019 release of the UN SDG database '
        "(mostly 2015-2016 data); "
        "newer figures are not in the package yet.</p>"
    )


def country_page(pkg, iso3: str, view: views.Chart) -> Page:
    c = pkg.countries[iso3]
    src = country_src(iso3)
    page = Page(
        src,
        c["name"],
        f"SPF Flagship programme in {c['name']}: phases, institutional changes and "
        "social protection coverage, with sources.",
    )
    sources = {c["source_id"]}
    phases = pkg.focus_phases(iso3)
    sources |= {p["source_id"] for p in phases}
    contribute = link(src, CONTRIBUTE)
    page.add(f"**ILO region:** {md(c['ilo_region'])}  \n**Focus country in phase:** {_phases_text(pkg, iso3)}")
    if phases:
        page.add(
            table(
                [Column("phase", "Phase"), Column("evidence", "Evidence"), Column("source", "Source")],
                [{"phase": int(p["phase"]), "evidence": p["evidence"], "source": provenance(pkg, [p])} for p in phases],
            )
        )
    if links := suggest.country_links(c["name"], src):
        page.add(links)
    page.add("## Institutional changes { data-search-exclude }")
    changes = _changes(pkg, iso3)
    if changes:
        sources |= {x["source_id"] for x in changes} | {x["people_source_id"] for x in changes if x["people_source_id"]}
        if any(x.get("programme_link") != COUNTED for x in changes):
            page.add(NOT_COUNTED_NOTE)
        page.add(table(CHANGE_COLUMNS, change_rows(pkg, changes, src)))
    else:
        page.add(gap(f"No institutional change in {c['name']} is documented in the package yet.", contribute))
    page.add("## Social protection coverage (SDG 1.3.1) { data-search-exclude }")
    spec = coverage_chart(pkg, iso3, view)
    if spec:
        sources |= {r["source_id"] for r in spec.data}
        page.chart(spec)
    else:
        page.add(gap(f"The package has no SDG 1.3.1 series for {c['name']}.", contribute))
    page.add(
        "## Pensions and health coverage { data-search-exclude }", _other_indicators(pkg, iso3, sources, contribute)
    )
    partners = [p for p in pkg.records("partners") if c["name"] in (p["countries"] or "")]
    if partners:
        sources |= {p["source_id"] for p in partners}
        page.add(
            "## Partners named for this country { data-search-exclude }",
            table(
                [Column("name", "Partner"), Column("evidence", "Evidence"), Column("source", "Source")],
                [{"name": p["name"], "evidence": p["evidence"], "source": provenance(pkg, [p])} for p in partners],
            ),
        )
    items = "".join(f"<li>{source_link(pkg, s)}</li>" for s in sorted(x for x in sources if x))
    page.add(
        "## Sources used on this page { data-search-exclude }", f'<ul class="sources" data-search-exclude>{items}</ul>'
    )
    return page


def coverage_map(pkg, view: views.Chart) -> ChartSpec | None:
    rows = []
    for iso3 in pkg.focus_iso3:
        r = latest(pkg, iso3, ANY)
        if r:
            name = pkg.countries[iso3]["name"]
            hover = views.text("chart.countries_map.hover", name=name, value=number(r["value"]), year=int(r["year"]))
            rows.append(
                with_source(
                    pkg,
                    {
                        "iso3": iso3,
                        "name": name,
                        "year": int(r["year"]),
                        "value": r["value"],
                        "verification": r["verification"],
                        "source_id": r["source_id"],
                        "hover": hover,
                    },
                )
            )
    if not rows:
        return None
    lo, hi = min(rows, key=lambda r: r["value"]), max(rows, key=lambda r: r["value"])
    summary = views.text(
        view.summary,
        n=count_text(len(rows), "focus countries"),
        lo=Fig.of(lo, unit="percent").text(),
        lo_name=lo["name"],
        hi=Fig.of(hi, unit="percent").text(),
        hi_name=hi["name"],
    )
    columns = [
        Column("iso3", "ISO3"),
        Column("name", "Country"),
        Column("year", "Year"),
        Column("value", "Percent", True),
    ]
    return view.spec(rows, summary, columns + source_columns())


def index_page(pkg, view: views.Chart) -> Page:
    src = "countries/index.md"
    page = Page(
        src,
        "Countries",
        "Focus countries of the SPF Flagship programme with their region, phase, coverage and documented changes.",
    )
    page.add(
        "Every country the package lists as a focus country. The phase-2 list comes from an unofficial "
        "2022 prototype and is not verified; see each country's page for its sources."
    )
    spec = coverage_map(pkg, view)
    if spec:
        page.chart(spec)
    page.add("## All focus countries")
    regions = sorted({c["ilo_region"] for c in pkg.countries.values()})
    options = "".join(f'<option value="{h(r)}">{h(r)}</option>' for r in regions)
    page.add(
        f'<p class="table-filter"><label for="region-filter">Show region</label> '
        f'<select id="region-filter" data-filter-table="countries-table" data-filter-column="1">'
        f'<option value="">All regions</option>{options}</select></p>'
    )
    rows, cited = [], []
    for iso3 in pkg.focus_iso3:
        c = pkg.countries[iso3]
        cov = latest(pkg, iso3, ANY)
        if cov:
            cited.append(cov)
        rows.append(
            {
                "name": Raw(f'<a href="{h(link(src, country_src(iso3)))}">{h(c["name"])}</a>'),
                "region": c["ilo_region"],
                "phases": _phases_text(pkg, iso3),
                "coverage": Raw(f"{h(number(cov['value']))} % ({int(cov['year'])}) {badge(cov['verification'])}")
                if cov
                else "no data",
                "changes": len(_changes(pkg, iso3)),
            }
        )
    page.add(
        table(
            [
                Column("name", "Country"),
                Column("region", "ILO region"),
                Column("phases", "Phase"),
                Column("coverage", "SDG 1.3.1 coverage (year)"),
                Column("changes", "Documented changes", True),
            ],
            rows,
            attrs=' id="countries-table"',
        )
    )
    if cited:
        page.add(f'<p class="provenance">SDG 1.3.1 coverage figures: {provenance(pkg, cited)}</p>')
    page.add(f"Missing a country or a result? See [how to contribute]({md_link(src, CONTRIBUTE)}).")
    return page


def build(pkg) -> list[Page]:
    index_map, country_chart = views.chart(pkg, "countries", "index_map"), views.chart(pkg, "countries", "country")
    return [index_page(pkg, index_map)] + [country_page(pkg, iso3, country_chart) for iso3 in pkg.focus_iso3]
