"""invalid-iso3: country codes are real ISO 3166-1 alpha-3 codes (checked with pycountry).

Applies to every `iso3` column, and to `area_code` where `area_type` is `country`."""

from __future__ import annotations

from functools import cache

from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["invalid-iso3"]
FORKED = False
AFTER_OTHERS = False


@cache
def _countries():
    import pycountry

    return pycountry.countries


@cache
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in _countries())


def suggestion(value: str, name: str) -> str:
    countries = _countries()
    for guess in (name, value):
        if not guess:
            continue
        try:
            found = countries.lookup(guess)
        except LookupError:
            try:
                found = countries.search_fuzzy(guess)[0] if len(guess) > 3 else None
            except LookupError:
                found = None
        if found:
            return f" (for {found.name} that is {found.alpha_3})"
    return ""


def check(ctx: Context):
    codes = _codes()
    for table in ctx.tables.values():
        for column in ("iso3", "area_code"):
            if column not in table.index:
                continue
            values = table.column(column)
            kinds = table.column("area_type") if column == "area_code" else None
            names = table.column("name") if "name" in table.index else table.column("area_name")
            for i, value in enumerate(values):
                if not value or value in codes or (kinds is not None and kinds[i] != "country"):
                    continue
                yield make_error(
                    "invalid-iso3",
                    path=table.path,
                    resource=table.name,
                    row=table.lines[i],
                    field=column,
                    value=value,
                    suggestion=suggestion(value, names[i]),
                )
