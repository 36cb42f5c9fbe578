"""Countries: an index with a region filter and a coverage map, and one page per country."""

from __future__ import annotations

import re

from spf.sitegen import figures, i18n, suggest, views
from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import (
    Block,
    Column,
    Raw,
    SearchableBlock,
    badge,
    data_lang,
    data_text,
    gap,
    group_text,
    link,
    md_link,
    provenance,
    sentence,
    source_link,
    table,
)
from spf.sitegen.figures import Fig, count_text
from spf.sitegen.i18n import N_, _
from spf.sitegen.page import Page
from spf.sitegen.pages.common import CONTRIBUTE, country_name, source_columns, with_source
from spf.sitegen.text import figure, h, is_blank, link_parts, number, percent

WORLD = "OWID_WRL"
ANY = "sdg131_any_benefit"
STEP_NAMES = {"strategy": N_("1. Strategy or policy"), "law": N_("2. Law or scheme"), "operations": N_("3. Operations")}
COUNTED = "counted by the programme"  # the data's value of institutional_changes.programme_link
COUNTED_TEXT = N_("Yes")  # under the column "Counted as a programme result"
NOT_COUNTED_TEXT = N_("Not stated: no source says the programme counts this change")
NOT_COUNTED_NOTE = N_(
    "Changes marked \u201cnot stated as a programme result\u201d are on record (for example in an ILO "
    "results-monitoring record), but no source says the programme counts them among the institutional changes "
    "it reports; they are not part of the programme's totals."
)
OTHER_INDICATORS = ["sdg131_pension", "sdg131_pension_female", "sdg131_pension_male", "sdg381_uhc_index"]


def heading(text: str) -> str:
    """A section heading of a country page, left out of search (the page's title and tables are enough)."""
    return f"## {text} {{ data-search-exclude }}"


def country_src(iso3: str) -> str:
    return f"countries/{iso3.lower()}.md"


def latest(pkg, iso3: str, indicator: str) -> dict | None:
    series = pkg.coverage_series(iso3, indicator)
    return series[-1] if series else None


def _phases_text(pkg, iso3: str) -> Raw:
    parts = [f"{int(r['phase'])} {badge(r['verification'])}" for r in pkg.focus_phases(iso3)]
    return Raw(", ".join(parts) or h(_("not listed")))


def _partners(pkg, iso3: str) -> list[dict]:
    name = pkg.countries[iso3]["name"]
    return [p for p in pkg.records("partners") if name in (p["countries"] or "")]


def _changes(pkg, iso3: str):
    return sorted(pkg.by("institutional_changes", "iso3").get(iso3, []), key=lambda r: r["change_id"])


ASSIGNED = "Step assigned by the compilers"  # how the data notes say a step is not the source's
SAME_AS = re.compile(r"\b([a-z]{3}-\d{3})\b[^.]*?\bmay concern the same\b")  # notes: 'khm-001 ... may concern the same'


def near_duplicates(pkg) -> dict[str, list[str]]:
    """{change_id: [ids the data notes say it may be the same change as]}, both ways."""
    found: dict[str, set[str]] = {}
    for c in pkg.records("institutional_changes"):
        for other in SAME_AS.findall(c.get("notes") or ""):
            found.setdefault(c["change_id"], set()).add(other)
            found.setdefault(other, set()).add(c["change_id"])
    return {k: sorted(v) for k, v in found.items()}


def _description(c: dict, same: list[str]) -> Raw:
    """The change as its source describes it, with a visible note when the data notes say that another row
    may be the same change."""
    text = data_text(c["description"])
    if not same:
        return text
    note = _("This may be the same change as {ids}: the data notes say so.", ids=_(", ").join(same))
    return Raw(f'{text}<br><span class="note">{h(note)}</span>')


def _step(c: dict) -> str:
    step = _(STEP_NAMES[c["step"]]) if c["step"] in STEP_NAMES else c["step"] or _("not shown in the source")
    return _("{step} (assigned by the compilers)", step=step) if ASSIGNED in (c.get("notes") or "") else step


def change_rows(pkg, changes: list[dict], page_src: str, with_country: bool = False) -> list[dict]:
    rows, duplicates = [], near_duplicates(pkg)
    for c in changes:
        people = ""
        if not is_blank(c.get("people_covered")):
            people = sentence(
                _("{number} {what} (source: {source})"),
                number=h(number(c["people_covered"])),
                what=data_text(c["people_measure"]),
                source=provenance(pkg, [c], "people_source_id", "people_verification"),
            )
        when = c["period"] or (str(int(c["year"])) if not is_blank(c.get("year")) else _("date unknown"))
        when = data_text(when) if c["period"] and figures.period_text(when) != when else when  # '2016-12 to 2017-02'
        row = {
            "when": when,
            "phase": "" if is_blank(c.get("phase")) else int(c["phase"]),
            "step": _step(c),
            "description": _description(c, duplicates.get(c["change_id"], [])),
            "link": _(COUNTED_TEXT) if c.get("programme_link") == COUNTED else _(NOT_COUNTED_TEXT),
            "people": people,
            "source": provenance(pkg, [c]),
        }
        fix = suggest.change_link(c, pkg.countries.get(c["iso3"], {}).get("name", c["iso3"]), page_src)
        row["source"] = Raw(f"{row['source']} {fix}") if fix else row["source"]
        if with_country:
            name = country_name(pkg, c["iso3"])
            row["country"] = Raw(f'<a href="{h(link(page_src, country_src(c["iso3"])))}">{h(name)}</a>')
        rows.append(row)
    return rows


