"""Data section: the release with its downloads and checksums, one page per resource with a data dictionary
rendered from its Table Schema, the changelog of the data, and how to cite."""

from __future__ import annotations

import posixpath

from spf.sitegen import changelog, freshness, i18n, linked_data, settings
from spf.sitegen.components import Column, Raw, data_lang, data_text, link, md_link, sentence, source_link, table
from spf.sitegen.downloads import Planned, folder
from spf.sitegen.i18n import N_, _, ngettext, pgettext
from spf.sitegen.page import Page
from spf.sitegen.release import Release
from spf.sitegen.text import STRONG, h, link_parts, md, number

KIND_NAMES = {
    "csv": N_("CSV"),
    "json": N_("JSON (records)"),
    "parquet": N_("Parquet (typed columns)"),
    "dcat": N_("DCAT catalogue of this release (JSON-LD, for open-data portals)"),
    "xlsx": N_("Excel workbook (all resources)"),
    "zip": N_("Data package zip (all resources, datapackage.json, README, licence, citation)"),
}


def data_md(text: str) -> str:
    """Markdown from datapackage.json (escaped), marked with its language on pages in other languages."""
    return f"<span{data_lang()}>{md(text)}</span>" if data_lang() and text else md(text)


def download_table(src: str, downloads: list[Planned], release: Release) -> str:
    rows = []
    for d in downloads:
        versioned = f"{folder(release)}/{d.name}"
        latest = f"downloads/latest/{d.latest_name}"
        rows.append(
            {
                "file": Raw(f'<a href="{h(link(src, versioned))}" download{data_lang()}>{h(d.name)}</a>'),
                "kind": _(KIND_NAMES[d.kind]),
                "size": Raw(d.size_text),  # the build's own placeholder (late.py); data text never forms one
                "latest": Raw(f'<a href="{h(link(src, latest))}"{data_lang()}>latest/{h(d.latest_name)}</a>'),
                "sha256": Raw(f"<code>{d.sha256}</code>"),
            }
        )
    columns = [
        Column("file", _("File")),
        Column("kind", _("Format")),
        Column("size", _("Size")),
        Column("latest", _("Stable link to the newest release")),
        Column("sha256", "SHA-256"),
    ]
    return table(columns, rows)


def cite(release: Release) -> str:
    heading = _("How to cite")
    licence = _(
        "The compilation is licensed under {link_start}CC BY 4.0{link_end}; the underlying sources keep their own "
        "terms.",
        **link_parts("https://creativecommons.org/licenses/by/4.0/"),
    )
    # the citation is the package's own (English) text, as citation managers read it
    return (
        f"## {heading}\n\n<p{data_lang()}>{h(release.citation())}</p>\n\n"
        f"<pre><code>{h(release.bibtex())}</code></pre>\n\n{licence}"
    )


def constraint_words(field: dict) -> tuple[str, str, str]:
    """(required, constraints in words, allowed values) for a Table Schema field."""
    c = field.get("constraints", {})
    words = []
    if "pattern" in c:
        words.append(_("pattern {pattern}", pattern=c["pattern"]))
    if "minimum" in c:
        words.append(_("at least {value}", value=c["minimum"]))
    if "maximum" in c:
        words.append(_("at most {value}", value=c["maximum"]))
    if c.get("unique"):
        words.append(_("unique"))
    required = _("yes") if c.get("required") else _("no")
    return (required, _("; ").join(words), ", ".join(map(str, c.get("enum", []))))


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
            others = data_text(", ".join(k for k in pk if k != f["name"]))
            with_others = sentence(_("primary key (with {fields})"), fields=others)
            key.append(with_others if len(pk) > 1 else h(_("primary key")))
        if f["name"] in fks:
            ref = fks[f["name"]]
            field = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
            key.append(sentence(_("refers to {target}"), target=data_text(f"{ref['resource']}.{field}")))
        rows.append(
            {
                "name": Raw(f"<code>{h(f['name'])}</code>"),
                "type": Raw(f"<code>{h(f.get('type', 'string'))}</code>"),  # a Table Schema type: a literal
                "required": required,
                "description": data_text(f.get("description", "")),
                "constraints": cons,
                "allowed": data_text(allowed) if allowed else "",
                "keys": Raw("; ".join(key)),
            }
        )
    columns = [
        Column("name", _("Field")),
        Column("type", _("Type")),
        Column("required", _("Required")),
        Column("description", _("Description")),
        Column("constraints", _("Constraints")),
        Column("allowed", _("Allowed values")),
        Column("keys", _("Keys")),
    ]
    return table(columns, rows)


