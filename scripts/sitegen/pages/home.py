"""Home: what the programme is, headline results against targets, and the focus-country map."""

from __future__ import annotations

from spf.sitegen import progress, views
from spf.sitegen.components import kpi_grid, md_link
from spf.sitegen.figures import count_text
from spf.sitegen.page import Page
from spf.sitegen.pages.common import card, focus_map

INTRO = (
    "The Global Flagship Programme on Building Social Protection Floors for All is the International Labour "
    "Organization's programme for helping countries extend social protection to everyone: income security "
    "and health care across the life cycle. It runs in phases: 2016-2020, 2021-2025 and 2026-2030.\n\n"
    "This site gathers what public sources say about the programme's results and the coverage statistics "
    "around them. Every figure from a source carries its verification label: **verified** (seen in an "
    "official ILO or UN publication), **reported** (an official statement republished by an independent "
    "outlet) or **unverified**; numbers counted from the rows of this package are marked **computed**. "
    "Cards, charts and tables name each figure's source (a chart's sources are in its data table); in the "
    "sentences that summarise them, each number carries its label in brackets. Where sources disagree, both "
    "figures are shown."
)

PHASE2 = "## Phase 2 (2021-2025): results against targets"
PHASE1 = "## Phase 1 (2016-2020)"


def build(pkg) -> list[Page]:
    page = Page(
        "index.md",
        "SPF Flagship results",
        "Open data on the results of the ILO Global Flagship "
        "Programme on Building Social Protection Floors for All, with sources and verification labels.",
    )
    page.add(*filter(None, [progress.block(pkg)]), INTRO)  # results against targets on the first screen
    n_list = count_text(int((pkg["focus_countries"]["phase"] == 2).sum()), "entries")
    cards, charts = views.for_page(pkg, "home")
    for section, heading in (("phase2", PHASE2), ("phase1", PHASE1)):
        shown = [card(pkg, c, n_list=n_list) for c in cards if c.section == section]
        page.add(heading, kpi_grid([c for c in shown if c]))
    for view in charts:
        spec = focus_map(pkg, view)
        if spec:
            page.add(f"## {views.text(view.heading)}")
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