def change_columns() -> list[Column]:
    return [
        Column("when", _("When")),
        Column("phase", _("Phase")),
        Column("step", _("Step")),
        Column("description", _("What changed")),
        Column("link", _("Counted as a programme result")),
        Column("people", _("People covered")),
        Column("source", _("Source")),
    ]


def area_columns() -> list[Column]:
    return [Column("series", _("Area")), Column("year", _("Year")), Column("value", _("Percent"), True)]


def coverage_chart(pkg, iso3: str, view: views.Chart) -> ChartSpec | None:
    name = country_name(pkg, iso3)
    own = pkg.coverage_series(iso3, ANY)
    if not own:
        return None
    data = [with_source(pkg, {**r, "series": name}) for r in own]
    world = views.text("chart.country_coverage.world")
    data += [with_source(pkg, {**r, "series": world}) for r in pkg.coverage_series(WORLD, ANY)]
    region = pkg.countries[iso3]["ilo_region"]
    area = views.text("chart.country_coverage.region", region=i18n.group_name(region) or region)
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
        area_columns() + source_columns(),
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
            value = figure(r["value"], r["unit"])
            value = _("at least {figure}", figure=value) if r["qualifier"] == "at_least" else value
            rows.append(
                {
                    "indicator": data_text(names.get(ind, ind)),
                    "year": int(r["year"]),
                    "value": value,
                    "source": provenance(pkg, [r]),
                }
            )
    if not rows:
        return gap(_("No pension or health coverage figures for this country are in the package."), contribute)
    note = _(
        "These come from the 2019 release of the UN SDG database (mostly 2015-2016 data); newer figures are "
        "not in the package yet."
    )
    columns = [
        Column("indicator", _("Indicator")),
        Column("year", _("Year")),
        Column("value", _("Value")),
        Column("source", _("Source")),
    ]
    return table(columns, rows) + f'\n<p class="note" data-search-exclude>{h(note)}</p>'


def _header(page: Page, pkg, iso3: str, name: str, phases: list[dict]) -> None:
    """A country page's first lines: what is known at a glance, the evidence of each phase, the suggest links."""
    from spf.sitegen.pages.country_summary import summary  # it reads the gaps page, which imports this module

    c, src = pkg.countries[iso3], page.src
    page.add(Block(summary(pkg, iso3, name, _phases_text(pkg, iso3), _changes(pkg, iso3), _partners(pkg, iso3))))
    page.add(SearchableBlock(f'<p class="note">{h(figures.count_note())}</p>'))
    if phases:
        page.add(
            table(
                [Column("phase", _("Phase")), Column("evidence", _("Evidence")), Column("source", _("Source"))],
                [
                    {"phase": int(p["phase"]), "evidence": data_text(p["evidence"]), "source": provenance(pkg, [p])}
                    for p in phases
                ],
            )
        )
    if links := suggest.country_links(c["name"], src, shown=name):
        page.add(links)


def country_page(pkg, iso3: str, view: views.Chart) -> Page:
    c = pkg.countries[iso3]
    name = country_name(pkg, iso3)
    src = country_src(iso3)
    page = Page(
        src,
        name,
        _(
            "SPF Flagship programme in {country}: phases, institutional changes and social protection "
            "coverage, with sources.",
            country=name,
        ),
    )
    sources = {c["source_id"]}
    phases = pkg.focus_phases(iso3)
    sources |= {p["source_id"] for p in phases}
    contribute = link(src, CONTRIBUTE)
    _header(page, pkg, iso3, name, phases)
    page.add(heading(_("Institutional changes")))
    changes = _changes(pkg, iso3)
    if changes:
        sources |= {x["source_id"] for x in changes} | {x["people_source_id"] for x in changes if x["people_source_id"]}
        if any(x.get("programme_link") != COUNTED for x in changes):
            page.add(_(NOT_COUNTED_NOTE))
        page.add(table(change_columns(), change_rows(pkg, changes, src)))
    else:
        page.add(
            gap(_("No institutional change in {country} is documented in the package yet.", country=name), contribute)
        )
    page.add(heading(_("Social protection coverage (SDG 1.3.1)")))
    spec = coverage_chart(pkg, iso3, view)
    if spec:
        sources |= {r["source_id"] for r in spec.data}
        page.chart(spec)
    else:
        page.add(gap(_("The package has no SDG 1.3.1 series for {country}.", country=name), contribute))
    page.add(heading(_("Pensions and health coverage")), _other_indicators(pkg, iso3, sources, contribute))
    partners = _partners(pkg, iso3)
    if partners:
        sources |= {p["source_id"] for p in partners}
        page.add(
            heading(_("Partners named for this country")),
            table(
                [Column("name", _("Partner")), Column("evidence", _("Evidence")), Column("source", _("Source"))],
                [
                    {"name": data_text(p["name"]), "evidence": data_text(p["evidence"]), "source": provenance(pkg, [p])}
                    for p in partners
                ],
            ),
        )
    items = "".join(f"<li>{source_link(pkg, s)}</li>" for s in sorted(x for x in sources if x))
    page.add(heading(_("Sources used on this page")), f'<ul class="sources" data-search-exclude>{items}</ul>')
    return page