def resource_title(res: dict) -> str | None:
    """A resource's title in the page's language (context "resource"), or None when the catalogue has no
    translation of it (English pages: the package's own)."""
    title = res.get("title") or res["name"]
    if i18n.current() == i18n.DEFAULT:
        return title
    # the titles are extracted from datapackage.json into the catalogues (i18n.extract_datapackage)
    return pgettext("resource", title) if i18n.is_translated(i18n.current(), title, "resource") else None


def resource_page(pkg, res: dict, downloads: list[Planned], release: Release) -> Page:
    name = res["name"]
    src = f"data/{name}.md"
    df = pkg[name]
    # on other languages' pages the resource is named by its file (countries.csv): its name is an English word
    title = resource_title(res)
    page = Page(
        src,
        f"{title} ({name})"
        if i18n.current() == i18n.DEFAULT
        else f"{title or res.get('title', name)} ({posixpath.basename(res['path'])})",
        _(
            "Data dictionary, sources and downloads of the {name} resource, release {version}.",
            name=name if i18n.current() == i18n.DEFAULT else title or name,
            version=release.version,
        ),
    )
    n = len(df)
    page.add(
        ngettext(
            "{strong_start}Release {version}{strong_end} ({date}) · {count} row · file {file}",
            "{strong_start}Release {version}{strong_end} ({date}) · {count} rows · file {file}",
            n,
            **STRONG,
            version=md(release.version),
            date=md(i18n.when(release.date)),
            count=number(n),
            file=f"<code>{h(res['path'])}</code>",
        ),
        data_md(res.get("description", "")),
        freshness.note(freshness.years(pkg, name), release, settings.stale_after_years()),
        linked_data.script(linked_data.dataset(pkg, release, downloads, res)),
    )
    page.add("## " + _("Download"), download_table(src, [d for d in downloads if d.resource == name], release))
    counts = {}
    for col in ("source_id", "people_source_id"):
        if col in df and name != "sources":
            for sid, n in df[col][df[col] != ""].value_counts().items():
                counts[sid] = counts.get(sid, 0) + int(n)
    if counts:
        items = "".join(
            "<li>"
            + sentence(
                ngettext("{source}: {count} row", "{source}: {count} rows", n, source="{source}", count="{count}"),
                source=source_link(pkg, s),
                count=h(number(n)),
            )
            + "</li>"
            for s, n in sorted(counts.items())
        )
        page.add("## " + _("Sources cited by this resource"), f'<ul class="sources" data-search-exclude>{items}</ul>')
    page.add("## " + _("Data dictionary"), dictionary(res))
    page.add(cite(release))
    return page


def newest_year(pkg, name: str, release: Release) -> Raw | str:
    """The resource's newest year, marked when it is older than the configured age at this release."""
    span = freshness.years(pkg, name)
    if span is None:
        return "–"
    if freshness.is_stale(span[1], release.date, settings.stale_after_years()):
        old = _("old")
        return Raw(f'{span[1]} <strong class="freshness--stale">({h(old)})</strong>')
    return str(span[1])


