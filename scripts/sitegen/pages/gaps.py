"""What we don't know yet: gaps measured from the data itself, as an open call for contributions."""

from __future__ import annotations

from spf.sitegen import views
from spf.sitegen.components import Column, Raw, link, md_link, table
from spf.sitegen.page import Page
from spf.sitegen.pages.common import CONTRIBUTE
from spf.sitegen.pages.countries import COUNTED, country_src
from spf.sitegen.text import h, number

NOT_IN_PACKAGE = [
    (
        "Country-level public social protection spending (% of GDP)",
        "Only world and income-group averages are in the package; the ILO publishes a country series.",
    ),
    ("Results of the 2024 partners meeting (totals for 2021-2023)", "No public copy has been found."),
    ("Institutional changes per year", "Only cumulative totals are public; a yearly breakdown is missing."),
    ("People covered per country", "Only programme-wide totals and a few country examples are public."),
]


def _latest_total(pkg, measure: str):
    rows = pkg.measure(measure, targets=False)
    return rows[-1] if rows else None


def measured_gaps(pkg) -> list[dict]:
    """Each gap: what, what the package holds, what is expected (with the source of the expectation)."""
    return _list_gaps(pkg) + _completeness_gaps(pkg) + _coverage_gaps(pkg)


def _list_gaps(pkg) -> list[dict]:
    """Focus countries and institutional changes listed here, against the totals the ILO announced."""
    fc, ch = pkg["focus_countries"], pkg["institutional_changes"]
    gaps = []
    for item in views.table(pkg, "gaps", "gaps-focus-countries").items:
        phase, total = int(item.key), _latest_total(pkg, item.measures[0])
        rows = fc[fc["phase"] == phase]
        verified = int((rows["verification"] == "verified").sum())
        gaps.append(
            {
                "what": f"Official list of phase-{phase} focus countries",
                "have": f"{len(rows)} listed, {verified} verified",
                "expected": f"{number(total['value'])} ({total['verification']})" if total else "unknown",
            }
        )
    for item in views.table(pkg, "gaps", "gaps-institutional-changes").items:
        phase, total = int(item.key), _latest_total(pkg, item.measures[0])
        gaps.append(
            {
                "what": f"Itemised phase-{phase} institutional changes",
                "have": f"{int(((ch['phase'] == phase) & (ch['programme_link'] == 'counted by the programme')).sum())} "
                "documented and counted by the programme",
                "expected": f"{number(total['value'])} ({total['verification']}, {total['period']})"
                if total
                else "unknown",
            }
        )
    return gaps


def _completeness_gaps(pkg) -> list[dict]:
    """Fields left empty in the registers."""
    ch, pa, ta = pkg["institutional_changes"], pkg["partners"], pkg["thematic_areas"]
    return [
        {
            "what": "People covered by each documented change",
            "have": f"{int(ch['people_covered'].notna().sum())} of {len(ch)} changes have a figure",
            "expected": f"{len(ch)}",
        },
        {
            "what": "Phase and exact year of each documented change",
            "have": f"{int(ch['phase'].isna().sum())} without a phase, {int(ch['year'].isna().sum())} without a year",
            "expected": "none missing",
        },
        {
            "what": "Amounts given by each partner",
            "have": f"{int(pa['amount'].notna().sum())} of {len(pa)} partners have an amount",
            "expected": f"{len(pa)}",
        },
        {
            "what": "Official list of the thematic areas",
            "have": f"{len(ta)} listed, {int((ta['verification'] == 'verified').sum())} verified",
            "expected": "the list on the official page",
        },
    ]


