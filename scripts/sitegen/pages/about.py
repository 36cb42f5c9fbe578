"""About the data: the verification labels, the method, and every source with what cites it."""

from __future__ import annotations

from spf.sitegen.components import LABEL_HELP, Column, Raw, badge, data_lang, data_text, md_link, sentence, table
from spf.sitegen.i18n import N_, _
from spf.sitegen.page import Page
from spf.sitegen.text import h, is_blank, link_parts, number

METHOD_EN = N_(
    "The package is compiled from public web pages, news items, datasets and an unofficial 2022 prototype of a "
    "programme website. Each row records its source, and each figure a verification label. Labels are taken as "
    "the gathered evidence supports them and are never raised without a new source. When two sources disagree, "
    "both rows are kept and shown side by side. Gaps stay visible as gaps: no figure is estimated or filled in."
)


def source_columns() -> list[Column]:
    return [
        Column("title", _("Source")),
        Column("publisher", _("Publisher")),
        Column("published", _("Published")),
        Column("kind", _("Kind")),
        Column("id", "source_id"),  # the column's name in sources.csv
        Column("used", _("Cited by")),
        Column("notes", _("Notes")),
    ]


def _label_table(pkg) -> str:
    """Each verification label, what it means and how many rows of each resource carry it."""
    counts = {}
    for res in pkg.descriptor["resources"]:
        df = pkg[res["name"]]
        for col in ("verification", "people_verification"):
            if col in df:
                for label, n in df[col][df[col] != ""].value_counts().items():
                    counts.setdefault(label, {}).setdefault(res["name"], 0)
                    counts[label][res["name"]] += int(n)
    return table(
        [Column("label", _("Label")), Column("meaning", _("Meaning")), Column("rows", _("Rows with this label"))],
        [
            {
                "label": badge(k),
                "meaning": _(LABEL_HELP[k]),
                # the resources by name, an identifier: as code
                "rows": Raw(
                    h(_(", ")).join(
                        sentence(_("{resource}: {n}"), resource=f"<code>{h(res)}</code>", n=h(number(n)))
                        for res, n in sorted(counts.get(k, {}).items())
                    )
                    or h(_("none"))
                ),
            }
            for k in ("verified", "reported", "unverified")
        ],
    )


def _hreflang(source: dict) -> str:
    language = source.get("language")
    return "" if is_blank(language) else f' hreflang="{h(language)}"'


def _source_rows(pkg) -> list[dict]:
    """Every source with the resources that cite it."""
    used: dict[str, set] = {}
    for res in pkg.descriptor["resources"]:
        df = pkg[res["name"]]
        for col in ("source_id", "people_source_id"):
            if col in df and res["name"] != "sources":
                for sid in df[col][df[col] != ""].unique():
                    used.setdefault(sid, set()).add(res["name"])
    return [
        {
            "title": Raw(
                f'<a href="{h(s["url"])}" rel="external noopener"{_hreflang(s)}{data_lang()}>{h(s["title"])}</a>'
            ),
            "publisher": data_text(s["publisher"]),
            "published": s["published"],
            "kind": data_text(s["kind"]),
            "id": data_text(s["source_id"]),
            "used": data_text(", ".join(sorted(used.get(s["source_id"], []))))
            if used.get(s["source_id"])
            else _("not cited yet"),
            "notes": data_text(s["notes"]),
        }
        for s in pkg["sources"].sort_values("source_id").to_dict("records")
    ]


def build(pkg) -> list[Page]:
    src = "about-the-data.md"
    page = Page(
        src,
        _("About the data"),
        _("Method, verification labels and every source of the SPF Flagship open-data package."),
    )
    page.add("## " + _("Method"), _(METHOD_EN))
    page.add("## " + _("Verification labels"), _label_table(pkg))
    rows = _source_rows(pkg)
    page.add("## " + _("Sources ({n})", n=number(len(rows))), table(source_columns(), rows))
    page.add(
        _(
            "Something wrong or missing? {link_start}Report it or contribute a fix{link_end}.",
            **link_parts(md_link(src, "contribute/index.md")),
        )
    )
    return [page]
