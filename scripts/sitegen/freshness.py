"""How fresh each resource is: the years it covers, read from its time columns (`year`, `as_of`, `period`,
`published`), and whether its newest year is older than the configured age at its release.

Years are read as written in the data (a 4-digit year 1900-2099 in the cell: `2024`, `2024-06-30`,
`2021-2025`, `to 2025`); nothing is estimated. A resource without a time column covers no period (its rows
are lists: countries, thematic areas, indicators)."""

from __future__ import annotations

import re

import pandas as pd

TIME_COLUMNS = ("year", "as_of", "period", "published")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _column_years(series: pd.Series) -> set[int]:
    if pd.api.types.is_numeric_dtype(series):
        return {int(v) for v in series.dropna().unique() if 1900 <= v <= 2099}
    found: set[int] = set()
    for text in series.dropna().unique():
        found.update(int(y) for y in YEAR.findall(str(text)))
    return found


def years(pkg, name: str) -> tuple[int, int] | None:
    """(oldest, newest) year of the resource's time columns, or None when it has none with a year."""
    df = pkg[name]
    found: set[int] = set()
    for col in TIME_COLUMNS:
        if col in df.columns:
            found |= _column_years(df[col])
    return (min(found), max(found)) if found else None


def package_years(pkg) -> tuple[int, int] | None:
    spans = [span for res in pkg.descriptor["resources"] if (span := years(pkg, res["name"]))]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def is_stale(newest: int, release_date: str, max_age: int) -> bool:
    """Whether the newest year covered is more than `max_age` years before the release's year."""
    return int(release_date[:4]) - newest > max_age


def note(span: tuple[int, int] | None, release, max_age: int) -> str:
    """HTML: when the resource was last updated (its release), the years it covers and, plainly, whether its
    newest year is older than `max_age` years at its release."""
    from spf.sitegen import i18n
    from spf.sitegen.i18n import _, ngettext, range_
    from spf.sitegen.text import h

    updated = _("Last updated in release {version} ({date}).", version=release.version, date=i18n.when(release.date))
    if span is None:
        none = _("These rows describe no period.")
        return f'<p class="freshness">{h(updated)} {h(none)}</p>'
    covered = _(
        "Years covered: {years}; newest year: {newest}.", years=range_(str(span[0]), str(span[1])), newest=span[1]
    )
    text = f"{h(updated)} {h(covered)}"
    if is_stale(span[1], release.date, max_age):
        old = ngettext(
            "Its newest year is more than {n} year before this release: the figures may be out of date.",
            "Its newest year is more than {n} years before this release: the figures may be out of date.",
            max_age,
        )
        return f'<p class="freshness freshness--stale"><strong>{h(old)}</strong> {text}</p>'
    return f'<p class="freshness">{text}</p>'