def _coverage_gaps(pkg) -> list[dict]:
    """Coverage series missing or old, and headline figures not verified."""
    cov = pkg["coverage"]
    with_data = set(cov[cov["indicator"] == "sdg131_any_benefit"]["area_code"])
    missing = [pkg.countries[c]["name"] for c in pkg.focus_iso3 if c not in with_data]
    gaps = [
        {
            "what": "SDG 1.3.1 coverage for every focus country",
            "have": f"{len(pkg.focus_iso3) - len(missing)} of {len(pkg.focus_iso3)} have a series"
            + (f" (missing: {', '.join(missing)})" if missing else ""),
            "expected": f"{len(pkg.focus_iso3)}",
        }
    ]
    for ind, name in (("sdg131_pension", "Pension coverage"), ("sdg381_uhc_index", "UHC service coverage index")):
        years = cov[cov["indicator"] == ind]["year"]
        if len(years):
            gaps.append(
                {
                    "what": f"Recent {name.lower()} figures",
                    "have": f"latest year {int(years.max())}",
                    "expected": "a recent release",
                }
            )
    labels = pkg["headline_figures"]["verification"].value_counts()
    gaps.append(
        {
            "what": "Verification of headline figures",
            "have": ", ".join(f"{int(labels.get(k, 0))} {k}" for k in ("verified", "reported", "unverified")),
            "expected": "all verified",
        }
    )
    return gaps


def _country_gaps(pkg, iso3: str, newest: int | None) -> list[str]:
    """What the package lacks for one focus country: changes, a recent coverage figure, a partner."""
    name = pkg.countries[iso3]["name"]
    changes = pkg.by("institutional_changes", "iso3").get(iso3, [])
    missing = []
    if not changes:
        missing.append("no institutional change on record")
    elif not any(c["programme_link"] == COUNTED for c in changes):
        missing.append("no change that a source counts among the programme's results")
    series = pkg.coverage_series(iso3, "sdg131_any_benefit")
    if not series:
        missing.append("no SDG 1.3.1 coverage figure")
    elif newest and int(series[-1]["year"]) < newest:
        missing.append(f"no SDG 1.3.1 coverage figure since {int(series[-1]['year'])} (others have {newest})")
    if not any(name in (p["countries"] or "") for p in pkg.records("partners")):
        missing.append("no partner on record")
    return missing


def country_gaps(pkg, src: str) -> list[dict]:
    """One row per focus country that lacks something, with a link to propose a source."""
    years = [int(r["year"]) for iso3 in pkg.focus_iso3 for r in pkg.coverage_series(iso3, "sdg131_any_benefit")[-1:]]
    newest = max(years) if years else None  # the newest year any focus country has
    rows = []
    for iso3 in pkg.focus_iso3:
        missing = _country_gaps(pkg, iso3, newest)
        if missing:
            name = pkg.countries[iso3]["name"]
            rows.append(
                {
                    "country": Raw(f'<a href="{h(link(src, country_src(iso3)))}">{h(name)}</a>'),
                    "missing": "; ".join(missing),
                    "propose": Raw(f'<a href="{h(link(src, CONTRIBUTE))}">Propose a source for {h(name)}</a>'),
                }
            )
    return rows


def _by_country(page: Page, pkg) -> None:
    rows = country_gaps(pkg, page.src)
    page.add("## By focus country")
    if not rows:
        page.add("Every focus country has a change, a recent coverage figure and a partner on record.")
        return
    page.add(
        "What the package lacks for each focus country, measured from its rows: no institutional change (or "
        "none a source counts among the programme's results), no SDG 1.3.1 coverage figure, or none as recent "
        "as the newest year another focus country has, and no partner named for it.",
        table(
            [Column("country", "Country"), Column("missing", "Missing"), Column("propose", "Help fill it")],
            rows,
            caption="What is missing, by focus country",
            searchable=True,
        ),
    )


def build(pkg) -> list[Page]:
    src = "what-we-dont-know.md"
    page = Page(
        src,
        "What we don't know yet",
        "Gaps in the public record of the SPF Flagship programme: what is "
        "missing or unverified, measured from the data, and how to help fill it.",
    )
    page.add(
        "This page is generated from the data package: each line compares what the package holds with what "
        "the programme has announced. If you can point to a public source that fills a gap, please "
        f"[contribute it]({md_link(src, CONTRIBUTE)})."
    )
    page.add(
        "## Measured from the data",
        table(
            [Column("what", "What is missing"), Column("have", "In the package now"), Column("expected", "Expected")],
            measured_gaps(pkg),
            searchable=True,
        ),
    )
    _by_country(page, pkg)
    page.add(
        "## Not in the package at all",
        table([Column("what", "What"), Column("why", "Why")], [{"what": w, "why": y} for w, y in NOT_IN_PACKAGE]),
    )
    page.add(f'<p><a class="md-button" href="{link(src, CONTRIBUTE)}">Contribute a source or a result</a></p>')
    return [page]
