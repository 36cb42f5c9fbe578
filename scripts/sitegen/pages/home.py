"""Home: what the programme is, headline results against targets, and the focus-country map."""

from __future__ import annotations

from spf.sitegen import progress
from spf.sitegen.components import kpi, kpi_grid, md_link
from spf.sitegen.page import Page
from spf.sitegen.pages.common import contradicts, differs, focus_map, headline

INTRO = (
    "The Global Flagship Programme on Building Social Protection Floors for All is the International Labour "
    "Organization's programme for helping countries extend social protection to everyone: income security "
    "and health care across the life cycle. It runs in phases: 2016-2020, 2021-2025 and 2026-2030.\n\n"
    "This site gathers what public sources say about the programme's results and the coverage statistics "
    "around them. Every figure names its source and carries a verification label: **verified** (seen in an "
    "official ILO or UN publication), **reported** (an official statement republished by an independent "
    "outlet) or **unverified**. Where sources disagree, both figures are shown."
)


def _card(pkg, title: str, measure: str, target_measure: str | None = None, note: str = "") -> str | None:
    rows = headline(pkg, measure)
    targets = pkg.measure(target_measure or measure, targets=True)
    if not rows and not targets:
        return None
    if differs(targets):
        note = (note + " " if note else "") + "The sources give different targets."
    else:
        same_date = [r for r in rows if r["as_of"] == rows[-1]["as_of"]]
        if contradicts(same_date):
            note = (note + " " if note else "") + "The sources disagree: both figures are shown."
        elif differs(same_date):
            note = (note + " " if note else "") + "The figures differ but agree: one is a floor ('over')."
    return kpi(title, rows + targets, pkg, note)


def build(pkg) -> list[Page]:
    page = Page(
        "index.md",
        "SPF Flagship results",
        "Open data on the results of the ILO Global Flagship "
        "Programme on Building Social Protection Floors for All, with sources and verification labels.",
    )
    page.add(*filter(None, [progress.block(pkg)]), INTRO)  # results against targets on the first screen
    n_list = int((pkg["focus_countries"]["phase"] == 2).sum())
    phase2 = [
        _card(
            pkg, "People reached", "phase2_people", note="The figures count slightly different things (see each label)."
        ),
        _card(pkg, "Institutional changes", "phase2_institutional_changes"),
        _card(
            pkg,
            "Focus countries",
            "phase2_focus_countries",
            note=f"The country list held here has {n_list} entries, none verified yet.",
        ),
    ]
    phase1 = [
        _card(pkg, "Institutional changes", "phase1_institutional_changes"),
        _card(pkg, "Countries supported", "phase1_focus_countries"),
        _card(pkg, "People with improved coverage", "phase1_people_improved"),
        _card(pkg, "People with legal coverage", "phase1_people_legal"),
        _card(pkg, "People with better effective coverage", "phase1_people_effective"),
    ]
    page.add("## Phase 2 (2021-2025): results against targets", kpi_grid([c for c in phase2 if c]))
    page.add("## Phase 1 (2016-2020)", kpi_grid([c for c in phase1 if c]))
    spec = focus_map(pkg, "home-focus-map")
    if spec:
        page.add("## Where the programme works")
        page.chart(spec)
    src = page.src
    page.add(
        "## Explore",
        f"- [Results over time]({md_link(src, 'results.md')}): progress against targets, by step and dimension.\n"
        f"- [Countries]({md_link(src, 'countries/index.md')}): focus countries, their changes and coverage.\n"
        f"- [Institutional changes]({md_link(src, 'institutional-changes.md')}): the register.\n"
        f"- [What we don't know yet]({md_link(src, 'what-we-dont-know.md')}): gaps you can help fill.\n"
        f"- [About the data]({md_link(src, 'about-the-data.md')}): labels, sources and method.",
    )
    return [page]
