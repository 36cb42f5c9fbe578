"""What we don't know yet: gaps measured from the data itself, as an open call for contributions."""

from __future__ import annotations

from spf.sitegen import views
from spf.sitegen.components import LABEL_NAMES, Column, Raw, link, md_link, table
from spf.sitegen.figures import period_text
from spf.sitegen.i18n import N_, _, ngettext
from spf.sitegen.page import Page
from spf.sitegen.pages.common import CONTRIBUTE, country_name, verified_then_later
from spf.sitegen.pages.countries import COUNTED, country_src
from spf.sitegen.text import h, link_parts, marked, number

NOT_IN_PACKAGE = [
    (
        N_("Country-level public social protection spending (% of GDP)"),
        N_("Only world and income-group averages are in the package; the ILO publishes a country series."),
    ),
    (N_("Results of the 2024 partners meeting (totals for 2021-2023)"), N_("No public copy has been found.")),
    (N_("Institutional changes per year"), N_("Only cumulative totals are public; a yearly breakdown is missing.")),
    (N_("People covered per country"), N_("Only programme-wide totals and a few country examples are public.")),
]


def _label(value: str) -> str:
    return _(LABEL_NAMES[value]) if value in LABEL_NAMES else value


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
                "what": _("Official list of phase-{phase} focus countries", phase=phase),
                "have": _("{listed} listed, {verified} verified", listed=number(len(rows)), verified=number(verified)),
                "expected": _("{value} ({label})", value=number(total["value"]), label=_label(total["verification"]))
                if total
                else _("unknown"),
            }
        )
    for item in views.table(pkg, "gaps", "gaps-institutional-changes").items:
        phase, totals = int(item.key), verified_then_later(pkg.measure(item.measures[0], targets=False))
        counted = int(((ch["phase"] == phase) & (ch["programme_link"] == COUNTED)).sum())
        expected = _("; ").join(
            _(
                "{value} ({label}, {period})",
                value=number(t["value"]),
                label=_label(t["verification"]),
                period=period_text(t["period"]),
            )
            for t in totals
        ) or _("unknown")
        gaps.append(
            {
                "what": _("Itemised phase-{phase} institutional changes", phase=phase),
                "have": ngettext(
                    "{count} documented and counted by the programme",
                    "{count} documented and counted by the programme",
                    counted,
                    count=number(counted),
                ),
                "expected": Raw(marked(expected)),  # a period in words is the data's, marked
            }
        )
    return gaps


def _completeness_gaps(pkg) -> list[dict]:
    """Fields left empty in the registers."""
    ch, pa, ta = pkg["institutional_changes"], pkg["partners"], pkg["thematic_areas"]
    return [
        {
            "what": _("People covered by each documented change"),
            "have": _(
                "{k} of {n} changes have a figure", k=number(int(ch["people_covered"].notna().sum())), n=number(len(ch))
            ),
            "expected": number(len(ch)),
        },
        {
            "what": _("Phase and exact year of each documented change"),
            "have": _(
                "{a} without a phase, {b} without a year",
                a=number(int(ch["phase"].isna().sum())),
                b=number(int(ch["year"].isna().sum())),
            ),
            "expected": _("none missing"),
        },
        {
            "what": _("Amounts given by each partner"),
            "have": ngettext(
                "{k} of {total} partners has an amount",
                "{k} of {total} partners have an amount",
                int(pa["amount"].notna().sum()),
                k=number(int(pa["amount"].notna().sum())),
                total=number(len(pa)),
            ),
            "expected": number(len(pa)),
        },
        {
            "what": _("Official list of the thematic areas"),
            "have": _(
                "{listed} listed, {verified} verified",
                listed=number(len(ta)),
                verified=number(int((ta["verification"] == "verified").sum())),
            ),
            "expected": _("the list on the official page"),
        },
    ]


def _coverage_gaps(pkg) -> list[dict]:
    """Coverage series missing or old, and headline figures not verified."""
    cov = pkg["coverage"]
    with_data = set(cov[cov["indicator"] == "sdg131_any_benefit"]["area_code"])
    missing = [country_name(pkg, c) for c in pkg.focus_iso3 if c not in with_data]
    n, k = number(len(pkg.focus_iso3)), number(len(pkg.focus_iso3) - len(missing))
    have = _("{k} of {n} have a series", k=k, n=n)
    if missing:
        have = _("{k} of {n} have a series (missing: {names})", k=k, n=n, names=_(", ").join(missing))
    gaps = [{"what": _("SDG 1.3.1 coverage for every focus country"), "have": have, "expected": n}]
    recent = (
        ("sdg131_pension", N_("Recent pension coverage figures")),
        ("sdg381_uhc_index", N_("Recent UHC service coverage index figures")),
    )
    for ind, what in recent:
        years = cov[cov["indicator"] == ind]["year"]
        if len(years):
            gaps.append(
                {
                    "what": _(what),
                    "have": _("latest year {year}", year=int(years.max())),
                    "expected": _("a recent release"),
                }
            )
    labels = pkg["headline_figures"]["verification"].value_counts()
    counts = [
        _("{n} {label}", n=number(int(labels.get(k, 0))), label=_label(k))
        for k in ("verified", "reported", "unverified")
    ]
    gaps.append(
        {"what": _("Verification of headline figures"), "have": _(", ").join(counts), "expected": _("all verified")}
    )
    return gaps


