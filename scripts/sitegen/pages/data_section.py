"""Data section: the release with its downloads and checksums, one page per resource with a data dictionary
rendered from its Table Schema, the changelog of the data, and how to cite."""

from __future__ import annotations

from spf.sitegen.components import Column, Raw, link, md_link, source_link, table
from spf.sitegen.downloads import Planned, folder
from spf.sitegen.page import Page
from spf.sitegen.release import Release
from spf.sitegen.text import h, md, number

KIND_NAMES = {
    "csv": "CSV",
    "json": "JSON (records)",
    "xlsx": "Excel workbook (all resources)",
    "zip": "Data package zip (all resources, datapackage.json, README, licence, citation)",
}


def download_table(src: str, downloads: list[Planned], release: Release) -> str:
    rows = []
    for d in downloads:
        versioned = f"{folder(release)}/{d.name}"
        latest = f"downloads/latest/{d.latest_name}"
        rows.append(
            {
                "file": Raw(f'<a href="{h(link(src, versioned))}" download>{h(d.name)}</a>'),
                "kind": KIND_NAMES[d.kind],
                "size": Raw(d.size_text),  # the build's own placeholder (late.py); data text never forms one
                "latest": Raw(f'<a href="{h(link(src, latest))}">latest/{h(d.latest_name)}</a>'),
                "sha256": Raw(f"<code>{d.sha256}</code>"),
            }
        )
    return table(
        [
            Column("file", "File"),
            Column("kind", "Format"),
            Column("size", "Size"),
            Column("latest", "Stable link to the newest release"),
            Column("sha256", "SHA-256"),
        ],
        rows,
    )


def cite(release: Release) -> str:
    return (
        f"## How to cite\n\n<p>{h(release.citation())}</p>\n\n"
        f"<pre><code>{h(release.bibtex())}</code></pre>\n\n"
        "The compilation is licensed under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/); the "
        "underlying sources keep their own terms."
    )


def constraint_words(field: dict) -> tuple[str, str, str]:
    """(required, constraints in words, allowed values) for a Table Schema field."""
    c = field.get("constraints", {})
    words = []
    if "pattern" in c:
        words.append(f"pattern {c['pattern']}")
    if "minimum" in c:
        words.append(f"at least {c['minimum']}")
    if "maximum" in c:
        words.append(f"at most {c['maximum']}")
    if c.get("unique"):
        words.append("unique")
    return ("yes" if c.get("required") else "no", "; ".join(words), ", ".join(map(str, c.get("enum", []))))


def dictionary(res: dict) -> str:
    schema = res["schema"]
    pk = schema.get("primaryKey", [])
    pk = [pk] if isinstance(pk, str) else pk
    fks = {
        f: fk["reference"]
        for fk in schema.get("foreignKeys", [])
        for f in (fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]])
    }
    rows = []
    for f in schema["fields"]:
        required, cons, allowed = constraint_words(f)
        key = []
        if f["name"] in pk:
            key.append("primary key" + (f" (with {', '.join(k for k in pk if k != f['name'])})" if len(pk) > 1 else ""))
        if f["name"] in fks:
            ref = fks[f["name"]]
            key.append(
                f"refers to {ref['resource']}.{ref['fields'] if isinstance(ref['fields'], str) else ref['fields'][0]}"
            )
        rows.append(
            {
                "name": Raw(f"<code>{h(f['name'])}</code>"),
                "type": f.get("type", "string"),
                "required": required,
                "description": f.get("description", ""),
                "constraints": cons,
                "allowed": allowed,
                "keys": "; ".join(key),
            }
        )
    return table(
        [
            Column("name", "Field"),
            Column("type", "Type"),
            Column("required", "Required"),
            Column("description", "Description"),
            Column("constraints", "Constraints"),
            Column("allowed", "Allowed values"),
            Column("keys", "Keys"),
        ],
        rows,
    )


def resource_page(pkg, res: dict, downloads: list[Planned], release: Release) -> Page:
    name = res["name"]
    src = f"data/{name}.md"
    df = pkg[name]
    page = Page(
        src,
        f"{res.get('title', name)} ({name})",
        f"Data dictionary, sources and downloads of the {name} resource, release {release.version}.",
    )
    page.add(
        f"**Release {md(release.version)}** ({md(release.date)}) · {number(len(df))} rows · "
        f"file <code>{h(res['path'])}</code>",
        md(res.get("description", "")),
    )
    page.add("## Download", download_table(src, [d for d in downloads if d.resource == name], release))
    counts = {}
    for col in ("source_id", "people_source_id"):
        if col in df and name != "sources":
            for sid, n in df[col][df[col] != ""].value_counts().items():
                counts[sid] = counts.get(sid, 0) + int(n)
    if counts:
        items = "".join(f"<li>{source_link(pkg, s)}: {n} row{'s' * (n != 1)}</li>" for s, n in sorted(counts.items()))
        page.add("## Sources cited by this resource", f'<ul class="sources" data-search-exclude>{items}</ul>')
    page.add("## Data dictionary", dictionary(res))
    page.add(cite(release))
    return page


def index_page(pkg, downloads: list[Planned], release: Release) -> Page:
    src = "data/index.md"
    page = Page(
        src,
        "Data and downloads",
        f"Download the SPF Flagship data package, release {release.version}: CSV, "
        "JSON, Excel and a zipped Frictionless data package, with checksums, licence and citation.",
    )
    page.add(
        f"**Release {md(release.version)}**, published {md(release.date)}. "
        f"[What changed in this release]({md_link(src, 'data/changelog.md')})."
    )
    page.add("## The whole package", download_table(src, [d for d in downloads if d.resource is None], release))
    sums = f"{folder(release)}/SHA256SUMS"
    page.add(
        f'<p>Checksums of every file of this release: <a href="{h(link(src, sums))}">SHA256SUMS</a> '
        "(check with <code>sha256sum -c SHA256SUMS</code>). The zip unpacks to a Frictionless data package: "
        "<code>frictionless validate datapackage.json</code> passes.</p>"
    )
    rows = [
        {
            "name": Raw(f'<a href="{h(link(src, "data/" + r["name"] + ".md"))}">{h(r["name"])}</a>'),
            "title": r.get("title", ""),
            "rows": len(pkg[r["name"]]),
            "description": r.get("description", ""),
        }
        for r in pkg.descriptor["resources"]
    ]
    page.add(
        "## Resources",
        table(
            [
                Column("name", "Resource"),
                Column("title", "Title"),
                Column("rows", "Rows", True),
                Column("description", "Description"),
            ],
            rows,
        ),
    )
    page.add(cite(release))
    return page


def changelog_page(changelog_text: str, release: Release) -> Page:
    page = Page(
        "data/changelog.md",
        "Changelog of the data",
        "What changed in each release of the SPF Flagship data package, and why.",
    )
    body = changelog_text.split("\n", 1)[1] if changelog_text.startswith("# ") else changelog_text
    page.add(body.replace("\n## ", "\n### ").lstrip())
    return page


def build(pkg, downloads: list[Planned], release: Release, changelog_text: str) -> list[Page]:
    return [index_page(pkg, downloads, release), changelog_page(changelog_text, release)] + [
        resource_page(pkg, res, downloads, release) for res in pkg.descriptor["resources"]
    ]
