"""Thematic areas of cross-country policy advice."""

from __future__ import annotations

from markdown.extensions.toc import slugify

from spf.sitegen import views
from spf.sitegen.components import DATA_LANG, Column, badge, data_lang, data_text, kpi_grid, provenance, table
from spf.sitegen.i18n import _
from spf.sitegen.page import Page
from spf.sitegen.pages.common import card
from spf.sitegen.text import h, md


def build(pkg) -> list[Page]:
    page = Page(
        "thematic-areas.md",
        _("Thematic areas"),
        _("The thematic areas of cross-country policy advice of the SPF Flagship programme, with sources."),
    )
    # the cards come before the page's first section: their titles are h2, under the page's h1
    cards = [c for c in (card(pkg, view, level=2) for view in views.for_page(pkg, "thematic")[0]) if c]
    if cards:
        page.add(kpi_grid(cards))
    df = pkg["thematic_areas"].sort_values("position")
    changes = pkg["institutional_changes"]
    page.add(
        _(
            "The list below comes from the 2022 prototype, whose introduction matches the official page word "
            "for word; the official list itself has not been read yet, so each area is labelled unverified."
        )
    )
    columns = [
        Column("name", _("Thematic area")),
        Column("corroboration", _("Also mentioned in")),
        Column("changes", _("Documented changes"), True),
        Column("verification", _("Verification")),
        Column("source", _("Source")),
    ]
    for group, rows in df.groupby("group", sort=False):
        # a heading from the data: its words stay as written, marked with their language on other pages (in the
        # table of contents too, by its anchor, the one the English page has); the table is named by it
        anchor = slugify(str(group), "-")
        if data_lang():
            page.add(f'## <span{data_lang()} id="{h(anchor)}-name">{md(group)}</span> {{#{anchor}}}')
            page.toc_lang[anchor] = DATA_LANG
        else:
            page.add(f"## {md(group)}")
        page.add(
            table(
                columns,
                [
                    {
                        "name": data_text(r["name"]),
                        "corroboration": data_text(r["corroboration"] or ""),
                        "changes": int((changes["thematic_area_id"] == r["thematic_area_id"]).sum()),
                        "verification": badge(r["verification"]),
                        "source": provenance(pkg, [r]),
                    }
                    for r in rows.to_dict("records")
                ],
                searchable=True,
                label=str(group),  # the tables have the same columns: each is named by its group
                labelled_by=f"{anchor}-name" if data_lang() else "",
            )
        )
    return [page]