def more_ways(src: str) -> list[str]:
    """Paragraphs: the JSON API, the feed of releases and the offline copy."""
    feed, api_index, spec = _("Atom feed"), _("JSON API"), _("OpenAPI description")
    follow = sentence(
        _("One country or one measure at a time: the {api} ({spec}). To follow new releases: the {feed}."),
        api=f'<a href="{h(link(src, "api/v1/index.json"))}" type="application/json">{h(api_index)}</a>',
        spec=f'<a href="{h(link(src, "api/openapi.json"))}" type="application/json">{h(spec)}</a>',
        feed=f'<a href="{h(link(src, "feed.xml"))}" type="application/atom+xml">{h(feed)}</a>',
    )
    copy = _("the whole site in one zip")
    offline = sentence(
        _(
            "To read offline: {link}, with its charts and data (unzip it and open index.html; search needs the "
            "site online)."
        ),
        link=f'<a href="{h(link(src, "downloads/offline/spf-flagship-site.zip"))}" download>{h(copy)}</a>',
    )
    return [f"<p>{follow}</p>", f"<p>{offline}</p>"]


def index_page(pkg, downloads: list[Planned], release: Release) -> Page:
    src = "data/index.md"
    page = Page(
        src,
        _("Data and downloads"),
        _(
            "Download the SPF Flagship data package, release {version}: CSV, JSON, Excel and a zipped "
            "Frictionless data package, with checksums, licence and citation.",
            version=release.version,
        ),
    )
    page.add(
        _(
            "{strong_start}Release {version}{strong_end}, published {date}. "
            "{link_start}What changed in this release{link_end}.",
            version=md(release.version),
            date=md(i18n.when(release.date)),
            **STRONG,
            **link_parts(md_link(src, "data/changelog.md")),
        ),
        linked_data.script(linked_data.dataset(pkg, release, downloads)),
    )
    page.add("## " + _("The whole package"), download_table(src, [d for d in downloads if d.resource is None], release))
    sums = f"{folder(release)}/SHA256SUMS"
    checksums = sentence(
        _(
            "Checksums of every file of this release: {link} (check with {check}). The zip unpacks to a "
            "Frictionless data package: {validate} passes."
        ),
        link=f'<a href="{h(link(src, sums))}">SHA256SUMS</a>',
        check="<code>sha256sum -c SHA256SUMS</code>",
        validate="<code>frictionless validate datapackage.json</code>",
    )
    page.add(f"<p>{checksums}</p>")
    page.add(*more_ways(src))
    rows = [
        {
            "name": Raw(f'<a href="{h(link(src, "data/" + r["name"] + ".md"))}"{data_lang()}>{h(r["name"])}</a>'),
            "title": h(resource_title(r)) if resource_title(r) else data_text(r.get("title", "")),
            "rows": len(pkg[r["name"]]),
            "newest": newest_year(pkg, r["name"], release),
            "description": data_text(r.get("description", "")),
        }
        for r in pkg.descriptor["resources"]
    ]
    columns = [
        Column("name", _("Resource")),
        Column("title", _("Title")),
        Column("rows", _("Rows"), True),
        Column("newest", _("Newest year")),
        Column("description", _("Description")),
    ]
    page.add("## " + _("Resources"), table(columns, rows))
    page.add(cite(release))
    return page


def changelog_page(changelog_text: str, release: Release) -> Page:
    page = Page(
        "data/changelog.md",
        _("Changelog of the data"),
        _("What changed in each release of the SPF Flagship data package, and why."),
    )
    body = changelog_text.split("\n", 1)[1] if changelog_text.startswith("# ") else changelog_text
    body = changelog.markdown(body)  # text, not Markdown: its releases (##) are the sections, under the page's h1
    if data_lang():  # CHANGELOG.md is written in English: said so, and marked (md_in_html keeps it Markdown)
        page.add(_("The changelog is written in English."), f'<div{data_lang()} markdown="1">\n\n{body}\n</div>')
    else:
        page.add(body)
    return page


def build(pkg, downloads: list[Planned], release: Release, changelog_text: str) -> list[Page]:
    return [index_page(pkg, downloads, release), changelog_page(changelog_text, release)] + [
        resource_page(pkg, res, downloads, release) for res in pkg.descriptor["resources"]
    ]
