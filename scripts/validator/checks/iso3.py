"""invalid-iso3: country codes are real ISO 3166-1 alpha-3 codes (checked with pycountry).

Applies to every `iso3` column, and to `area_code` where `area_type` is `country`."""

from __future__ import annotations

from functools import cache

from validator.catalogue import make_error
from validator.context import Context

ERRORS = ["invalid-iso3"]


@cache
def _countries():
    import pycountry

    return pycountry.countries


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
    countries = _countries()
    for table in ctx.tables.values():
        columns = [c for c in ("iso3", "area_code") if c in table.header]
        for line, row in table.rows:
            for column in columns:
                value = row.get(column, "")
                if not value or (column == "area_code" and row.get("area_type") != "country"):
                    continue
                if countries.get(alpha_3=value) is None:
                    name = row.get("name") or row.get("area_name") or ""
                    yield make_error(
                        "invalid-iso3",
                        path=table.path,
                        resource=table.name,
                        row=line,
                        field=column,
                        value=value,
                        suggestion=suggestion(value, name),
                    )