def _country_gaps(pkg, iso3: str, newest: int | None) -> list[str]:
    """What the package lacks for one focus country: changes, a recent coverage figure, a partner."""
    name = pkg.countries[iso3]["name"]
    changes = pkg.by("institutional_changes", "iso3").get(iso3, [])
    missing = []
    if not changes:
        missing.append(_("no institutional change on record"))
    elif not any(c["programme_link"] == COUNTED for c in changes):
        missing.append(_("no change that a source counts among the programme's results"))
    series = pkg.coverage_series(iso3, "sdg131_any_benefit")
    if not series:
        missing.append(_("no SDG 1.3.1 coverage figure"))
    elif newest and int(series[-1]["year"]) < newest:
        missing.append(
            _(
                "no SDG 1.3.1 coverage figure since {year} (others have {newest})",
                year=int(series[-1]["year"]),
                newest=newest,
            )
        )
    if not any(name in (p["countries"] or "") for p in pkg.records("partners")):
        missing.append(_("no partner on record"))
    return missing


def newest_coverage_year(pkg) -> int | None:
    """The newest year of SDG 1.3.1 coverage that any focus country has."""
    years = [int(r["year"]) for iso3 in pkg.focus_iso3 for r in pkg.coverage_series(iso3, "sdg131_any_benefit")[-1:]]
    return max(years) if years else None


def country_gaps(pkg, src: str) -> list[dict]:
    """One row per focus country that lacks something, with a link to propose a source."""
    newest = newest_coverage_year(pkg)
    rows = []
    for iso3 in pkg.focus_iso3:
        missing = _country_gaps(pkg, iso3, newest)
        if missing:
            name = country_name(pkg, iso3)
            propose = _("Propose a source for {country}", country=name)
            rows.append(
                {
                    "country": Raw(f'<a href="{h(link(src, country_src(iso3)))}">{h(name)}</a>'),
                    "missing": _("; ").join(missing),
                    "propose": Raw(f'<a href="{h(link(src, CONTRIBUTE))}">{h(propose)}</a>'),
                }
            )
    return rows


def _by_country(page: Page, pkg) -> None:
    rows = country_gaps(pkg, page.src)
    page.add("## " + _("By focus country"))
    if not rows:
        page.add(_("Every focus country has a change, a recent coverage figure and a partner on record."))
        return
    page.add(
        _(
            "What the package lacks for each focus country, measured from its rows: no institutional change (or "
            "none a source counts among the programme's results), no SDG 1.3.1 coverage figure, or none as recent "
            "as the newest year another focus country has, and no partner named for it."
        ),
        table(
            [Column("country", _("Country")), Column("missing", _("Missing")), Column("propose", _("Help fill it"))],
            rows,
            caption=_("What is missing, by focus country"),
            searchable=True,
        ),
    )


def build(pkg) -> list[Page]:
    src = "what-we-dont-know.md"
    page = Page(
        src,
        _("What we don't know yet"),
        _(
            "Gaps in the public record of the SPF Flagship programme: what is "
            "missing or unverified, measured from the data, and how to help fill it."
        ),
    )
    page.add(
        _(
            "This page is generated from the data package: each line compares what the package holds with what "
            "the programme has announced. If you can point to a public source that fills a gap, please "
            "{link_start}contribute it{link_end}.",
            **link_parts(md_link(src, CONTRIBUTE)),
        )
    )
    columns = [
        Column("what", _("What is missing")),
        Column("have", _("In the package now")),
        Column("expected", _("Expected")),
    ]
    page.add("## " + _("Measured from the data"), table(columns, measured_gaps(pkg), searchable=True))
    _by_country(page, pkg)
    rows = [{"what": _(w), "why": _(y)} for w, y in NOT_IN_PACKAGE]
    page.add("## " + _("Not in the package at all"), table([Column("what", _("What")), Column("why", _("Why"))], rows))
    button = _("Contribute a source or a result")
    page.add(f'<p><a class="md-button" href="{link(src, CONTRIBUTE)}">{h(button)}</a></p>')
    return [page]
