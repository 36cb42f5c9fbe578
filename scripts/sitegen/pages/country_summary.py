"""The first lines of a country page: what is known there, at a glance (the first screen of a phone).

Its ILO region, the programme's phases there with their labels, the institutional changes the programme
counts and those on record, the latest coverage figure with a small trend line (static SVG, drawn at build
time like the charts), the partners named for it, and what the package lacks for it.
"""

from __future__ import annotations

from spf.sitegen import figures, i18n, views
from spf.sitegen.components import Raw, data_text, group_text
from spf.sitegen.figures import Fig
from spf.sitegen.i18n import _, ngettext
from spf.sitegen.svg import num
from spf.sitegen.text import h

SPARK_W, SPARK_H = 96, 24  # px; the values sit on a 0-100 % scale, so the slope is not exaggerated


def sparkline(values: list[float], label: str) -> str:
    """A small static line of a percentage series (0-100), its last point marked; `label` names it."""
    if len(values) < 2:
        return ""
    step = SPARK_W / (len(values) - 1)
    points = [(i * step, SPARK_H - 2 - v / 100 * (SPARK_H - 4)) for i, v in enumerate(values)]
    line = " ".join(f"{num(x)},{num(y)}" for x, y in points)
    x, y = points[-1]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="-2 0 {SPARK_W + 4} {SPARK_H}" '
        f'width="{SPARK_W + 4}" height="{SPARK_H}" role="img" aria-label="{h(label)}">'
        f'<line x1="0" y1="{SPARK_H - 2}" x2="{SPARK_W}" y2="{SPARK_H - 2}" stroke="currentColor" '
        f'stroke-opacity="0.3"/><polyline points="{line}" fill="none" stroke="currentColor" stroke-width="1.5"/>'
        f'<circle cx="{num(x)}" cy="{num(y)}" r="2.5" fill="currentColor"/></svg>'
    )


def _changes(changes: list[dict], counted: str) -> str:
    n_counted = sum(1 for c in changes if c.get("programme_link") == counted)
    parts = [  # plain counts of this package's rows (figures.count_note says what they are)
        ngettext(
            "{count} documented here and counted by the programme",
            "{count} documented here and counted by the programme",
            n_counted,
            count=i18n.decimal(f"{n_counted:,}"),
        ),
        ngettext(
            "{count} change documented here",
            "{count} changes documented here",
            len(changes),
            count=i18n.decimal(f"{len(changes):,}"),
        ),
    ]
    return h(_(", ").join(parts))


def _coverage(pkg, series: list[dict], name: str) -> str:
    latest = series[-1]
    figs = [Fig.of(r, unit="percent") for r in series]
    trend = figures.trend(views.text("chart.country_coverage.what", name=name), figs)
    text = h(figs[-1].text())
    src = pkg.sources.get(latest["source_id"], {})
    lang = f' hreflang="{h(src["language"])}"' if src.get("language") else ""
    cite = f'<a href="{h(src.get("url", ""))}" rel="external noopener"{lang}>{h(_("Source"))}</a>' if src else ""
    return f"{text} {sparkline([float(r['value']) for r in series], trend)} {cite}"


def summary(pkg, iso3: str, name: str, phases: str, changes: list[dict], partners: list[dict]) -> Raw:
    """The summary list (HTML): each entry shown when the package has it; gaps listed under 'Missing'."""
    from spf.sitegen.pages.countries import COUNTED
    from spf.sitegen.pages.gaps import _country_gaps, newest_coverage_year

    items = [(_("ILO region"), group_text(pkg.countries[iso3]["ilo_region"])), (_("Focus country in phase"), phases)]
    if changes:
        items.append((_("Institutional changes"), _changes(changes, COUNTED)))
    series = pkg.coverage_series(iso3, "sdg131_any_benefit")
    if series:
        items.append((_("Latest coverage (SDG 1.3.1)"), _coverage(pkg, series, name)))
    if partners:
        items.append((_("Partners"), h(_(", ")).join(data_text(p["name"]) for p in partners)))
    missing = _country_gaps(pkg, iso3, newest_coverage_year(pkg))
    items.append((_("What is missing"), h(_("; ").join(missing) if missing else _("Nothing is missing."))))
    rows = "".join(f"<dt>{h(term)}</dt><dd>{value}</dd>" for term, value in items)
    return Raw(f'<dl class="country-summary" data-search-exclude>{rows}</dl>')
