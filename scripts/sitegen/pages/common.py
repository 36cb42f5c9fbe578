"""Helpers several pages share: picking figures to show, and the focus-country map."""

from __future__ import annotations

from spf.sitegen import i18n, views
from spf.sitegen.charts import ChartSpec
from spf.sitegen.components import LABEL_NAMES, Column, kpi
from spf.sitegen.figures import Fig, count_text
from spf.sitegen.i18n import _, pgettext

CONTRIBUTE = "contribute/index.md"


def source_columns() -> list[Column]:
    """The table columns of a figure's verification and source, headed in the page's language."""
    return [
        Column("verification", _("Verification")),
        Column("source_id", _("Source id")),
        Column("source_title", _("Source")),
        Column("source_url", _("Source URL")),
    ]


def country_name(pkg, iso3: str) -> str:
    """A country's name: the data's on English pages, CLDR's or the UN short name on others."""
    return i18n.country(iso3, pkg.countries.get(iso3, {}).get("name", iso3))


def with_source(pkg, row: dict, source_col: str = "source_id") -> dict:
    """The row with its source's title and address; a cell of several ids ('a; b') gets each one's."""
    found = [pkg.sources.get(s.strip(), {}) for s in str(row.get(source_col) or "").split(";") if s.strip()]
    title = "; ".join(s.get("title", "") for s in found if s.get("title"))
    return {**row, "source_title": title, "source_url": " ".join(s.get("url", "") for s in found if s.get("url"))}


def headline(pkg, measure: str) -> list[dict]:
    """What a KPI shows for a measure: the latest result, and the latest verified one when that is older.
    Every figure of the latest date is kept, so figures that disagree stand side by side."""
    results = pkg.measure(measure, targets=False)
    if not results:
        return []
    latest = max(r["as_of"] for r in results)
    shown = [r for r in results if r["as_of"] == latest]
    if not any(r["verification"] == "verified" for r in shown):
        verified = [r for r in results if r["verification"] == "verified"]
        if verified:
            shown.insert(0, verified[-1])
    return shown


def verified_then_later(results: list[dict]) -> list[dict]:
    """The latest verified result of a measure, then every later result that is not verified (148 verified
    for 2021-2024, then 149 reported for 2021 to March 2025): the order every page states them in. Only the
    latest result when none is verified."""
    verified = [i for i, r in enumerate(results) if r["verification"] == "verified"]
    if not verified:
        return results[-1:]
    return results[verified[-1] :]


def verified_first(rows: list[dict]) -> list[dict]:
    """Figures compared side by side: verified, then reported, then unverified."""
    order = ("verified", "reported", "unverified")
    return sorted(rows, key=lambda r: order.index(r["verification"]) if r["verification"] in order else 9)


def phase1_countries(pkg) -> str | None:
    """The two phase-1 country counts side by side (21 target countries, over 70 supported), or None."""
    focus = pkg.measure("phase1_focus_countries", targets=False)
    overall = pkg.measure("phase1_countries_supported", targets=False)
    if not focus or not overall:
        return None
    return _(
        "Phase 1 has two counts of countries: {focus} were its target countries, and the ILO says it supported "
        "{overall} in strengthening their social protection systems under the programme.",
        focus=Fig.of(focus[-1]).text(),
        overall=Fig.of(overall[-1]).text(),
    )


def differs(rows: list[dict]) -> bool:
    return len({float(r["value"]) for r in rows}) > 1


def contradicts(rows: list[dict]) -> bool:
    """True when figures cannot all be right: two different exact values, or an exact value below a floor
    ('over 13.5 million' against exactly 10.9 million). 'Over 11 million' and 11.6 million agree."""
    exact = {float(r["value"]) for r in rows if r["qualifier"] in ("exact", "target")}
    floors = [float(r["value"]) for r in rows if r["qualifier"] == "at_least"]
    return len(exact) > 1 or any(f > e for f in floors for e in exact)


def card(pkg, view: views.Card, level: int = 3, **params) -> str | None:
    """A declared headline card: the figures of its measure beside its targets, with a note when they differ
    (None when the package holds neither). `level` is its title's heading level; `params` fill the {fields}
    of its note."""
    rows = headline(pkg, view.measure)
    if not view.targets:
        return kpi(views.text(view.title), rows, pkg, level=level) if rows else None
    targets = pkg.measure(view.target_measure or view.measure, targets=True)
    if not rows and not targets:
        return None
    note = views.text(view.note, **params) if view.note else ""
    if differs(targets):
        extra = "card.note.targets_differ"
    else:
        same_date = [r for r in rows if r["as_of"] == rows[-1]["as_of"]]
        extra = "card.note.contradicts" if contradicts(same_date) else "card.note.floor" if differs(same_date) else ""
    if extra:
        note = (note + " " if note else "") + views.text(extra)
    return kpi(views.text(view.title), rows + targets, pkg, note, level)


def focus_map(pkg, view: views.Chart) -> ChartSpec | None:
    df = pkg["focus_countries"]
    if df.empty:
        return None
    rows = []
    for iso3, group in df.groupby("iso3", sort=True):
        phases = sorted(int(p) for p in group["phase"])
        code = 3 if phases == [1, 2] else phases[0] if phases[0] in (1, 2) else 2
        labels = sorted(set(group["verification"]))
        rows.append(
            with_source(
                pkg,
                {
                    "iso3": iso3,
                    "name": country_name(pkg, iso3),
                    "phases": ", ".join(str(p) for p in phases),
                    "group": code,
                    "verification": ", ".join(labels),
                    "source_id": "; ".join(sorted(set(group["source_id"]))),
                },
            )
        )
    for r in rows:
        labels = _(", ").join(_(LABEL_NAMES[v]) if v in LABEL_NAMES else v for v in r["verification"].split(", "))
        r["hover"] = pgettext(
            "map hover", "{name}: phase {phases} ({label})", name=r["name"], phases=r["phases"], label=labels
        )
    n1 = sum(1 for r in rows if "1" in r["phases"])
    n2 = sum(1 for r in rows if "2" in r["phases"])
    return view.spec(
        rows,
        views.text(view.summary, n1=count_text(n1, "focus countries"), n2=count_text(n2, "focus countries")),
        [Column("iso3", _("ISO3")), Column("name", _("Country")), Column("phases", _("Phase(s)"))] + source_columns(),
        categorical={k: views.text(f"chart.focus_map.group.{k}") for k in (1, 2, 3)},
    )
