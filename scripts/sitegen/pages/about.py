"""About the data: the verification labels, the method, and every source with what cites it."""

from __future__ import annotations

from spf.sitegen.components import LABEL_HELP, Column, Raw, badge, md_link, table
from spf.sitegen.page import Page
from spf.sitegen.text import h

METHOD = (
    "The package is compiled from public web pages, news items, datasets and an unofficial 2022 prototype of a "
    "programme website. Each row records its source, and each figure a verification label. Labels are taken as "
    "the gathered evidence supports them and are never raised without a new source. When two sources disagree, "
    "both rows are kept and shown side by side. Gaps stay visible as gaps: no figure is estimated or filled in."
)


SOURCE_COLUMNS = [
    Column("title", "Source"),
    Column("publisher", "Publisher"),
    Column("published", "Published"),
    Column("kind", "Kind"),
    Column("id", "source_id"),
    Column("used", "Cited by"),
    Column("notes", "Notes"),
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
        [Column("label", "Label"), Column("meaning", "Meaning"), Column("rows", "Rows with this label")],
        [
            {
                "label": badge(k),
                "meaning": LABEL_HELP[k],
                "rows": ", ".join(f"{res}: {n}" for res, n in sorted(counts.get(k, {}).items())) or "none",
            }
            for k in ("verified", "reported", "unverified")
        ],
    )


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
            "title": Raw(f'<a href="{h(s["url"])}" rel="external noopener">{h(s["title"])}</a>'),
            "publisher": s["publisher"],
            "published": s["published"],
            "kind": s["kind"],
            "id": s["source_id"],
            "used": ", ".join(sorted(used.get(s["source_id"], []))) or "not cited yet",
            "notes": s["notes"],
        }
        for s in pkg["sources"].sort_values("source_id").to_dict("records")
    ]


def build(pkg) -> list[Page]:
    src = "about-the-data.md"
    page = Page(
        src, "About the data", "Method, verification labels and every source of the SPF Flagship open-data package."
    )
    page.add("## Method", METHOD)
    page.add("## Verification labels", _label_table(pkg))
    rows = _source_rows(pkg)
    page.add(f"## Sources ({len(rows)})", table(SOURCE_COLUMNS, rows))
    page.add(f"Something wrong or missing? [Report it or contribute a fix]({md_link(src, 'contribute/index.md')}).")
    return [page]
