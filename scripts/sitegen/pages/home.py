"""Home: what the programme is, headline results against targets, and the focus-country map."""

from __future__ import annotations

from spf.sitegen import progress, views
from spf.sitegen.components import SearchableBlock, kpi_grid, md_link, sentence, source_link
from spf.sitegen.figures import count_note, count_text
from spf.sitegen.i18n import N_, _, pgettext
from spf.sitegen.page import Page
from spf.sitegen.pages.common import card, focus_map, phase1_countries
from spf.sitegen.text import STRONG, h

INTRO = N_(
    "The Global Flagship Programme on Building Social Protection Floors for All is the International Labour "
    "Organization's programme for helping countries extend social protection to everyone: income security "
    "and health care across the life cycle. Its first phase ran from 2016 to 2020, its second from 2021 to 2025."
)
# Phase 3: its years, the source that gives them and that source's label (no ILO page seen gives the years)
PHASE3 = ("2026-2030", "devdiscourse-2025-03-29", "reported")
PHASE3_TEXT = N_(
    "A third phase, {period} ({label}), is named in a press report of the partners meeting of March 2025: "
    "{source}. The ILO's own page on that meeting mentions phase III without its years."
)
INTRO_LABELS = N_(
    "This site gathers what public sources say about the programme's results and the coverage statistics "
    "around them. Every figure from a source carries its verification label: {strong_start}verified{strong_end} "
    "(seen in an official ILO or UN publication), {strong_start}reported{strong_end} (an official statement "
    "republished by an independent outlet) or {strong_start}unverified{strong_end}; numbers counted from the rows "
    "of this package read plainly, followed by “here” (“10 documented here”), and a sum the site works out from "
    "sourced figures is marked {strong_start}computed{strong_end}. "
    "Cards, charts and tables name each figure's source (a chart's sources are in its data table); in the "
    "sentences that summarise them, each number carries its label in brackets. Where sources disagree, both "
    "figures are shown."
)

PHASE2 = N_("Phase 2 (2021-2025): results against targets")
PHASE1 = N_("Phase 1 (2016-2020)")
# The "Explore" list: each line's link text and what follows it, with the page it leads to.
EXPLORE = [
    ("results.md", N_("Results over time"), N_("progress against targets, by step and dimension.")),
    ("countries/index.md", N_("Countries"), N_("focus countries, their changes and coverage.")),
    ("institutional-changes.md", N_("Institutional changes"), N_("the register.")),
    ("what-we-dont-know.md", N_("What we don't know yet"), N_("gaps you can help fill.")),
    ("about-the-data.md", N_("About the data"), N_("labels, sources and method.")),
]


def build(pkg) -> list[Page]:
    page = Page(
        "index.md",
        _("SPF Flagship results"),
        _(
            "Open data on the results of the ILO Global Flagship "
            "Programme on Building Social Protection Floors for All, with sources and verification labels."
        ),
    )
    # Interface prose: catalogue text (plain text; its bold comes from the code through {strong_start}…{strong_end})
    period, source, label = PHASE3
    phase3 = None
    if source in pkg.sources:  # shown with its source, or not at all; HTML (its title is data), never Markdown
        phase3 = SearchableBlock(
            f"<p>{sentence(_(PHASE3_TEXT), period=h(period), label=h(_(label)), source=source_link(pkg, source))}</p>"
        )
    page.add(
        *filter(None, [progress.block(pkg), _(INTRO), phase3, _(INTRO_LABELS, **STRONG)])
    )  # results against targets on the first screen
    n_list = count_text(int((pkg["focus_countries"]["phase"] == 2).sum()), "entries")
    cards, charts = views.for_page(pkg, "home")
    for section, heading in (("phase2", PHASE2), ("phase1", PHASE1)):
        shown = [card(pkg, c, n_list=n_list) for c in cards if c.section == section]
        page.add(f"## {_(heading)}", kpi_grid([c for c in shown if c]))
        if section == "phase1" and (both := phase1_countries(pkg)):
            page.add(SearchableBlock(f'<p class="note">{h(both)}</p>'))
    for view in charts:
        spec = focus_map(pkg, view)
        if spec:
            page.add(f"## {views.text(view.heading)}")
            page.chart(spec)
    page.add(SearchableBlock(f'<p class="note">{h(count_note())}</p>'))
    src = page.src
    # catalogue text is plain text (msgrules.py: no markup in a translation); the link around it is the code's
    lines = [
        "- "
        + pgettext("a link and what it leads to", "{link}: {what}", link=f"[{_(title)}]({md_link(src, to)})", what=_(w))
        for to, title, w in EXPLORE
    ]
    explore = _("Explore")
    page.add(f"## {explore}", "\n".join(lines))
    return [page]