def coverage_map(pkg, view: views.Chart) -> ChartSpec | None:
    rows = []
    for iso3 in pkg.focus_iso3:
        r = latest(pkg, iso3, ANY)
        if r:
            name = country_name(pkg, iso3)
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
        Column("iso3", _("ISO3")),
        Column("name", _("Country")),
        Column("year", _("Year")),
        Column("value", _("Percent"), True),
    ]
    return view.spec(rows, summary, columns + source_columns())


def _region_filter(regions: list[str]) -> str:
    """The region filter of the countries table (each region named as in the table)."""
    shown = [(r, i18n.group_name(r)) for r in regions]
    options = "".join(
        f'<option value="{h(t)}">{h(t)}</option>' if t else f'<option value="{h(r)}"{data_lang()}>{h(r)}</option>'
        for r, t in shown
    )
    label, every = _("Show region"), _("All regions")
    return (
        f'<p class="table-filter"><label for="region-filter">{h(label)}</label> '
        f'<select id="region-filter" data-filter-table="countries-table" data-filter-column="1">'
        f'<option value="">{h(every)}</option>{options}</select></p>'
    )


def _coverage_cell(cov: dict | None) -> str | Raw:
    if not cov:
        return _("no data")
    value = sentence(
        _("{value} ({year}) {label}"),
        value=h(percent(cov["value"])),
        year=h(int(cov["year"])),
        label=badge(cov["verification"]),
    )
    return value


def index_page(pkg, view: views.Chart) -> Page:
    src = "countries/index.md"
    page = Page(
        src,
        _("Countries"),
        _("Focus countries of the SPF Flagship programme with their region, phase, coverage and documented changes."),
    )
    page.add(
        _(
            "Every country the package lists as a focus country. The phase-2 list comes from an unofficial "
            "2022 prototype and is not verified; see each country's page for its sources."
        ),
        figures.count_note(),
    )
    spec = coverage_map(pkg, view)
    if spec:
        page.chart(spec)
    page.add("## " + _("All focus countries"))
    page.add(_region_filter(sorted({c["ilo_region"] for c in pkg.countries.values()})))
    rows, cited = [], []
    for iso3 in pkg.focus_iso3:
        c = pkg.countries[iso3]
        cov = latest(pkg, iso3, ANY)
        if cov:
            cited.append(cov)
        name = country_name(pkg, iso3)
        rows.append(
            {
                "name": Raw(f'<a href="{h(link(src, country_src(iso3)))}">{h(name)}</a>'),
                "region": group_text(c["ilo_region"]),
                "phases": _phases_text(pkg, iso3),
                "coverage": _coverage_cell(cov),
                "changes": len(_changes(pkg, iso3)),
            }
        )
    columns = [
        Column("name", _("Country")),
        Column("region", _("ILO region")),
        Column("phases", _("Phase")),
        Column("coverage", _("SDG 1.3.1 coverage (year)")),
        Column("changes", _("Documented changes"), True),
    ]
    page.add(table(columns, rows, attrs=' id="countries-table"'))
    if cited:
        cited_text = sentence(_("SDG 1.3.1 coverage figures: {sources}"), sources=provenance(pkg, cited))
        page.add(f'<p class="provenance">{cited_text}</p>')
    page.add(
        _(
            "Missing a country or a result? See {link_start}how to contribute{link_end}.",
            **link_parts(md_link(src, CONTRIBUTE)),
        )
    )
    return page


def build(pkg) -> list[Page]:
    index_map, country_chart = views.chart(pkg, "countries", "index_map"), views.chart(pkg, "countries", "country")
    return [index_page(pkg, index_map)] + [country_page(pkg, iso3, country_chart) for iso3 in pkg.focus_iso3]
