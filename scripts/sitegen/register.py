"""The register of institutional changes as a tool: a plain HTML table (the whole register, readable without
JavaScript) whose rows carry what docs/assets/js/register.js needs to filter them (country, step, phase,
verification, programme link), sort them by date and offer the shown rows as a CSV built in the browser."""

from __future__ import annotations

import json
import re

from spf.sitegen import i18n
from spf.sitegen.components import Column, SearchableBlock, cell, link
from spf.sitegen.i18n import N_, _, ngettext
from spf.sitegen.text import h, is_blank

TABLE_ID = "register-table"
SCRIPT = "assets/js/register.js"
# The CSV of the shown rows: the columns of institutional_changes.csv a reader needs, plus names and URLs.
CSV_FIELDS = ["change_id", "iso3", "country", "year", "period", "phase", "step", "description", "programme_link",
              "verification", "people_covered", "people_measure", "people_verification", "source_id",
              "source_url"]  # fmt: skip
FILTERS = [  # (row key, label, "all" option)
    ("iso3", N_("Country"), N_("All countries")),
    ("step", N_("Step"), N_("All steps")),
    ("phase", N_("Phase"), N_("All phases")),
    ("verification", N_("Verification"), N_("All labels")),
    ("programme_link", N_("Counted as a programme result"), N_("Either")),
]


def _plain(value) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def date_key(change: dict) -> str:
    """The year a change is dated by (its year, else the first year in its period); '' when unknown."""
    if not is_blank(change.get("year")):
        return str(int(change["year"]))
    found = re.search(r"(?:19|20)\d\d", change.get("period") or "")
    return found.group(0) if found else ""


def csv_row(pkg, change: dict) -> dict:
    source = pkg.sources.get(change.get("source_id"), {})
    extra = {
        "country": pkg.countries.get(change["iso3"], {}).get("name", change["iso3"]),
        "source_url": source.get("url"),
    }
    return {f: _plain(extra[f] if f in extra else change.get(f)) for f in CSV_FIELDS}


def options(pkg, changes: list[dict], key: str, names: dict) -> list[tuple[str, str]]:
    """(value, shown name) of each value of `key` in the register, in a stable order."""
    values = sorted({_plain(c.get(key)) for c in changes})
    shown = [(v, _(names[v]) if v in names else v or _("not shown in the source")) for v in values]
    if key == "iso3":
        shown = [(v, i18n.country(v, pkg.countries.get(v, {}).get("name", v))) for v in values]
        shown.sort(key=lambda o: o[1])
    return shown


def _names(key: str, names: dict) -> dict:
    """The shown names of a filter's values: steps by the page's names, labels and links in words."""
    from spf.sitegen.components import LABEL_NAMES

    if key == "verification":
        return LABEL_NAMES
    if key == "programme_link":
        return {"counted by the programme": N_("Yes"), "not stated": N_("Not stated")}
    return names if key == "step" else {}


def filters(pkg, changes: list[dict], step_names: dict) -> str:
    """The filters (controls that submit nothing, so no <form>): hidden until register.js shows them, so a
    reader without JavaScript sees the full table.
    The count sentence register.js shows is written here (data-template, the total filled in)."""
    fields = []
    for key, label, everything in FILTERS:
        values = options(pkg, changes, key, _names(key, step_names))
        opts = "".join(f'<option value="{h(v)}">{h(n)}</option>' for v, n in values)
        fields.append(
            f'<p><label for="register-{h(key)}">{h(_(label))}</label> <select id="register-{h(key)}" '
            f'data-key="{h(key)}"><option value="">{h(_(everything))}</option>{opts}</select></p>'
        )
    words = {
        "order": _("Order"),
        "country": _("By country"),
        "asc": _("Oldest first"),
        "desc": _("Newest first"),
        "legend": _("Filter the register"),
        "csv": _("Download these rows (CSV)"),
    }
    count = ngettext("Showing {shown} of {n} change.", "Showing {shown} of {n} changes.", len(changes), shown="{shown}")
    sort = (
        f'<p><label for="register-sort">{h(words["order"])}</label> <select id="register-sort">'
        f'<option value="">{h(words["country"])}</option><option value="asc">{h(words["asc"])}</option>'
        f'<option value="desc">{h(words["desc"])}</option></select></p>'
    )
    return (
        f'<div class="register-tool" id="register-filters" data-table="{TABLE_ID}" '
        f'data-fields="{h(json.dumps(CSV_FIELDS))}" hidden data-search-exclude>'
        f"<fieldset><legend>{h(words['legend'])}</legend>{''.join(fields)}{sort}</fieldset>"
        f'<p class="register-tool__count" id="register-count" aria-live="polite" data-template="{h(count)}"></p>'
        f'<p><a id="register-csv" href="#" download="institutional-changes-shown.csv">{h(words["csv"])}</a>'
        "</p></div>"
    )


def table(pkg, changes: list[dict], rows: list[dict], columns: list[Column]) -> SearchableBlock:
    """The register as one table with a caption; each row carries its filter values and its CSV row."""
    head = "".join(f'<th scope="col">{h(c.header)}</th>' for c in columns)
    body = []
    for change, row in zip(changes, rows, strict=True):
        data = csv_row(pkg, change)
        attrs = "".join(f' data-{k.replace("_", "-")}="{h(data[k])}"' for k, _, _ in FILTERS)
        tds = "".join(f'<td data-label="{h(c.header)}">{cell(row.get(c.key, ""))}</td>' for c in columns)
        body.append(f'<tr{attrs} data-date="{h(date_key(change))}" data-row="{h(json.dumps(data))}">{tds}</tr>')
    caption = _("The register of institutional changes")
    return SearchableBlock(
        '<section class="table-wrap" tabindex="0" aria-labelledby="register-caption">'
        f'<table class="stack register" id="{TABLE_ID}"><caption id="register-caption">{h(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></section>"
    )


def script(page_src: str) -> str:
    """The register's script, loaded by this page only."""
    return f'<script src="{h(link(page_src, SCRIPT))}" defer></script>'
